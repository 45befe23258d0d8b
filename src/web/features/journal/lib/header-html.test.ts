import { describe, expect, it } from 'vitest';
import { buildGridModel } from './grid-model.js';
import { type HeaderTexts, headerHtml } from './header-html.js';
import { testLesson, testPage } from './page.test-helpers.js';

const data = testPage({
  page: { today: '2026-09-08', substituteLessonIds: [13] },
  pupils: [{ id: 1, name: 'Бойко Мила', fromDate: '2026-09-01', toDate: null }],
  lessons: [testLesson(11, '2026-09-02', { topic: 'Дроби <1>' }), testLesson(12, '2026-09-08', { remote: true }), testLesson(13, '2026-09-09')],
  columns: [{ id: 20, kind: 'thematic', semester: 1, title: 'Тематична "1"', afterDate: '2026-09-08', position: 10 }],
});

const texts: HeaderTexts = {
  number: '№',
  pupil: 'Учень',
  today: 'Сьогодні',
  cancelled: 'Скасовано',
  remoteTitle: 'Дистанційно',
  extraTitle: 'Додатковий',
  substitute: 'Заміна',
  remote: 'дист.',
  extra: 'дод.',
  openLesson: (date) => `Відкрити урок ${date}`,
  month: () => 'вересень',
  label: (index) => ['02.09', '08.09', 'Тем. 1', '09.09'][index],
  title: (index) => (index === 2 ? 'Тематична "1"' : ''),
};

describe('headerHtml', () => {
  const model = buildGridModel(data);
  const html = headerHtml(model, new Set(data.page.substituteLessonIds), texts);

  it('draws the corner, the months over the lessons and a summary column over both rows', () => {
    expect(html.startsWith('<tr><th class="jg-corner" rowspan="2" scope="col"><span class="jg-num">№</span>Учень</th>')).toBe(true);
    expect(html).toContain('<th colspan="2" scope="colgroup"><div class="jg-month">вересень</div></th>');
    expect(html).toContain('<th rowspan="2" scope="col" class="jg-sum-h" title="Тематична &quot;1&quot;" data-col="2">Тем. 1</th>');
    expect(html).toContain('<th colspan="1" scope="colgroup"><div class="jg-month"></div></th>');
  });

  it('gives every lesson a button with its notes as the title and the label for screen readers', () => {
    expect(html).toContain(
      '<th scope="col" data-col="0"><button type="button" class="jg-day-btn" data-lesson="11" title="Дроби &lt;1&gt;" aria-label="Відкрити урок 02.09"><span class="jg-date">02.09</span><span class="jg-day-dot is-done"></span></button></th>',
    );
    expect(html).toContain('<th scope="col" class="jg-today" data-col="1"><button type="button" class="jg-day-btn" data-lesson="12" title="Сьогодні · Дистанційно"');
    expect(html).toContain('<span class="jg-day-tag is-remote">дист.</span>');
    expect(html).toContain('<th scope="col" class="jg-future" data-col="3"><button type="button" class="jg-day-btn" data-lesson="13" title="Заміна"');
    expect(html).toContain('<span class="jg-day-tag is-sub">↔</span>');
  });
});
