import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { TImportKind } from '../../../../shared/api/admin.js';
import { AppError } from '../../../http/errors.js';
import { recognised } from './headers.js';

/** A cell as read: text, or a date when the spreadsheet stored one. */
export type Cell = string | Date;

export interface Table {
  headers: string[];
  /** rows under the header, each with its row number in the file (as the spreadsheet shows it) */
  rows: { row: number; cells: Cell[] }[];
}

export const MAX_ROWS = 20_000;

function unreadable(detail: string): AppError {
  return new AppError('unreadable_file', {}, { detail });
}

/** Text of a CSV file: UTF-8 (with or without BOM), else Windows-1251 (Excel's Cyrillic CSV). */
function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('windows-1251').decode(buf);
  }
}

/** The delimiter the first line uses most: Excel in Ukrainian locale writes ';'. */
function detectDelimiter(text: string): string {
  const first = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const counts = [';', ',', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][1] > 0 ? counts[0][0] : ',';
}

function readCsv(buf: Buffer): Cell[][] {
  const text = decodeText(buf);
  try {
    return parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
  } catch (err) {
    throw unreadable(err instanceof Error ? err.message.slice(0, 200) : 'CSV');
  }
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
    return '';
  }
  return String(v).trim();
}

async function readXlsx(buf: Buffer): Promise<{ sheets: Cell[][][] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    throw unreadable(err instanceof Error ? err.message.slice(0, 200) : 'XLSX');
  }
  const sheets: Cell[][][] = [];
  wb.eachSheet((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = row.values as ExcelJS.CellValue[];
      rows[n - 1] = values.slice(1).map(cellValue);
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets.push(rows);
  });
  return { sheets };
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === '' || c === undefined);

/**
 * Reads a CSV or XLSX file into a table: the header is the first row (of the first 10, on the
 * first sheet that has one) where at least two columns are recognised; a title above it is skipped.
 */
export async function readTable(kind: TImportKind, fileName: string, buf: Buffer): Promise<Table> {
  return readTableWith((cells) => recognised(kind, cells), fileName, buf);
}

/** readTable for any kind of file: `recognise` counts the known headers of a row. */
export async function readTableWith(recognise: (cells: string[]) => number, fileName: string, buf: Buffer): Promise<Table> {
  const isXlsx = buf[0] === 0x50 && buf[1] === 0x4b; // a zip: XLSX whatever the name says
  if (!isXlsx && /\.xlsx?$/i.test(fileName) && buf[0] === 0xd0) throw new AppError('old_excel_file');
  const sheets = isXlsx ? (await readXlsx(buf)).sheets : [readCsv(buf)];
  for (const grid of sheets) {
    const headerAt = grid.slice(0, 10).findIndex((r) => recognise((r ?? []).map(String)) >= 2);
    if (headerAt === -1) continue;
    const headers = grid[headerAt].map((h) => String(h ?? '').trim());
    const rows: Table['rows'] = [];
    for (let i = headerAt + 1; i < grid.length; i++) {
      const cells = grid[i] ?? [];
      if (isBlank(cells)) continue;
      rows.push({ row: i + 1, cells });
    }
    if (rows.length > MAX_ROWS) throw new AppError('too_many_rows', { max: MAX_ROWS });
    return { headers, rows };
  }
  return { headers: (sheets[0]?.[0] ?? []).map(String), rows: [] };
}
