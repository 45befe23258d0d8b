import { useCallback, useMemo, useRef } from 'react';
import type { TJournalPage } from '../../../../../shared/api/journal.js';
import { CELL_PROBLEMS, formatMessage } from '../../../../../shared/errors.js';
import { checkMark } from '../../../../../shared/scales.js';
import { currentLocale } from '../../../../lib/i18n/index.js';
import { type CellValue, cellText, readCellInput, refOfKey, sameValue } from '../../lib/cells.js';
import { cellKeyAt, type GridColumn, type GridModel, isCellWritable } from '../../lib/grid-model.js';
import type { Pos, Rect } from '../../lib/navigation.js';
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

  const setValues = useCallback(
    (changes: Change[]) => {
      const edits: CellEdit[] = [];
      for (const { key, value, problem, column } of changes) {
        const before = queue.value(key);
        if (sameValue(before, value) && !problem && !queue.status(key)) continue;
        edits.push({ key, before: { mark: before.mark, absent: before.absent }, after: value });
        queue.edit(key, value, holdFor(column, problem));
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
      setValues(changes);
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

  return { applyTexts, clear, undo, redo, blockTexts };
}
