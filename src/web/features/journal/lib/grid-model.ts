import type { TJournalPage, TLesson, TSummaryColumn } from '../../../../shared/api/journal.js';
import type { ColumnKind } from '../../../../shared/scales.js';
import { lessonCellKey, type StoredCell, summaryCellKey } from './cells.js';

type TPupil = TJournalPage['pupils'][number];

/** One column of the grid: a lesson, or a summary column placed among or after the lessons. */
export interface GridColumn {
  index: number;
  kind: ColumnKind;
  /** the lesson's or the summary column's id */
  id: number;
  lesson: TLesson | null;
  summary: TSummaryColumn | null;
  /** the teacher may write this column at all (enrolment of each pupil is checked per cell) */
  writable: boolean;
  isToday: boolean;
  isFuture: boolean;
  /** a thematic column's number on the page: Тематична 1, 2… */
  ordinal: number;
}

export interface GridRow {
  index: number;
  pupil: TPupil;
}

/** A run of neighbouring lesson columns of one month, for the header's month row; summary columns get their own run. */
export interface HeaderRun {
  start: number;
  span: number;
  /** YYYY-MM of the lessons, null for a summary column */
  month: string | null;
}

export interface GridModel {
  columns: GridColumn[];
  rows: GridRow[];
  runs: HeaderRun[];
  /** every stored cell of the semester, by cell key */
  stored: Map<string, StoredCell>;
}

/** Lessons, then each thematic column after the last lesson dated on or before its afterDate, then the rest. */
function orderColumns(lessons: TLesson[], summary: TSummaryColumn[]): Array<{ lesson: TLesson } | { summary: TSummaryColumn }> {
  // ISO dates sort as plain strings; localeCompare would wake the ICU collator for nothing
  const byDate = (a: TLesson, b: TLesson) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  const sortedLessons = [...lessons].sort((a, b) => byDate(a, b) || a.period - b.period || a.id - b.id);
  const byPosition = [...summary].sort((a, b) => a.position - b.position || a.id - b.id);
  const thematic = byPosition.filter((c) => c.kind === 'thematic' && c.afterDate !== null);
  const tail = byPosition.filter((c) => !(c.kind === 'thematic' && c.afterDate !== null));
  const out: Array<{ lesson: TLesson } | { summary: TSummaryColumn }> = [];
  let t = 0;
  for (const lesson of sortedLessons) {
    while (t < thematic.length && thematic[t].afterDate! < lesson.date) out.push({ summary: thematic[t++] });
    out.push({ lesson });
  }
  while (t < thematic.length) out.push({ summary: thematic[t++] });
  for (const c of tail) out.push({ summary: c });
  return out;
}

function headerRuns(columns: GridColumn[]): HeaderRun[] {
  const runs: HeaderRun[] = [];
  for (const c of columns) {
    const month = c.lesson ? c.lesson.date.slice(0, 7) : null;
    const last = runs[runs.length - 1];
    if (month && last && last.month === month && last.start + last.span === c.index) last.span++;
    else runs.push({ start: c.index, span: 1, month });
  }
  return runs;
}

/** Builds the grid of one semester of a page: columns in journal order, rows of pupils, stored cells by key. */
export function buildGridModel(data: TJournalPage): GridModel {
  const { page } = data;
  const open = page.yearStatus === 'open';
  const substitute = new Set(page.substituteLessonIds);
  let thematicCount = 0;
  const columns = orderColumns(data.lessons, data.columns).map<GridColumn>((entry, index) => {
    if ('lesson' in entry) {
      const l = entry.lesson;
      const future = l.date > page.today;
      const writable = open && (page.canWrite || substitute.has(l.id)) && !l.cancelled && !future;
      return { index, kind: 'lesson', id: l.id, lesson: l, summary: null, writable, isToday: l.date === page.today, isFuture: future, ordinal: 0 };
    }
    const c = entry.summary;
    const writable = open && page.canWrite && !page.scale.freeText;
    const ordinal = c.kind === 'thematic' ? ++thematicCount : 0;
    return { index, kind: c.kind, id: c.id, lesson: null, summary: c, writable, isToday: false, isFuture: false, ordinal };
  });
  const stored = new Map<string, StoredCell>();
  for (const [lessonId, pupilId, mark, absent, version, tentative] of data.cells) {
    stored.set(lessonCellKey(lessonId, pupilId), tentative ? { mark, absent, version, tentative } : { mark, absent, version });
  }
  for (const [columnId, pupilId, mark, version] of data.summary) stored.set(summaryCellKey(columnId, pupilId), { mark, absent: false, version });
  const rows = data.pupils.map<GridRow>((pupil, index) => ({ index, pupil }));
  return { columns, rows, runs: headerRuns(columns), stored };
}

/** The key of the cell at a column and a pupil. */
export function cellKeyAt(column: GridColumn, pupilId: number): string {
  return column.kind === 'lesson' ? lessonCellKey(column.id, pupilId) : summaryCellKey(column.id, pupilId);
}

/** The pupil was on the page on the lesson's date (summary cells: every pupil listed). */
export function isEnrolled(column: GridColumn, pupil: TPupil): boolean {
  if (!column.lesson) return true;
  const day = column.lesson.date;
  return pupil.fromDate <= day && (pupil.toDate === null || day <= pupil.toDate);
}

/** The teacher may type into this cell now. */
export function isCellWritable(column: GridColumn, pupil: TPupil): boolean {
  return column.writable && isEnrolled(column, pupil);
}

/** The thematic columns a semester (or corrected) column sums up: the thematic columns of its semester. */
export function thematicColumnsFor(model: GridModel, column: GridColumn): GridColumn[] {
  const semester = column.summary?.semester ?? null;
  return model.columns.filter((c) => c.kind === 'thematic' && (semester === null || c.summary?.semester === semester));
}

/** `дд.мм` of an ISO date. */
export function shortDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}`;
}
