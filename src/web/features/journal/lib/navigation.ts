import { cellKeyAt, type GridColumn, type GridModel } from './grid-model.js';

/** A cell's place in the grid: row = pupil, col = column, both from 0. */
export interface Pos {
  row: number;
  col: number;
}

export interface Bounds {
  rows: number;
  cols: number;
}

/** The focused cell and the other corner of the selected block (the same cell when one cell is selected). */
export interface Selection {
  anchor: Pos;
  focus: Pos;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type Move = 'up' | 'down' | 'left' | 'right' | 'rowStart' | 'rowEnd' | 'first' | 'last' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

/** What a key press does to the focus: where it goes and whether it stretches the selection. */
export interface KeyMove {
  move: Move;
  extend: boolean;
}

interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const ARROWS: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const JUMPS: Record<string, Move> = { ArrowUp: 'top', ArrowDown: 'bottom', ArrowLeft: 'rowStart', ArrowRight: 'rowEnd' };

/**
 * Spreadsheet keys: arrows move (Shift stretches the block, Ctrl/Cmd jumps to the edge),
 * Tab/Shift+Tab go right/left, Enter/Shift+Enter go down/up, Home/End to the row's ends
 * (with Ctrl: the first or last cell), PageUp/PageDown by a screenful.
 */
export function keyMove(e: KeyLike): KeyMove | null {
  if (e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  if (ARROWS[e.key]) return { move: mod ? JUMPS[e.key] : ARROWS[e.key], extend: e.shiftKey };
  if (e.key === 'Tab') return { move: e.shiftKey ? 'left' : 'right', extend: false };
  if (e.key === 'Enter') return { move: e.shiftKey ? 'up' : 'down', extend: false };
  if (e.key === 'Home') return { move: mod ? 'first' : 'rowStart', extend: e.shiftKey };
  if (e.key === 'End') return { move: mod ? 'last' : 'rowEnd', extend: e.shiftKey };
  if (e.key === 'PageUp') return { move: 'pageUp', extend: e.shiftKey };
  if (e.key === 'PageDown') return { move: 'pageDown', extend: e.shiftKey };
  return null;
}

const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));

/** Where a move takes the focus; it stops at the grid's edges. */
export function movePos(pos: Pos, move: Move, bounds: Bounds, pageRows = 10): Pos {
  const lastRow = bounds.rows - 1;
  const lastCol = bounds.cols - 1;
  const at = (row: number, col: number) => ({ row: clamp(row, lastRow), col: clamp(col, lastCol) });
  switch (move) {
    case 'up':
      return at(pos.row - 1, pos.col);
    case 'down':
      return at(pos.row + 1, pos.col);
    case 'left':
      return at(pos.row, pos.col - 1);
    case 'right':
      return at(pos.row, pos.col + 1);
    case 'rowStart':
      return at(pos.row, 0);
    case 'rowEnd':
      return at(pos.row, lastCol);
    case 'top':
      return at(0, pos.col);
    case 'bottom':
      return at(lastRow, pos.col);
    case 'first':
      return at(0, 0);
    case 'last':
      return at(lastRow, lastCol);
    case 'pageUp':
      return at(pos.row - pageRows, pos.col);
    case 'pageDown':
      return at(pos.row + pageRows, pos.col);
  }
}

/** The selection after a key move: the focus goes, and the anchor follows unless the block is stretched. */
export function applyMove(sel: Selection, km: KeyMove, bounds: Bounds, pageRows = 10): Selection {
  const focus = movePos(sel.focus, km.move, bounds, pageRows);
  return { anchor: km.extend ? sel.anchor : focus, focus };
}

/** The selected block as a rectangle of rows and columns (inclusive). */
export function selectionRect(sel: Selection): Rect {
  return {
    top: Math.min(sel.anchor.row, sel.focus.row),
    bottom: Math.max(sel.anchor.row, sel.focus.row),
    left: Math.min(sel.anchor.col, sel.focus.col),
    right: Math.max(sel.anchor.col, sel.focus.col),
  };
}

export const isSingleCell = (r: Rect): boolean => r.top === r.bottom && r.left === r.right;

/** Keeps a selection inside a grid that may have shrunk (another semester, fewer pupils). */
export function clampSelection(sel: Selection, bounds: Bounds): Selection {
  const inside = (p: Pos) => ({ row: clamp(p.row, Math.max(0, bounds.rows - 1)), col: clamp(p.col, Math.max(0, bounds.cols - 1)) });
  return { anchor: inside(sel.anchor), focus: inside(sel.focus) };
}

/** A key that starts typing a new value into the focused cell (a printable character, no Ctrl/Cmd/Alt). */
export function isTypingKey(e: KeyLike): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}

/** One cell of a block with its column and pupil. */
export interface BlockCell {
  pos: Pos;
  column: GridColumn;
  pupilId: number;
}

/** The cells of a block the teacher may write, and how many others it holds. */
export function blockCells(rect: Rect, model: GridModel, writable: (column: GridColumn, pupil: GridModel['rows'][number]['pupil']) => boolean) {
  const out: BlockCell[] = [];
  let skipped = 0;
  for (let row = rect.top; row <= rect.bottom; row++) {
    for (let col = rect.left; col <= rect.right; col++) {
      const column = model.columns[col];
      const pupil = model.rows[row]?.pupil;
      if (column && pupil && writable(column, pupil)) out.push({ pos: { row, col }, column, pupilId: pupil.id });
      else skipped++;
    }
  }
  return { writable: out, skipped };
}

/** How many lesson cells of a block hold a pencil (tentative) mark, by the cell's key. */
export function countTentative(rect: Rect, model: GridModel, isTentative: (key: string) => boolean): number {
  let n = 0;
  for (let row = rect.top; row <= rect.bottom; row++) {
    const pupil = model.rows[row]?.pupil;
    for (let col = rect.left; col <= rect.right; col++) {
      const column = model.columns[col];
      if (pupil && column?.kind === 'lesson' && isTentative(cellKeyAt(column, pupil.id))) n++;
    }
  }
  return n;
}

/** Every cell of one column (a lesson) as a block: top to bottom. */
export const columnRect = (col: number, rows: number): Rect => ({ top: 0, bottom: Math.max(0, rows - 1), left: col, right: col });
