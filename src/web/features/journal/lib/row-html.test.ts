import { describe, expect, it } from 'vitest';
import type { TJournalPage } from '../../../../shared/api/journal.js';
import { type CellValue, lessonCellKey, summaryCellKey } from './cells.js';
import { buildGridModel } from './grid-model.js';
import { columnInfos, escapeHtml, rowHtml } from './row-html.js';
import { points12, testLesson, testPage } from './page.test-helpers.js';
import type { CellStatus } from './save-queue.js';

function data(scale = points12): TJournalPage {
  return testPage({
    page: { scale },
    pupils: [
      { id: 1, name: 'Бойко <Мила>', fromDate: '2026-09-01', toDate: null },
      { id: 2, name: 'Гайдамака Дарина', fromDate: '2026-09-05', toDate: null },
    ],
    lessons: [testLesson(11, '2026-09-02'), testLesson(12, '2026-09-08')],
    columns: [
      { id: 20, kind: 'thematic', semester: 1, title: 'Тематична 1', afterDate: '2026-09-08', position: 10 },
      { id: 21, kind: 'semester', semester: 1, title: 'І семестр', afterDate: null, position: 20 },
    ],
  });
}

const texts = { notEnrolled: 'Не навчався', suggested: (v: string) => `Пропозиція: ${v}` };

function render(page: TJournalPage, values: Record<string, CellValue>, statuses: Record<string, CellStatus> = {}, row = 0) {
  const model = buildGridModel(page);
  const cells = { value: (k: string) => values[k] ?? { mark: '', absent: false }, status: (k: string) => statuses[k] ?? null };
  return rowHtml(model.rows[row], columnInfos(model, page.page.scale.freeText), cells, page.page.scale, texts);
}

describe('rowHtml', () => {
  it('draws the number, the escaped name and one cell per column', () => {
    const html = render(data(), { [lessonCellKey(11, 1)]: { mark: '9', absent: false }, [lessonCellKey(12, 1)]: { mark: '', absent: true } });
    expect(html).toContain('<span class="jg-num">1</span>Бойко &lt;Мила&gt;</th>');
    expect(html).toContain('<td id="jc-0-0">9</td>');
    expect(html).toContain('<td id="jc-0-1" class="jg-abs">н</td>');
    expect(html.match(/<td/g)).toHaveLength(4);
  });

  it('draws a pencil mark as its mark, pencil-grey, with the note that only the teacher sees it', () => {
    const page = data();
    const model = buildGridModel(page);
    const cells = { value: () => ({ mark: '10', absent: false, tentative: true }), status: () => null };
    const html = rowHtml(model.rows[0], columnInfos(model, false), cells, page.page.scale, { ...texts, tentative: 'Олівцем' });
    expect(html).toContain('<td id="jc-0-0" class="jg-tent" title="Олівцем">10</td>');
  });

  it('greys out lessons before the pupil arrived', () => {
    expect(render(data(), {}, {}, 1)).toContain('<td id="jc-1-0" class="jg-off" title="Не навчався" aria-disabled="true"></td>');
  });

  it('marks a cell by its save status, with the message as its title', () => {
    const html = render(data(), { [lessonCellKey(11, 1)]: { mark: '13', absent: false } }, { [lessonCellKey(11, 1)]: { kind: 'invalid', message: 'Не за "шкалою"' } });
    expect(html).toContain('class="jg-f" title="Не за &quot;шкалою&quot;">13</td>');
  });

  it('suggests a semester mark from the thematic ones while the cell is empty', () => {
    const html = render(data(), { [summaryCellKey(20, 1)]: { mark: '8', absent: false } });
    expect(html).toContain('title="Пропозиція: 8.0"><span class="jg-hint">8.0</span></td>');
  });

  it('escapes free text of the verbal scale', () => {
    const verbal = { code: 'verbal', name: 'Вербальне', values: [], freeText: true };
    const page = { ...data(verbal), columns: [] };
    const html = render(page, { [lessonCellKey(11, 1)]: { mark: '<b>Молодець</b> & "так"', absent: false } });
    expect(html).toContain('&lt;b&gt;Молодець&lt;/b&gt; &amp; &quot;так&quot;</td>');
    expect(html).not.toContain('<b>');
  });

  it('escapes every special character', () => {
    expect(escapeHtml(`<a href='x'>&"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;');
  });
});
