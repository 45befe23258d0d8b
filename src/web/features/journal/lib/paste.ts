import type { Bounds, Rect } from './navigation.js';

/** One value of a pasted block, at its place in the grid. */
export interface Placed {
  row: number;
  col: number;
  text: string;
}

/**
 * Reads text/plain from Excel, LibreOffice or Google Sheets: rows by newline (\r\n, \n or \r),
 * cells by tab, a cell in double quotes may hold tabs, newlines and "" for a quote.
 * The trailing newline spreadsheets add does not make an empty last row.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && cell === '') {
      const close = readQuoted(text, i);
      if (close) {
        cell = close.value;
        i = close.next;
        continue;
      }
    }
    if (ch === '\t') endCell();
    else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** A quoted cell starting at `start`, if the quotes close right before a tab, a newline or the end. */
function readQuoted(text: string, start: number): { value: string; next: number } | null {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const after = text[i + 1];
      if (after === undefined || after === '\t' || after === '\n' || after === '\r') return { value, next: i + 1 };
      return null;
    }
    value += text[i++];
  }
  return null;
}

/**
 * Where a pasted block goes: from the top-left cell of the selection, clipped to the grid.
 * One value pasted over a selected block fills the whole block, as in spreadsheets.
 */
export function placeBlock(block: string[][], target: Rect, bounds: Bounds): Placed[] {
  const out: Placed[] = [];
  if (block.length === 1 && block[0].length === 1) {
    for (let row = target.top; row <= target.bottom && row < bounds.rows; row++) {
      for (let col = target.left; col <= target.right && col < bounds.cols; col++) out.push({ row, col, text: block[0][0] });
    }
    return out;
  }
  block.forEach((cells, i) => {
    const row = target.top + i;
    if (row >= bounds.rows) return;
    cells.forEach((text, j) => {
      const col = target.left + j;
      if (col < bounds.cols) out.push({ row, col, text });
    });
  });
  return out;
}

const needsQuotes = /[\t\n\r"]/;

/** A block of values as TSV for the clipboard, quoted where a value holds a tab, a newline or a quote. */
export function toTsv(block: string[][]): string {
  return block.map((cells) => cells.map((v) => (needsQuotes.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join('\t')).join('\n');
}
