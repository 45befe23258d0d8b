import { type ColumnKind, checkMark, normalizeMark, type TScale } from '../../../../shared/scales.js';

/** What a cell holds: a mark, or absence (`н`), or nothing. Summary cells never hold absence. */
export interface CellValue {
  mark: string;
  absent: boolean;
  /** a pencil mark: only the page's teacher sees it until confirmed (lesson cells only) */
  tentative?: boolean;
}

/** A cell as the server stores it: its value and the version a save must name. */
export interface StoredCell extends CellValue {
  version: number;
}

/** Which cell of a page: a lesson cell or a summary (thematic, semester…) cell. */
export type CellRef = { kind: 'lesson'; lessonId: number; pupilId: number } | { kind: 'summary'; columnId: number; pupilId: number };

export const EMPTY_CELL: CellValue = { mark: '', absent: false };

/** The key of a lesson cell in every map of the grid: `lessonId:pupilId`. */
export const lessonCellKey = (lessonId: number, pupilId: number): string => `${lessonId}:${pupilId}`;

/** The key of a summary cell: `s` + `columnId:pupilId`, so it never collides with a lesson cell. */
export const summaryCellKey = (columnId: number, pupilId: number): string => `s${columnId}:${pupilId}`;

/** The cell a key names. */
export function refOfKey(key: string): CellRef {
  const summary = key.startsWith('s');
  const [a, b] = (summary ? key.slice(1) : key).split(':').map(Number);
  return summary ? { kind: 'summary', columnId: a, pupilId: b } : { kind: 'lesson', lessonId: a, pupilId: b };
}

export const sameValue = (a: CellValue, b: CellValue): boolean => a.mark === b.mark && a.absent === b.absent && !!a.tentative === !!b.tentative;

/** The prefix that makes a typed or pasted mark a pencil (tentative) one: `?10`. */
export const TENTATIVE_PREFIX = '?';

/** What a cell's text is when typed again or copied: the mark (`?10` in pencil), `н` for absence, '' for nothing. */
export function cellText(value: CellValue): string {
  if (value.absent) return 'н';
  return value.tentative && value.mark ? `${TENTATIVE_PREFIX}${value.mark}` : value.mark;
}

/** The same value, confirmed (a pencil mark becomes a mark everybody sees). */
export const confirmed = (value: CellValue): CellValue => ({ mark: value.mark, absent: value.absent });


const ABSENT_INPUTS = new Set(['н', 'Н', 'n', 'N']);

/** The result of reading what a teacher typed or pasted into one cell. */
export type CellInput = { ok: true; value: CellValue } | { ok: false; value: CellValue; problem: string };

/**
 * Reads what a teacher typed into a cell, normalised like the server does: `н` (also `Н`, Latin `n`)
 * in a lesson cell is absence and clears the mark; a mark clears absence. Values off the page's
 * scale come back with the problem key of `checkMark` (translated by CELL_PROBLEMS).
 */
export function readCellInput(raw: string, column: ColumnKind, scale: TScale, opts: { grade: number; passFail: boolean }): CellInput {
  let trimmed = raw.trim();
  // `?10` in a lesson cell is a pencil mark; a lone `?` is nothing
  const tentative = column === 'lesson' && trimmed.startsWith(TENTATIVE_PREFIX);
  if (tentative) trimmed = trimmed.slice(TENTATIVE_PREFIX.length).trim();
  if (column === 'lesson' && ABSENT_INPUTS.has(trimmed)) {
    const value = { mark: '', absent: true };
    return tentative ? { ok: false, value, problem: 'tentative_absent' } : { ok: true, value };
  }
  const mark = normalizeMark(trimmed);
  const value: CellValue = tentative && mark ? { mark, absent: false, tentative: true } : { mark, absent: false };
  const problem = checkMark(scale, mark, column, opts);
  return problem ? { ok: false, value, problem } : { ok: true, value };
}
