import { describe, expect, it } from 'vitest';
import type { TJournalPage, TSummaryColumn } from '../../../../shared/api/journal.js';
import { buildGridModel, cellKeyAt, isCellWritable, shortDate, thematicColumnsFor } from './grid-model.js';
import { startCell } from '../components/grid/labels.js';
import { testLesson, testPage } from './page.test-helpers.js';


const column = (id: number, kind: TSummaryColumn['kind'], afterDate: string | null, position: number): TSummaryColumn => ({
  id,
  kind,
  semester: 1,
  title: kind,
  afterDate,
  position,
});

function page(over: Partial<TJournalPage['page']> = {}): TJournalPage {
  return testPage({
    page: { teacherName: 'Вчитель', ...over },
    semester: 1,
    pupils: [
      { id: 1, name: 'Бойко Милослава', fromDate: '2026-09-01', toDate: null },
      { id: 2, name: 'Гайдамака Дарина', fromDate: '2026-09-05', toDate: null },
    ],
    lessons: [testLesson(12, '2026-09-08'), testLesson(11, '2026-09-02'), testLesson(13, '2026-09-15'), testLesson(14, '2026-09-09', { cancelled: true })],
    columns: [column(21, 'semester', null, 30), column(20, 'thematic', '2026-09-08', 10), column(22, 'corrected', null, 40)],
    cells: [[11, 1, '9', false, 2], [12, 1, '7', false, 1, true]],
    summary: [[20, 1, '8', 1]],
  });
}

describe('buildGridModel', () => {
  it('orders lessons by date and places a thematic column after the last lesson up to its date', () => {
    const m = buildGridModel(page());
    expect(m.columns.map((c) => `${c.kind}:${c.id}`)).toEqual([
      'lesson:11',
      'lesson:12',
      'thematic:20',
      'lesson:14',
      'lesson:13',
      'semester:21',
      'corrected:22',
    ]);
    expect(m.columns[2].ordinal).toBe(1);
  });

  it('groups lesson columns by month for the header and keeps stored cells by key', () => {
    const m = buildGridModel(page());
    expect(m.runs.map((r) => [r.month, r.span])).toEqual([
      ['2026-09', 2],
      [null, 1],
      ['2026-09', 2],
      [null, 1],
      [null, 1],
    ]);
    expect(m.stored.get('11:1')).toEqual({ mark: '9', absent: false, version: 2 });
    expect(m.stored.get('12:1')).toEqual({ mark: '7', absent: false, version: 1, tentative: true });
    expect(m.stored.get('s20:1')).toEqual({ mark: '8', absent: false, version: 1 });
    expect(cellKeyAt(m.columns[2], 1)).toBe('s20:1');
  });

  it('lets the teacher write past lessons of enrolled pupils only; not future or cancelled ones', () => {
    const m = buildGridModel(page());
    const [boiko, haidamaka] = m.rows.map((r) => r.pupil);
    const col = (id: number) => m.columns.find((c) => c.id === id && c.kind === 'lesson')!;
    expect(isCellWritable(col(11), boiko)).toBe(true);
    expect(isCellWritable(col(11), haidamaka)).toBe(false);
    expect(isCellWritable(col(13), boiko)).toBe(false);
    expect(col(13).isFuture).toBe(true);
    expect(isCellWritable(col(14), boiko)).toBe(false);
  });

  it('is read-only without canWrite except the substituted lessons', () => {
    const m = buildGridModel(page({ canWrite: false, substituteLessonIds: [12] }));
    expect(m.columns.filter((c) => c.writable).map((c) => c.id)).toEqual([12]);
  });

  it('is read-only in a closed year', () => {
    expect(buildGridModel(page({ yearStatus: 'closed' })).columns.some((c) => c.writable)).toBe(false);
  });

  it('finds the thematic columns a semester column sums up', () => {
    const m = buildGridModel(page());
    const semester = m.columns.find((c) => c.kind === 'semester')!;
    expect(thematicColumnsFor(m, semester).map((c) => c.id)).toEqual([20]);
  });

  it('shows dates as дд.мм', () => {
    expect(shortDate('2026-09-08')).toBe('08.09');
  });
});

describe('startCell', () => {
  it('opens on the linked lesson and pupil (the head’s drill-down link)', () => {
    const m = buildGridModel(page());
    expect(startCell(m, { lessonId: 11, pupilId: 2 })).toEqual({ row: 1, col: 0 });
    expect(startCell(m, { columnId: 21, pupilId: 1 })).toEqual({ row: 0, col: 5 });
  });

  it('falls back to the last lesson held and the first row when the link names nothing on the page', () => {
    const m = buildGridModel(page());
    // today is 2026-09-10: the lesson of the 8th (the 9th is cancelled, the 15th is ahead)
    expect(startCell(m)).toEqual({ row: 0, col: 1 });
    expect(startCell(m, { lessonId: 999, pupilId: 999 })).toEqual({ row: 0, col: 1 });
  });
});
