import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  IMPORT_FIELDS,
  IMPORT_PROBLEMS,
  type TImportKind,
  type TImportPreview,
  type TImportProblem,
  type TImportResult,
} from '../../../../shared/api/admin.js';
import { formatMessage, type Lang } from '../../../../shared/errors.js';
import type { Database } from '../../../db/database.js';
import { type Client, type TenantContext, todayOf, withSchool } from '../../../db/tenancy.js';
import { AppError } from '../../../http/errors.js';
import { requireOpenYear } from '../admin.classes.service.js';
import { fieldError } from '../admin.fields.js';
import * as staffRepo from '../admin.staff.repo.js';
import { mapColumns, missingColumns } from './headers.js';
import * as repo from './import.repo.js';
import { type RawProblem, checkPupils, guardianKey } from './pupils.js';
import { readTable, type Table } from './read.js';
import { checkStaff } from './staff.js';
import { nameKey, parseDate } from './values.js';
import { writePupils, writeStaff } from './write.js';

export type Progress = (done: number, total: number, stage: string) => void;

const PREVIEW_ROWS = 100;
const MAX_PROBLEMS = 1000;

export function localizeProblem(p: RawProblem, lang: Lang): TImportProblem {
  const field = IMPORT_FIELDS[p.field]?.[lang] ?? p.field;
  const template = IMPORT_PROBLEMS[p.code]?.[lang] ?? p.code;
  return { row: p.row, field: p.field, code: p.code, message: formatMessage(template, { field, ...p.params }) };
}

interface Parsed {
  table: Table;
  fields: (string | null)[];
}

/** Reads the file and finds its columns; refuses a file without the columns it must have. */
export async function parseFile(kind: TImportKind, fileName: string, content: Buffer, lang: Lang): Promise<Parsed> {
  if (!content.length) throw new AppError('empty_file');
  const table = await readTable(kind, fileName, content);
  const fields = mapColumns(kind, table.headers);
  const missing = missingColumns(kind, fields);
  if (missing.length) throw new AppError('missing_columns', { columns: missing.map((f) => IMPORT_FIELDS[f][lang]).join(', ') }, { missing });
  if (!table.rows.length) throw new AppError('empty_file');
  return { table, fields };
}

/**
 * The upload is kept as the table it was read into (gzipped JSON, dates as ISO text), so the
 * commit checks and writes exactly what was previewed without reading the spreadsheet again.
 */
function packTable(table: Table): Buffer {
  const rows = table.rows.map((r) => ({ row: r.row, cells: r.cells.map((c) => (c instanceof Date ? (parseDate(c) ?? '') : c)) }));
  return gzipSync(JSON.stringify({ headers: table.headers, rows }));
}

function unpack(kind: TImportKind, content: Buffer): Parsed {
  const table = JSON.parse(gunzipSync(content).toString('utf8')) as Table;
  return { table, fields: mapColumns(kind, table.headers) };
}

/** Every row checked against the school as it is now: what would be written, and every problem. */
export async function checkFile(c: Client, schoolId: number, kind: TImportKind, parsed: Parsed, today: string) {
  if (kind === 'staff') {
    const staff = new Set((await staffRepo.staffNames(c, schoolId)).map((s) => nameKey(s.lastName, s.firstName, s.middleName)));
    const logins = parsed.table.rows.map(({ cells }) => String(cells[parsed.fields.indexOf('login')] ?? '').trim().toLowerCase()).filter(Boolean);
    const takenLogins = parsed.fields.includes('login') ? await staffRepo.takenLogins(c, logins) : new Set<string>();
    return { kind, ...checkStaff(parsed.table, parsed.fields, { staff, takenLogins }) };
  }
  const year = await requireOpenYear(c, schoolId);
  const classList = await repo.yearClassLabels(c, schoolId, year.id);
  const pupils = new Map<string, { id: number; classIds: number[] }>();
  for (const p of await repo.pupilsForMatching(c, schoolId, year.id)) {
    if (p.birthDate) pupils.set(`${nameKey(p.lastName, p.firstName, p.middleName)}|${p.birthDate}`, { id: p.id, classIds: p.classIds });
  }
  const guardians = new Map<string, number>();
  const links = new Set<string>();
  for (const g of await repo.guardiansForMatching(c, schoolId)) {
    const key = guardianKey(g.lastName, g.firstName, g.middleName, g.phone);
    guardians.set(key, g.id);
    for (const pupilId of g.pupilIds) links.add(`${pupilId}|${key}`);
  }
  const checked = checkPupils(parsed.table, parsed.fields, {
    today,
    classes: new Map(classList.map((k) => [k.label, k.id])),
    classLabels: new Map(classList.map((k) => [k.id, k.label])),
    pupils,
    guardians,
    links,
  });
  return { kind, year, guardians, ...checked };
}

