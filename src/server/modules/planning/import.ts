import type { TPlanAllowance, TPlanImportPreview, TPlanItemKind, TPlanProblem, TPlanUnitInput } from '../../../shared/api/planning.js';
import type { Lang } from '../../../shared/errors.js';
import { AppError } from '../../http/errors.js';
import { headerKey } from '../people/import/headers.js';
import { type Cell, readTableWith, type Table } from '../people/import/read.js';
import { displayDate, parseDate } from '../people/import/values.js';
import { text } from './service.js';

/**
 * A calendar-thematic plan as teachers keep it in a spreadsheet: number, date (optional), topic,
 * hours, unit. Headers are matched loosely (case, spaces, punctuation ignored, Ukrainian or
 * English); a unit is a column, or a heading row («Розділ 1. ...») above its lessons.
 */

type Field = 'number' | 'date' | 'unit' | 'hours' | 'kind' | 'topic';

/** The field a header names, or null. Order matters: «Розділ/Тема» is the unit, «Тема уроку» the topic. */
export function planField(header: string): Field | null {
  const raw = header.trim().toLowerCase();
  const k = headerKey(header);
  if (raw.includes('№') || ['номер', 'зп', 'пп', 'n', 'no', 'nr', 'number', 'num'].includes(k) || raw === '#') return 'number';
  if (k.startsWith('дата') || k.startsWith('date') || k === 'коли' || k === 'when') return 'date';
  if (k.includes('розділ') || k.includes('модуль') || k.includes('блок') || /^(unit|section|chapter|module|theme)/.test(k) || k.includes('unit')) return 'unit';
  if (k.includes('год') || k.startsWith('hour') || k === 'hrs' || k === 'h') return 'hours';
  if (k.startsWith('тип') || k.startsWith('вид') || k === 'kind' || k === 'type' || k === 'worktype') return 'kind';
  if (k.startsWith('тема') || k.includes('зміст') || k.includes('topic') || k === 'lesson' || k === 'title' || k === 'назва') return 'topic';
  return null;
}

export function planColumns(headers: string[]): (Field | null)[] {
  const seen = new Set<Field>();
  return headers.map((h) => {
    const f = planField(String(h ?? ''));
    if (!f || seen.has(f)) return null;
    seen.add(f);
    return f;
  });
}

const recognise = (cells: string[]) => planColumns(cells).filter(Boolean).length;

/** Reads a CSV or XLSX plan into a table (the shared reader of imports); refuses a file without a topic column. */
export async function readPlanFile(fileName: string, content: Buffer): Promise<{ table: Table; fields: (Field | null)[] }> {
  if (!content.length) throw new AppError('empty_file');
  const table = await readTableWith(recognise, fileName, content);
  const fields = planColumns(table.headers);
  if (!fields.includes('topic')) throw new AppError('missing_columns', { columns: 'Тема уроку / Topic' }, { missing: ['topic'] });
  if (!table.rows.length) throw new AppError('empty_file');
  return { table, fields };
}

/** Test, lab or practical work, from a kind column or the topic's own words. */
export function kindOf(raw: string): TPlanItemKind | null {
  const s = raw.toLowerCase();
  if (/контрольн|к\/р|тематичне оцінювання|діагностувальн|\btest\b|\bquiz\b/.test(s)) return 'test';
  if (/лабораторн|л\/р|\blab\b|laboratory/.test(s)) return 'lab';
  if (/практичн|п\/р|practical/.test(s)) return 'practical';
  return null;
}

const HEADING = /^(розділ|тема\s+\d|модуль|блок|unit|section|chapter|module)\b/i;

const cellText = (c: Cell | undefined): string => (c instanceof Date ? (parseDate(c) ?? '') : String(c ?? '').replace(/\s+/g, ' ').trim());

export interface CheckedPlan {
  rows: TPlanImportPreview['rows'];
  problems: TPlanProblem[];
  units: Omit<TPlanUnitInput, 'id'>[];
  totalHours: number;
}

/** Every row of the file checked: what the plan would be, and each row's problems. */
export function checkPlanTable(
  parsed: { table: Table; fields: (Field | null)[] },
  ctx: { bounds: { startsOn: string; endsOn: string }; allowance: TPlanAllowance; lang: Lang },
): CheckedPlan {
  const { lang, bounds, allowance } = ctx;
  const col = (f: Field) => parsed.fields.indexOf(f);
  const get = (cells: Cell[], f: Field) => (col(f) === -1 ? '' : cellText(cells[col(f)]));
  const rows: CheckedPlan['rows'] = [];
  const problems: TPlanProblem[] = [];
  const units: Omit<TPlanUnitInput, 'id'>[] = [];
  let heading = '';
  let total = 0;
  let over = false;
  for (const { row, cells } of parsed.table.rows) {
    const number = get(cells, 'number');
    const topic = get(cells, 'topic');
    const hoursText = get(cells, 'hours');
    const unitCell = get(cells, 'unit');
    const dateCell = col('date') === -1 ? '' : cells[col('date')];
    const dateText = cellText(dateCell);
    const isHeading = !/\d/.test(number) && !unitCell && !dateText && !!topic && (!hoursText || HEADING.test(topic));
    if (isHeading) {
      heading = topic.slice(0, 200);
      rows.push({ row, kind: 'unit', unit: topic, topic: '', hours: hoursText, date: '', itemKind: null, problems: [] });
      continue;
    }
    const mine: TPlanProblem[] = [];
    const problem = (field: string, key: Parameters<typeof text>[0], params: Record<string, string | number> = {}) =>
      mine.push({ row, field, message: text(key, lang, params) });
    if (!topic) problem('topic', 'missing_topic');
    else if (topic.length > 500) problem('topic', 'topic_too_long');
    const unitTitle = unitCell || heading || text('default_unit', lang);
    if (unitTitle.length > 200) problem('unit', 'unit_too_long');
    let hours = 1;
    if (hoursText) {
      const m = /^(\d{1,2})(?:[.,]0+)?$/.exec(hoursText);
      hours = m ? Number(m[1]) : Number.NaN;
      if (!(hours >= 1 && hours <= 20)) problem('hours', 'hours_not_number', { value: hoursText });
    }
    let date: string | null = null;
    if (dateText) {
      date = parseDate(dateCell instanceof Date ? dateCell : dateText);
      if (!date) problem('date', 'bad_date', { value: dateText });
      else if (date < bounds.startsOn || date > bounds.endsOn) {
        problem('date', 'date_outside_semester', { value: displayDate(date), from: displayDate(bounds.startsOn), to: displayDate(bounds.endsOn) });
      }
    }
    if (Number.isFinite(hours)) total += hours;
    if (!over && total > allowance.maxHours) {
      over = true;
      problem('hours', 'over_allowance', { total, max: allowance.maxHours, hours: allowance.hoursPerWeek, weeks: allowance.studyWeeks });
    }
    const itemKind = kindOf(get(cells, 'kind')) ?? kindOf(topic) ?? 'lesson';
    rows.push({ row, kind: 'item', unit: unitTitle, topic, hours: hoursText || '1', date: date ? displayDate(date) : dateText, itemKind, problems: mine.map((p) => p.message) });
    problems.push(...mine);
    if (mine.length) continue;
    const last = units[units.length - 1];
    const item = { topic, hours, kind: itemKind, plannedDate: date };
    if (last && last.title === unitTitle) last.items.push(item);
    else units.push({ title: unitTitle, items: [item] });
  }
  if (!rows.some((r) => r.kind === 'item')) problems.push({ row: 0, field: 'items', message: text('no_items', lang) });
  return { rows, problems, units, totalHours: total };
}
