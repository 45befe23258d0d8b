import type { CellValue } from './cells.js';

/** One cell of an edit: what it showed before and what it shows after. */
export interface CellEdit {
  key: string;
  before: CellValue;
  after: CellValue;
}

/** Undo and redo of whole edits: one typed value, one paste, one cleared block. */
export class UndoStack {
  private done: CellEdit[][] = [];
  private undone: CellEdit[][] = [];

  constructor(private readonly limit = 200) {}

  /** Records an edit; a new edit forgets what was undone. Edits that change nothing are not kept. */
  record(edits: CellEdit[]): void {
    if (edits.length === 0) return;
    this.done.push(edits);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The values to put back to undo the last edit, or null when there is nothing to undo. */
  undo(): Array<{ key: string; value: CellValue }> | null {
    const edits = this.done.pop();
    if (!edits) return null;
    this.undone.push(edits);
    return edits.map((e) => ({ key: e.key, value: e.before }));
  }

  /** The values to set again to redo the last undone edit, or null. */
  redo(): Array<{ key: string; value: CellValue }> | null {
    const edits = this.undone.pop();
    if (!edits) return null;
    this.done.push(edits);
    return edits.map((e) => ({ key: e.key, value: e.after }));
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }
}
