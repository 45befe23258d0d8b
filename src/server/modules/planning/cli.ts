import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Lang } from '../../../shared/errors.js';
import type { Database } from '../../db/database.js';
import { todayOf, withSchool, withSystem } from '../../db/tenancy.js';
import { AppError, errorBody } from '../../http/errors.js';
import { semesterOf } from '../journal/access.js';
import { pageMeta } from '../journal/page.repo.js';
import { checkPlanTable, readPlanFile } from './import.js';
import * as repo from './repo.js';
import { allowanceOf, matchUnitsByTitle, writePlan } from './service.js';

/**
 * `cli plan import --page N --file F [--semester 1|2] [--dry-run]`: the same checks as the screen;
 * the plan is written only when no row has a problem. Returns the exit code.
 */
export async function planFromCli(
  db: Database,
  opts: { sub?: string; pageId: number; file?: string; semester?: number; dryRun: boolean; lang?: Lang },
  out: (line: string) => void,
): Promise<number> {
  const lang = opts.lang ?? 'uk';
  if (opts.sub !== 'import' || !opts.file || !Number.isInteger(opts.pageId) || opts.pageId <= 0) {
    out('Usage: plan import --page ID --file <plan.csv|plan.xlsx> [--semester 1|2] [--dry-run]');
    return 1;
  }
  const found = await withSystem(db, (c) => c.query<{ schoolId: number }>('SELECT school_id AS "schoolId" FROM journal_page WHERE id = $1', [opts.pageId]));
  const schoolId = found.rows[0]?.schoolId;
  if (!schoolId) {
    out(`No journal page ${opts.pageId}.`);
    return 2;
  }
  const ctx = { schoolId, userId: 0 };
  try {
    const content = readFileSync(opts.file);
    return await withSchool(db, ctx, async (c) => {
      const meta = (await pageMeta(c, schoolId, opts.pageId, lang))!;
      if (meta.yearStatus === 'closed') throw new AppError('year_closed');
      const semester = opts.semester ?? semesterOf(meta.semesters, todayOf(db));
      const bounds = meta.semesters.find((s) => s.number === semester);
      if (!bounds) throw new AppError('not_found');
      const parsed = await readPlanFile(basename(opts.file!), content);
      const allowance = await allowanceOf(c, schoolId, meta.id, meta.yearId, bounds);
      const checked = checkPlanTable(parsed, { bounds, allowance, lang });
      const items = checked.units.reduce((n, u) => n + u.items.length, 0);
      out(`${meta.classLabel} ${meta.subjectName}, semester ${semester}: ${checked.units.length} units, ${items} items, ${checked.totalHours} of ${allowance.maxHours} hours allowed.`);
      for (const p of checked.problems) out(`  row ${p.row}: ${p.message}`);
      if (checked.problems.length) {
        out('Nothing was written.');
        return 2;
      }
      if (opts.dryRun) return 0;
      const plan = await repo.findPlan(c, schoolId, meta.id, semester);
      const units = matchUnitsByTitle(plan ? await repo.planUnits(c, schoolId, plan.id) : [], checked.units);
      const notes = await writePlan(c, ctx, { pageId: meta.id, semester, endsOn: bounds.endsOn }, units, { source: 'import', version: null, lang });
      for (const n of notes) out(`  ${n}`);
      out('The plan is saved and mapped onto the lessons.');
      return 0;
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    out(errorBody(err.code, lang, err.params, err.details).error.message);
    return 2;
  }
}
