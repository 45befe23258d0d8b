import { suggestSemesterMark, type TScale } from '../../../../shared/scales.js';
import { type CellValue, cellText } from './cells.js';
import { cellKeyAt, type GridColumn, type GridModel, type GridRow, thematicColumnsFor } from './grid-model.js';
import type { CellStatus } from './save-queue.js';

/** The id of the cell at a row and column, as rowHtml writes it. */
export const cellId = (row: number, col: number, prefix = 'jc-'): string => `${prefix}${row}-${col}`;

/** What a row needs to know about each column, worked out once per grid. */
export interface ColumnInfo {
  column: GridColumn;
  /** the cell's classes that do not depend on its value */
  base: string;
  /** for a semester column: the thematic columns its suggestion comes from */
  thematic: GridColumn[] | null;
  /** the start of its cells' keys: a cell's key is this and the pupil's id (see cellKeyAt) */
  keyPrefix: string;
  /** the pupil's enrolment is checked against this lesson date (null: every pupil listed) */
  date: string | null;
}

/** The few strings cells carry in their `title`, in the UI language. */
export interface RowTexts {
  notEnrolled: string;
  suggested: (value: string) => string;
  /** the title of a pencil mark: only the teacher sees it */
  tentative?: string;
}

export interface CellReader {
  value: (key: string) => CellValue;
  status: (key: string) => CellStatus | null;
}

const STATUS_CLASS: Record<CellStatus['kind'], string> = { pending: ' jg-p', failed: ' jg-f', invalid: ' jg-f', conflict: ' jg-k', reason: ' jg-r' };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
/** Text made safe for HTML content and attribute values. */
export const escapeHtml = (s: string): string => (SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]) : s);

/** Per-column facts for rows: base classes, the border before the final columns, the thematic columns of a semester. */
export function columnInfos(model: GridModel, verbal: boolean): ColumnInfo[] {
  const firstFinal = model.columns.findIndex((c) => c.kind !== 'lesson' && c.kind !== 'thematic');
  return model.columns.map((column) => {
    let base = column.kind === 'lesson' ? (verbal ? 'jg-verbal' : '') : 'jg-summary';
    if (column.index === firstFinal) base += ' jg-first-final';
    const keyPrefix = cellKeyAt(column, 0).slice(0, -1);
    return { column, base, thematic: column.kind === 'semester' ? thematicColumnsFor(model, column) : null, keyPrefix, date: column.lesson?.date ?? null };
  });
}

/**
 * One pupil's row as HTML: the number and name, then one plain cell per column with classes for
 * its state. A grid of a thousand and more cells is drawn by the browser's parser in one go,
 * far faster than as elements one by one; every value and title is escaped.
 */
export function rowHtml(row: GridRow, infos: ColumnInfo[], cells: CellReader, scale: TScale, texts: RowTexts, cellIdPrefix = 'jc-'): string {
  const { pupil } = row;
  const name = escapeHtml(pupil.name);
  const idPrefix = `${cellIdPrefix}${row.index}-`;
  const off = `class="jg-off" title="${escapeHtml(texts.notEnrolled)}" aria-disabled="true"></td>`;
  let html = `<th scope="row" class="jg-pupil" title="${name}"><span class="jg-num">${row.index + 1}</span>${name}</th>`;
  for (const { column, base, thematic, keyPrefix, date } of infos) {
    // ids let the grid point screen readers at the focused cell (aria-activedescendant)
    const id = idPrefix + column.index;
    // enrolled on the lesson's date (isEnrolled, without a call per cell)
    if (date !== null && (date < pupil.fromDate || (pupil.toDate !== null && date > pupil.toDate))) {
      html += `<td id="${id}" ${off}`;
      continue;
    }
    const key = keyPrefix + pupil.id;
    const value = cells.value(key);
    const status = cells.status(key);
    let cls = base;
    if (value.absent) cls += ' jg-abs';
    if (value.tentative) cls += ' jg-tent';
    if (!column.writable) cls += ' jg-ro';
    if (status) cls += STATUS_CLASS[status.kind];
    const text = cellText(value);
    // a pencil mark shows as the mark, pencil-grey (see grid.css); its `?` is only typed and copied
    let content = escapeHtml(value.tentative ? value.mark : text);
    let title = status && 'message' in status ? status.message : value.tentative ? (texts.tentative ?? '') : scale.freeText && text ? text : '';
    if (!text && thematic) {
      const hint = suggestSemesterMark(
        scale,
        thematic.map((c) => cells.value(cellKeyAt(c, pupil.id)).mark),
      );
      if (hint) {
        content = `<span class="jg-hint">${escapeHtml(hint)}</span>`;
        title = texts.suggested(hint);
      }
    }
    html += `<td id="${id}"${cls ? ` class="${cls.trim()}"` : ''}${title ? ` title="${escapeHtml(title)}"` : ''}>${content}</td>`;
  }
  return html;
}
