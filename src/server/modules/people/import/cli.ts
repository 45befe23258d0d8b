import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { TImportKind } from '../../../../shared/api/admin.js';
import type { Lang } from '../../../../shared/errors.js';
import type { Database } from '../../../db/database.js';
import { todayOf, withSchool } from '../../../db/tenancy.js';
import { AppError, errorBody } from '../../../http/errors.js';
import * as imports from './import.service.js';

/**
 * `cli import pupils|staff <file> --school <id> [--dry-run]`: the same preview and all-or-nothing
 * commit as the console, from the command line. Returns the exit code.
 */
export async function importFromCli(
  db: Database,
  opts: { kind: string; file: string; schoolId: number; dryRun: boolean; fromDate?: string; lang?: Lang },
  out: (line: string) => void,
): Promise<number> {
  const lang = opts.lang ?? 'uk';
  if (opts.kind !== 'pupils' && opts.kind !== 'staff') {
    out('Usage: import pupils|staff <file.csv|file.xlsx> --school <id> [--dry-run] [--from YYYY-MM-DD]');
    return 1;
  }
  const kind = opts.kind as TImportKind;
  const ctx = { schoolId: opts.schoolId, userId: 0 };
  try {
    const content = readFileSync(opts.file);
    const fileName = basename(opts.file);
    if (opts.dryRun) {
      const parsed = await imports.parseFile(kind, fileName, content, lang);
      const checked = await withSchool(db, ctx, (c) => imports.checkFile(c, opts.schoolId, kind, parsed, todayOf(db)));
      const by = (s: string) => checked.rows.filter((r) => r.status === s).length;
      out(`${fileName}: ${checked.rows.length} rows, new ${by('new')}, already there ${by('existing')}, with problems ${by('error')}`);
      for (const p of checked.problems) out(`  row ${p.row}: ${imports.localizeProblem(p, lang).message}`);
      return checked.problems.length ? 2 : 0;
    }
    const preview = await imports.upload(db, ctx, { kind, fileName, content }, lang);
    if (preview.alreadyImportedAt) out(`This file was already imported at ${preview.alreadyImportedAt}: nothing to do.`);
    const result = await imports.commit(db, ctx, preview.importId, {
      fromDate: opts.fromDate,
      lang,
      onProgress: (done, total, stage) => out(`  ${stage}: ${done}/${total}`),
    });
    out(
      `Done in ${result.ms} ms: pupils new ${result.pupilsCreated}, already there ${result.pupilsExisting}, ` +
        `enrollments ${result.enrollmentsCreated}, guardians ${result.guardiansCreated}, staff new ${result.staffCreated}, already there ${result.staffExisting}.`,
    );
    for (const c of result.credentials) out(`  ${c.name}: login ${c.login}, one-time password ${c.initialPassword}`);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const body = errorBody(err.code, lang, err.params, err.details);
    out(body.error.message);
    const problems = (err.details as { problems?: { row: number; message: string }[] } | undefined)?.problems ?? [];
    for (const p of problems) out(`  row ${p.row}: ${p.message}`);
    return 2;
  }
}
