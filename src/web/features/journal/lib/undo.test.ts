import { describe, expect, it } from 'vitest';
import { UndoStack } from './undo.js';

const v = (mark: string) => ({ mark, absent: false });

describe('UndoStack', () => {
  it('undoes whole edits, last first, and redoes them', () => {
    const stack = new UndoStack();
    stack.record([{ key: 'a', before: v(''), after: v('9') }]);
    stack.record([
      { key: 'b', before: v('5'), after: v('10') },
      { key: 'c', before: v(''), after: { mark: '', absent: true } },
    ]);
    expect(stack.undo()).toEqual([
      { key: 'b', value: v('5') },
      { key: 'c', value: v('') },
    ]);
    expect(stack.undo()).toEqual([{ key: 'a', value: v('') }]);
    expect(stack.undo()).toBeNull();
    expect(stack.redo()).toEqual([{ key: 'a', value: v('9') }]);
  });

  it('forgets undone edits after a new edit and ignores empty edits', () => {
    const stack = new UndoStack();
    stack.record([{ key: 'a', before: v(''), after: v('9') }]);
    stack.undo();
    stack.record([]);
    expect(stack.redo()).not.toBeNull();
    stack.undo();
    stack.record([{ key: 'b', before: v(''), after: v('8') }]);
    expect(stack.redo()).toBeNull();
  });

  it('keeps at most the limit of edits', () => {
    const stack = new UndoStack(2);
    for (const m of ['1', '2', '3']) stack.record([{ key: 'a', before: v(''), after: v(m) }]);
    expect(stack.undo()).not.toBeNull();
    expect(stack.undo()).not.toBeNull();
    expect(stack.undo()).toBeNull();
  });
});
