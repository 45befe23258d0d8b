import { describe, expect, it } from 'vitest';
import { parseTsv, placeBlock, toTsv } from './paste.js';

describe('parseTsv', () => {
  it('splits rows by \\r\\n or \\n and cells by tab, ignoring the trailing newline', () => {
    expect(parseTsv('9\t10\r\n8\t7\r\n')).toEqual([
      ['9', '10'],
      ['8', '7'],
    ]);
    expect(parseTsv('9\n10\nн\n')).toEqual([['9'], ['10'], ['н']]);
    expect(parseTsv('12')).toEqual([['12']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('keeps empty cells and empty rows inside the block', () => {
    expect(parseTsv('9\t\t7\n\n5')).toEqual([['9', '', '7'], [''], ['5']]);
  });

  it('reads quoted cells with tabs, newlines and doubled quotes', () => {
    expect(parseTsv('"Добре, ""молодець""\nпродовжуй"\t5\r\nx')).toEqual([['Добре, "молодець"\nпродовжуй', '5'], ['x']]);
  });

  it('reads a lone carriage return (old Mac) as a row break', () => {
    expect(parseTsv('1\r2')).toEqual([['1'], ['2']]);
  });
});

describe('placeBlock', () => {
  const bounds = { rows: 3, cols: 4 };

  it('puts the block from the top-left cell of the selection', () => {
    expect(placeBlock([['a', 'b'], ['c', 'd']], { top: 1, left: 1, bottom: 1, right: 1 }, bounds)).toEqual([
      { row: 1, col: 1, text: 'a' },
      { row: 1, col: 2, text: 'b' },
      { row: 2, col: 1, text: 'c' },
      { row: 2, col: 2, text: 'd' },
    ]);
  });

  it('clips the block to the grid', () => {
    const placed = placeBlock([['a', 'b'], ['c', 'd'], ['e', 'f']], { top: 2, left: 3, bottom: 2, right: 3 }, bounds);
    expect(placed).toEqual([{ row: 2, col: 3, text: 'a' }]);
  });

  it('fills a selected block with one pasted value', () => {
    const placed = placeBlock([['10']], { top: 0, left: 1, bottom: 1, right: 2 }, bounds);
    expect(placed.map((p) => [p.row, p.col])).toEqual([
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
    ]);
    expect(placed.every((p) => p.text === '10')).toBe(true);
  });
});

describe('toTsv', () => {
  it('writes rows by newline and cells by tab, quoting where needed', () => {
    expect(toTsv([['9', 'н'], ['', '12']])).toBe('9\tн\n\t12');
    expect(toTsv([['a\tb', 'say "hi"']])).toBe('"a\tb"\t"say ""hi"""');
  });

  it('round-trips through parseTsv', () => {
    const block = [['Добре\nдуже', '5'], ['', 'н']];
    expect(parseTsv(toTsv(block))).toEqual(block);
  });
});
