import { useCallback, useMemo, useRef } from 'react';
import type { TJournalPage } from '../../../../../shared/api/journal.js';
import { CELL_PROBLEMS, formatMessage } from '../../../../../shared/errors.js';
import { checkMark } from '../../../../../shared/scales.js';
import { currentLocale } from '../../../../lib/i18n/index.js';
import { type CellValue, cellText, confirmed, readCellInput, refOfKey, sameValue } from '../../lib/cells.js';
import { cellKeyAt, type GridColumn, type GridModel, isCellWritable } from '../../lib/grid-model.js';
import { type BlockCell, blockCells, type Pos, type Rect } from '../../lib/navigation.js';
import type { Placed } from '../../lib/paste.js';
import type { SaveQueue } from '../../lib/save-queue.js';
import { type CellEdit, UndoStack } from '../../lib/undo.js';

interface Change {
  key: string;
  value: CellValue;
  /** a problem key of checkMark, or null */
  problem: string | null;
  column: GridColumn;
}

/** Whole days from one ISO date to another, as the server counts them. */
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** What an edit did: cells changed, and cells left alone because they cannot be written. */
export interface EditResult {
  applied: number;
  skipped: number;
  /** a block fill refused before sending: the cells whose value is not allowed, and why */
  refused?: { pos: Pos; problem: string }[];
}

/**
 * Turns typed, pasted and cleared text into cell changes: read like the server reads it,
 * refused at once when off the scale, queued for saving, and recorded for undo as one step.
 */