function previewOf(
  batch: { id: number; kind: TImportKind; fileName: string; status: 'previewed' | 'committed'; result: Record<string, unknown> | null },
  parsed: Parsed,
  checked: { rows: { row: number; status: 'new' | 'existing' | 'error'; values: Record<string, string> }[]; problems: RawProblem[] },
  alreadyImportedAt: string | null,
  lang: Lang,
): TImportPreview {
  const count = (s: string) => checked.rows.filter((r) => r.status === s).length;
  return {
    importId: batch.id,
    kind: batch.kind,
    fileName: batch.fileName,
    status: batch.status,
    alreadyImportedAt,
    columns: parsed.table.headers.map((header, i) => ({ header, field: parsed.fields[i] })),
    totalRows: checked.rows.length,
    newRows: count('new'),
    existingRows: count('existing'),
    errorRows: count('error'),
    problems: checked.problems.slice(0, MAX_PROBLEMS).map((p) => localizeProblem(p, lang)),
    rows: checked.rows.filter((r, i) => i < PREVIEW_ROWS || r.status === 'error').slice(0, PREVIEW_ROWS + MAX_PROBLEMS).map((r) => ({ row: r.row, status: r.status, values: r.values })),
    result: batch.result,
  };
}

/** Stores an uploaded file and answers its preview: nothing about people is written yet. */
export async function upload(db: Database, ctx: TenantContext, input: { kind: TImportKind; fileName: string; content: Buffer }, lang: Lang) {
  const parsed = await parseFile(input.kind, input.fileName, input.content, lang);
  const fileHash = createHash('sha256').update(input.content).digest('hex');
  return withSchool(db, ctx, async (c) => {
    const id = await repo.insertBatch(c, ctx.schoolId, {
      ...input,
      content: packTable(parsed.table),
      fileHash,
      rowCount: parsed.table.rows.length,
      createdBy: ctx.userId || null,
    });
    const before = await repo.committedWithHash(c, ctx.schoolId, input.kind, fileHash);
    const checked = await checkFile(c, ctx.schoolId, input.kind, parsed, todayOf(db));
    return previewOf({ id, ...input, status: 'previewed', result: null }, parsed, checked, before?.committedAt ?? null, lang);
  });
}

/** The preview of an upload again (checked against the school as it is now). */
export async function preview(db: Database, ctx: TenantContext, importId: number, lang: Lang): Promise<TImportPreview> {
  return withSchool(db, ctx, async (c) => {
    const batch = await repo.findBatch(c, ctx.schoolId, importId);
    if (!batch) throw new AppError('not_found');
    if (!batch.content) {
      const empty = { table: { headers: [], rows: [] }, fields: [] };
      return previewOf(batch, empty, { rows: [], problems: [] }, batch.committedAt, lang);
    }
    const parsed = unpack(batch.kind, batch.content);
    const before = await repo.committedWithHash(c, ctx.schoolId, batch.kind, batch.fileHash);
    const checked = await checkFile(c, ctx.schoolId, batch.kind, parsed, todayOf(db));
    return previewOf(batch, parsed, checked, before?.committedAt ?? null, lang);
  });
}

const NOTHING = { pupilsCreated: 0, pupilsExisting: 0, enrollmentsCreated: 0, guardiansCreated: 0, staffCreated: 0, staffExisting: 0, credentials: [] };

/**
 * Writes a previewed file, all or nothing in one transaction: refused with every row's problem
 * when any row has one; a file imported before changes nothing.
 */
export async function commit(
  db: Database,
  ctx: TenantContext,
  importId: number,
  opts: { fromDate?: string; lang: Lang; onProgress?: Progress; onChecked?: () => void },
): Promise<TImportResult> {
  const started = Date.now();
  const progress: Progress = opts.onProgress ?? (() => undefined);
  try {
    return await withSchool(db, ctx, async (c) => {
      const batch = await repo.findBatch(c, ctx.schoolId, importId, true);
      if (!batch) throw new AppError('not_found');
      const earlier = batch.status === 'committed' ? batch : await repo.committedWithHash(c, ctx.schoolId, batch.kind, batch.fileHash);
      if (earlier || !batch.content) {
        opts.onChecked?.();
        return { importId, alreadyImported: true, ...NOTHING, ms: Date.now() - started };
      }
      const parsed = unpack(batch.kind, batch.content);
      const checked = await checkFile(c, ctx.schoolId, batch.kind, parsed, todayOf(db));
      if (checked.problems.length) {
        const errorRows = checked.rows.filter((r) => r.status === 'error').length;
        const problems = checked.problems.slice(0, MAX_PROBLEMS).map((p) => localizeProblem(p, opts.lang));
        throw new AppError('import_problems', { count: errorRows }, { problems });
      }
      let fromDate = checked.kind === 'pupils' ? checked.year.startsOn : '';
      if (checked.kind === 'pupils' && opts.fromDate) {
        if (opts.fromDate < checked.year.startsOn || opts.fromDate > checked.year.endsOn) {
          throw fieldError(opts.lang, 'fromDate', 'date_outside_year', { from: checked.year.startsOn, to: checked.year.endsOn });
        }
        fromDate = opts.fromDate;
      }
      opts.onChecked?.();
      const written =
        checked.kind === 'pupils'
          ? await writePupils(c, ctx.schoolId, checked.rows, checked.guardians, { fromDate, order: '', progress })
          : await writeStaff(c, ctx, checked.rows, progress);
      const result = { importId, alreadyImported: false, ...NOTHING, ...written, ms: Date.now() - started };
      await repo.markCommitted(c, ctx.schoolId, importId, { ...result, credentials: undefined });
      return result;
    });
  } catch (err) {
    // two commits of one file at once: the second finds the first's hash on commit
    if ((err as { code?: string }).code === '23505') throw new AppError('import_committed');
    throw err;
  }
}

export async function list(db: Database, ctx: TenantContext) {
  return { imports: await withSchool(db, ctx, (c) => repo.listBatches(c, ctx.schoolId)) };
}
