import { describe, expect, it } from 'vitest';
import { lessonCellKey } from './cells.js';
import { applyMove, blockCells, clampSelection, columnRect, countTentative, isTypingKey, keyMove, movePos, selectionRect } from './navigation.js';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const bounds = { rows: 5, cols: 8 };

describe('keyMove', () => {
  it('maps spreadsheet keys to moves', () => {
    expect(keyMove(key('ArrowDown'))).toEqual({ move: 'down', extend: false });
    expect(keyMove(key('ArrowLeft', { shiftKey: true }))).toEqual({ move: 'left', extend: true });
    expect(keyMove(key('ArrowRight', { ctrlKey: true }))).toEqual({ move: 'rowEnd', extend: false });
    expect(keyMove(key('ArrowUp', { metaKey: true }))).toEqual({ move: 'top', extend: false });
    expect(keyMove(key('Tab'))).toEqual({ move: 'right', extend: false });
    expect(keyMove(key('Tab', { shiftKey: true }))).toEqual({ move: 'left', extend: false });
    expect(keyMove(key('Enter'))).toEqual({ move: 'down', extend: false });
    expect(keyMove(key('Enter', { shiftKey: true }))).toEqual({ move: 'up', extend: false });
    expect(keyMove(key('Home', { ctrlKey: true }))).toEqual({ move: 'first', extend: false });
    expect(keyMove(key('End'))).toEqual({ move: 'rowEnd', extend: false });
    expect(keyMove(key('PageDown'))).toEqual({ move: 'pageDown', extend: false });
  });

  it('ignores other keys and Alt combinations', () => {
    expect(keyMove(key('9'))).toBeNull();
    expect(keyMove(key('ArrowDown', { altKey: true }))).toBeNull();
  });
});

describe('movePos', () => {
  it('moves one cell and stops at the edges', () => {
    expect(movePos({ row: 0, col: 0 }, 'up', bounds)).toEqual({ row: 0, col: 0 });
    expect(movePos({ row: 0, col: 0 }, 'left', bounds)).toEqual({ row: 0, col: 0 });
    expect(movePos({ row: 4, col: 7 }, 'down', bounds)).toEqual({ row: 4, col: 7 });
    expect(movePos({ row: 4, col: 7 }, 'right', bounds)).toEqual({ row: 4, col: 7 });
    expect(movePos({ row: 2, col: 3 }, 'right', bounds)).toEqual({ row: 2, col: 4 });
  });

  it('jumps to row ends, grid corners and by pages', () => {
    expect(movePos({ row: 2, col: 3 }, 'rowStart', bounds)).toEqual({ row: 2, col: 0 });
    expect(movePos({ row: 2, col: 3 }, 'rowEnd', bounds)).toEqual({ row: 2, col: 7 });
    expect(movePos({ row: 2, col: 3 }, 'first', bounds)).toEqual({ row: 0, col: 0 });
    expect(movePos({ row: 2, col: 3 }, 'last', bounds)).toEqual({ row: 4, col: 7 });
    expect(movePos({ row: 2, col: 3 }, 'pageDown', bounds, 2)).toEqual({ row: 4, col: 3 });
    expect(movePos({ row: 2, col: 3 }, 'pageUp', bounds, 10)).toEqual({ row: 0, col: 3 });
  });
});

describe('selection', () => {
  it('stretches a block with Shift and collapses it on a plain move', () => {
    let sel = { anchor: { row: 1, col: 1 }, focus: { row: 1, col: 1 } };
    sel = applyMove(sel, { move: 'right', extend: true }, bounds);
    sel = applyMove(sel, { move: 'down', extend: true }, bounds);
    expect(selectionRect(sel)).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    sel = applyMove(sel, { move: 'down', extend: false }, bounds);
    expect(sel).toEqual({ anchor: { row: 3, col: 2 }, focus: { row: 3, col: 2 } });
  });

  it('normalises a block selected up and to the left', () => {
    expect(selectionRect({ anchor: { row: 3, col: 4 }, focus: { row: 1, col: 2 } })).toEqual({ top: 1, left: 2, bottom: 3, right: 4 });
  });

  it('keeps a selection inside a smaller grid', () => {
    expect(clampSelection({ anchor: { row: 9, col: 9 }, focus: { row: 2, col: 9 } }, bounds)).toEqual({
      anchor: { row: 4, col: 7 },
      focus: { row: 2, col: 7 },
    });
  });
});

describe('isTypingKey', () => {
  it('is true for printable characters without Ctrl, Cmd or Alt', () => {
    expect(isTypingKey(key('9'))).toBe(true);
    expect(isTypingKey(key('н'))).toBe(true);
    expect(isTypingKey(key('c', { ctrlKey: true }))).toBe(false);
    expect(isTypingKey(key('Enter'))).toBe(false);
  });
});

describe('blockCells', () => {
  const column = (index: number, writable: boolean) => ({ index, kind: 'lesson' as const, id: 100 + index, lesson: null, summary: null, writable, isToday: false, isFuture: false, ordinal: 0 });
  const pupil = (id: number) => ({ id, name: `P${id}`, fromDate: '2025-09-01', toDate: null });
  const model = {
    columns: [column(0, true), column(1, false), column(2, true)],
    rows: [0, 1, 2].map((index) => ({ index, pupil: pupil(index + 1) })),
    runs: [],
    stored: new Map(),
  };

  it('lists the writable cells of a block with their pupils, and counts the rest', () => {
    const { writable, skipped } = blockCells({ top: 0, bottom: 1, left: 0, right: 2 }, model, (c, p) => c.writable && p.id !== 2);
    expect(writable.map((c) => [c.pos.row, c.pos.col, c.pupilId, c.column.id])).toEqual([
      [0, 0, 1, 100],
      [0, 2, 1, 102],
    ]);
    expect(skipped).toBe(4);
  });

  it('counts the pencil marks of a block, lesson cells only', () => {
    const pencilled = new Set([lessonCellKey(100, 1), lessonCellKey(102, 2), lessonCellKey(101, 3)]);
    expect(countTentative({ top: 0, bottom: 2, left: 0, right: 2 }, model, (key) => pencilled.has(key))).toBe(3);
    expect(countTentative({ top: 0, bottom: 1, left: 0, right: 1 }, model, (key) => pencilled.has(key))).toBe(1);
  });

  it('takes a whole column as a block', () => {
    expect(columnRect(2, 3)).toEqual({ top: 0, bottom: 2, left: 2, right: 2 });
    expect(blockCells(columnRect(2, 3), model, (c) => c.writable).writable.map((c) => c.pupilId)).toEqual([1, 2, 3]);
  });
});