export function useCellEdits(data: TJournalPage, model: GridModel, queue: SaveQueue) {
  const undoStack = useRef(new UndoStack());
  const { page } = data;
  const opts = useMemo(() => ({ grade: page.grade, passFail: page.passFail }), [page.grade, page.passFail]);
  const problemText = useCallback((code: string) => formatMessage(CELL_PROBLEMS[code]?.[currentLocale()] ?? code, { days: page.lateEditDays }), [page.lateEditDays]);

  /** Where a cell key sits in the grid, to bring the focus back to an undone cell. */
  const posOfKey = useMemo(() => {
    const cols = new Map(model.columns.map((c) => [`${c.kind === 'lesson' ? 'l' : 's'}${c.id}`, c.index]));
    const rows = new Map(model.rows.map((r) => [r.pupil.id, r.index]));
    return (key: string): Pos | null => {
      const ref = refOfKey(key);
      const col = cols.get(ref.kind === 'lesson' ? `l${ref.lessonId}` : `s${ref.columnId}`);
      const row = rows.get(ref.pupilId);
      return col === undefined || row === undefined ? null : { row, col };
    };
  }, [model]);

  /** Why a change must wait: a value off the scale, or an old lesson or a corrected mark that needs a reason. */
  const holdFor = useCallback(
    (column: GridColumn, problem: string | null) => {
      if (problem) return { kind: 'invalid' as const, message: problemText(problem) };
      if (column.kind === 'corrected') return { kind: 'reason' as const, message: problemText('corrected_reason_required') };
      const late = column.lesson && daysBetween(column.lesson.date, page.today) > page.lateEditDays;
      return late ? { kind: 'reason' as const, message: problemText('reason_required') } : undefined;
    },
    [problemText, page.today, page.lateEditDays],
  );

  /** Queues changes; a block (`block`) is one group, saved together or not at all, and waits for a reason as a whole. */
  const setValues = useCallback(
    (changes: Change[], block = false) => {
      const edits: CellEdit[] = [];
      const live = changes.filter(({ key, value, problem }) => !(sameValue(queue.value(key), value) && !problem && !queue.status(key)));
      const group = block && live.length > 1 ? queue.newGroup() : undefined;
      const blockHold = group === undefined ? undefined : live.map((c) => holdFor(c.column, c.problem)).find((h) => h !== undefined);
      for (const { key, value, problem, column } of live) {
        const before = queue.value(key);
        edits.push({ key, before: { ...before }, after: value });
        queue.edit(key, value, blockHold ?? holdFor(column, problem), group);
      }
      return edits;
    },
    [queue, holdFor],
  );

  /** Applies text to cells (typed, pasted, or '' to clear); read-only cells are skipped. */
  const applyTexts = useCallback(
    (placed: Placed[]): EditResult => {
      let skipped = 0;
      const changes: Change[] = [];
      for (const p of placed) {
        const column = model.columns[p.col];
        const row = model.rows[p.row];
        if (!column || !row || !isCellWritable(column, row.pupil)) {
          skipped++;
          continue;
        }
        const input = readCellInput(p.text, column.kind, page.scale, opts);
        changes.push({ key: cellKeyAt(column, row.pupil.id), value: input.value, problem: input.ok ? null : input.problem, column });
      }
      const edits = setValues(changes);
      undoStack.current.record(edits);
      return { applied: edits.length, skipped };
    },
    [model, page.scale, opts, setValues],
  );

  /** Clears every writable cell of a block. */
  const clear = useCallback(
    (rect: Rect): EditResult => {
      const placed: Placed[] = [];
      for (let row = rect.top; row <= rect.bottom; row++) for (let col = rect.left; col <= rect.right; col++) placed.push({ row, col, text: '' });
      return applyTexts(placed);
    },
    [applyTexts],
  );

  /**
   * One value for every writable cell of a block (Ctrl+Enter, «Заповнити виділене»): refused as a
   * whole, naming the cells, when the value does not fit one of them; otherwise one save, one undo step.
   */
  const fillBlock = useCallback(
    (rect: Rect, text: string): EditResult => {
      const cells = blockCells(rect, model, isCellWritable);
      const changes: Change[] = [];
      const refused: { pos: Pos; problem: string }[] = [];
      for (const { pos, column, pupilId } of cells.writable) {
        const input = readCellInput(text, column.kind, page.scale, opts);
        if (!input.ok) refused.push({ pos, problem: problemText(input.problem) });
        changes.push({ key: cellKeyAt(column, pupilId), value: input.value, problem: null, column });
      }
      if (refused.length) return { applied: 0, skipped: cells.skipped, refused };
      const edits = setValues(changes, true);
      undoStack.current.record(edits);
      return { applied: edits.length, skipped: cells.skipped };
    },
    [model, page.scale, opts, setValues, problemText],
  );

  /** Confirms the pencil marks among these cells in one save (one undo step); returns how many. */
  const confirmCells = useCallback(
    (cells: BlockCell[]): number => {
      const changes: Change[] = [];
      for (const { column, pupilId } of cells) {
        const key = cellKeyAt(column, pupilId);
        const value = queue.value(key);
        if (value.tentative) changes.push({ key, value: confirmed(value), problem: null, column });
      }
      const edits = setValues(changes, true);
      undoStack.current.record(edits);
      return edits.length;
    },
    [queue, setValues],
  );

  const replay = useCallback(
    (values: Array<{ key: string; value: CellValue }> | null): Pos | null => {
      if (!values) return null;
      const changes: Change[] = [];
      for (const { key, value } of values) {
        const pos = posOfKey(key);
        if (!pos) continue;
        const column = model.columns[pos.col];
        changes.push({ key, value, problem: value.absent ? null : checkMark(page.scale, value.mark, column.kind, opts), column });
      }
      // an undone block goes back whole, in one save
      setValues(changes, true);
      return posOfKey(values[0].key);
    },
    [setValues, model, page.scale, opts, posOfKey],
  );

  /** Puts back what the last edit changed (the queue then sends the old values); returns where it was. */
  const undo = useCallback(() => replay(undoStack.current.undo()), [replay]);
  const redo = useCallback(() => replay(undoStack.current.redo()), [replay]);

  /** The values of a block as text rows, for copying. */
  const blockTexts = useCallback(
    (rect: Rect): string[][] => {
      const out: string[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const pupil = model.rows[r].pupil;
        const cells: string[] = [];
        for (let c = rect.left; c <= rect.right; c++) cells.push(cellText(queue.value(cellKeyAt(model.columns[c], pupil.id))));
        out.push(cells);
      }
      return out;
    },
    [model, queue],
  );

  return { applyTexts, clear, undo, redo, blockTexts, fillBlock, confirmCells };
}
