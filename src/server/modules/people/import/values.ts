import type { Cell } from './read.js';

/** Apostrophes in Ukrainian names come in many forms; the modifier letter ʼ is the standard one. */
export function cleanName(raw: Cell): string {
  return String(raw instanceof Date ? '' : raw)
    .replace(/['’`ʼ‘]/g, 'ʼ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key two spellings of one person's name share: case, apostrophes and spaces aside. */
export function nameKey(...parts: string[]): string {
  return parts
    .map((p) => p.toLowerCase().replace(/[ʼ'’`\s-]/g, ''))
    .join('|');
}

/** "Шевченко Тарас Григорович" -> last, first, middle (the rest of the words). */
export function splitFullName(full: string): { lastName: string; firstName: string; middleName: string } {
  const words = full.split(' ').filter(Boolean);
  return { lastName: words[0] ?? '', firstName: words[1] ?? '', middleName: words.slice(2).join(' ') };
}

function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** ISO YYYY-MM-DD as schools write it: dd.mm.yyyy. */
export function displayDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}.${isoDate.slice(0, 4)}`;
}

// Excel counts days from 1899-12-30 (with its 1900 leap-year bug already folded in).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date as schools write it: 05.03.2014, 5.3.2014, 05/03/2014, 2014-03-05, an Excel serial
 * number (41703), or a date cell. Returns ISO YYYY-MM-DD, or null when it is not a real date.
 */
export function parseDate(raw: Cell): string | null {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return null;
    // exceljs gives dates at UTC midnight; a time part comes from local-time writers
    const shifted = new Date(raw.getTime() + 12 * 3_600_000);
    return iso(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  }
  const s = raw.trim();
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:\s.*)?$/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}(\.0+)?$/.test(s)) {
    const d = new Date(EXCEL_EPOCH + Number(s) * 86_400_000);
    return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}

// Latin letters that look like Cyrillic ones, typed by mistake in class labels.
const LOOKALIKE: Record<string, string> = { A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х' };

/** "5-А", "5А", "5 а", "5-A" (Latin), "5-А клас" -> { grade: 5, letter: 'А' }; null when not a class. */
export function parseClassLabel(raw: Cell): { grade: number; letter: string } | null {
  const s = String(raw instanceof Date ? '' : raw)
    .toUpperCase()
    .replace(/\s*КЛАС\s*$/, '')
    .trim();
  const m = /^(\d{1,2})\s*[-–—.\s]?\s*["«]?([A-ZА-ЯҐЄІЇ])["»]?$/.exec(s);
  if (!m) return null;
  const grade = Number(m[1]);
  const letter = LOOKALIKE[m[2]] ?? m[2];
  if (grade < 1 || grade > 11 || !/^[А-ЩЬЮЯҐЄІЇ]$/.test(letter)) return null;
  return { grade, letter };
}

/** ч/чол/чоловіча/M/male -> 'm', ж/жін/жіноча/F/female -> 'f'; '' -> null; undefined when unknown. */
export function parseGender(raw: Cell): 'm' | 'f' | null | undefined {
  const s = String(raw instanceof Date ? '' : raw).trim().toLowerCase();
  if (!s) return null;
  if (/^(ч|чол|чоловіча|чоловік|хлопець|м|муж|мужской|m|male|boy)\.?$/.test(s)) return 'm';
  if (/^(ж|жін|жіноча|жінка|дівчина|жен|женский|f|female|girl)\.?$/.test(s)) return 'f';
  return undefined;
}

/** The text of a cell (a date cell in a text column is written back as dd.mm.yyyy). */
export function text(raw: Cell | undefined): string {
  if (raw === undefined) return '';
  if (raw instanceof Date) {
    const d = parseDate(raw);
    return d ? displayDate(d) : '';
  }
  return raw.replace(/\s+/g, ' ').trim();
}

export function isEmail(s: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
}
