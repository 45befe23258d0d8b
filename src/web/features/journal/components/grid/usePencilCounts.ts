import { useMemo } from 'react';
import { refOfKey } from '../../lib/cells.js';
import type { GridModel } from '../../lib/grid-model.js';
import { columnRect, countTentative, type Pos, type Rect } from '../../lib/navigation.js';
import type { SaveQueue } from '../../lib/save-queue.js';

/** Pencil marks in the lesson cells of the grid: the queue's few pencil cells, not every cell of the page, are looked at. */
export function pagePencilCount(model: GridModel, queue: SaveQueue): number {
  const keys = queue.tentativeKeys();
  if (keys.length === 0) return 0;
  const lessons = new Set(model.columns.filter((c) => c.kind === 'lesson').map((c) => c.id));
  const pupils = new Set(model.rows.map((r) => r.pupil.id));
  let n = 0;
  for (const key of keys) {
    const ref = refOfKey(key);
    if (ref.kind === 'lesson' && lessons.has(ref.lessonId) && pupils.has(ref.pupilId)) n++;
  }
  return n;
}

/**
 * Pencil marks in the selection, in the focused lesson and on the whole page, for the bulk bar
 * (null when the teacher writes nothing here). The page is counted again only when a cell changes
 * (`revisions`), not on every move of the focus.
 */
export function usePencilCounts(model: GridModel, queue: SaveQueue, revisions: ReadonlyMap<number, number>, writable: boolean, rect: Rect, focus: Pos) {
  const isTentative = (key: string) => !!queue.value(key).tentative;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `revisions` grows when any cell changes
  const page = useMemo(() => (writable ? pagePencilCount(model, queue) : 0), [writable, model, queue, revisions]);
  if (!writable) return null;
  return {
    selection: countTentative(rect, model, isTentative),
    lesson: model.columns[focus.col]?.kind === 'lesson' ? countTentative(columnRect(focus.col, model.rows.length), model, isTentative) : 0,
    page,
  };
}
