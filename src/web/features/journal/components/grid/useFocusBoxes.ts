import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { afterPaint } from '../../../../lib/use-after-paint.js';
import type { GridModel } from '../../lib/grid-model.js';
import { isSingleCell, type Pos, type Rect } from '../../lib/navigation.js';
import type { Box } from './CellEditor.js';

interface FocusBoxesInput {
  scrollRef: RefObject<HTMLDivElement | null>;
  bodyRef: RefObject<HTMLTableSectionElement | null>;
  /** the focus ring, drawn straight into the DOM on its first placement */
  focusRef: RefObject<HTMLDivElement | null>;
  focus: Pos;
  rect: Rect;
  model: GridModel;
}

export interface FocusBoxes {
  focus: Box;
  block: Box | null;
}

/**
 * Where the focus ring and the selected block go, measured from the cells: they are drawn over
 * the table, so moving the focus renders no row. Also scrolls the focused cell into view and marks
 * its row and column header. `boxes` is for rendering; `latest` always holds the newest placement.
 *
 * The first placement of a new grid is written to the ring's element directly and given to React
 * only after that frame is painted: a state change in a layout effect would render the grid again,
 * and flush every new effect of the screen, before the grid is first shown.
 */
export function useFocusBoxes({ scrollRef, bodyRef, focusRef, focus, rect, model }: FocusBoxesInput) {
  const [boxes, setBoxes] = useState<FocusBoxes | null>(null);
  const latest = useRef<FocusBoxes | null>(null);
  const marked = useRef<Element[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `boxes` only tells the first placement from the next ones
  useLayoutEffect(() => {
    const scroll = scrollRef.current;
    const body = bodyRef.current;
    // cells move when the model changes (another semester, a new lesson): place the boxes again
    if (!scroll || !body || model.rows.length === 0) return;
    const cellAt = (p: Pos) => body.rows[p.row]?.cells[p.col + 1];
    const focusCell = cellAt(focus);
    if (!focusCell) return;
    const base = scroll.getBoundingClientRect();
    const boxOf = (a: Element, b: Element = a): Box => {
      const ra = a.getBoundingClientRect();
      const rb = b.getBoundingClientRect();
      return {
        left: ra.left - base.left + scroll.scrollLeft - scroll.clientLeft,
        top: ra.top - base.top + scroll.scrollTop - scroll.clientTop,
        width: rb.right - ra.left,
        height: rb.bottom - ra.top,
      };
    };
    focusCell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const corner = cellAt({ row: rect.top, col: rect.left });
    const far = cellAt({ row: rect.bottom, col: rect.right });
    const next = { focus: boxOf(focusCell), block: isSingleCell(rect) || !corner || !far ? null : boxOf(corner, far) };
    latest.current = next;
    for (const el of marked.current) el.classList.remove('jg-focus-row', 'jg-focus-col');
    const tr = body.rows[focus.row];
    const th = scroll.querySelector(`thead th[data-col="${focus.col}"]`);
    tr?.classList.add('jg-focus-row');
    th?.classList.add('jg-focus-col');
    marked.current = [tr, th].filter((el): el is HTMLTableRowElement => el !== null && el !== undefined);
    const ring = focusRef.current;
    if (boxes !== null || next.block !== null || !ring) {
      setBoxes(next);
      return;
    }
    const { style } = ring;
    style.display = '';
    style.left = `${next.focus.left}px`;
    style.top = `${next.focus.top}px`;
    style.width = `${next.focus.width}px`;
    style.height = `${next.focus.height}px`;
    return afterPaint(() => setBoxes(() => latest.current));
  }, [scrollRef, bodyRef, focusRef, focus, rect, model]);
  return { boxes, latest };
}

/**
 * Data arrived -> grid painted, for bench/grid-render.ts: the page data hook marks `journal:data`;
 * here `journal:rendered` is marked in the frame after the commit, once painted, and measured.
 */
export function useRenderMeasure(model: GridModel) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured again whenever a new model is drawn
  useLayoutEffect(() => {
    if (performance.getEntriesByName('journal:data').length === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        performance.mark('journal:rendered');
        performance.measure('journal:grid', 'journal:data', 'journal:rendered');
        performance.clearMarks('journal:data');
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [model]);
}
