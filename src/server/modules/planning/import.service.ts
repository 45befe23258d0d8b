import type { TPlanImportPreview } from '../../../shared/api/planning.js';
import type { Lang } from '../../../shared/errors.js';
import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type TenantContext, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { checkPlanTable, readPlanFile } from './import.js';
import * as repo from './repo.js';
import { allowanceOf, matchUnitsByTitle, planContext, planView, requireEditable, writePlan } from './service.js';

/**
 * Imports a plan file: without `confirm` only its preview (every row and its problems); with it,
 * the plan is written only when no row has a problem (all or nothing), replacing the saved one.
 */
export async function importPlan(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  opts: { pageId: number; semester: number; fileName: string; content: Buffer; confirm: boolean; version: number; lang: Lang },
): Promise<TPlanImportPreview> {
  return withSchool(db, ctx, async (c) => {
    const pc = await planContext(c, ctx, principal, opts.pageId, opts.semester, opts.lang);
    requireEditable(pc);
    const parsed = await readPlanFile(opts.fileName, opts.content);
    const allowance = await allowanceOf(c, ctx.schoolId, pc.meta.id, pc.meta.yearId, pc.bounds);
    const checked = checkPlanTable(parsed, { bounds: pc.bounds, allowance, lang: opts.lang });
    const lessons = (await repo.semesterLessons(c, ctx.schoolId, pc.meta.id, pc.bounds.startsOn, pc.bounds.endsOn, false)).filter((l) => !l.cancelled).length;
    const preview: TPlanImportPreview = {
      fileName: opts.fileName,
      rows: checked.rows,
      problems: checked.problems,
      units: checked.units.length,
      items: checked.units.reduce((n, u) => n + u.items.length, 0),
      totalHours: checked.totalHours,
      allowance,
      lessons,
      saved: null,
    };
    if (!opts.confirm) return preview;
    if (checked.problems.length) {
      const count = new Set(checked.problems.map((p) => p.row)).size;
      throw new AppError('import_problems', { count }, { problems: checked.problems });
    }
    const plan = await repo.findPlan(c, ctx.schoolId, pc.meta.id, pc.semester);
    const savedUnits = plan ? await repo.planUnits(c, ctx.schoolId, plan.id) : [];
    const units = matchUnitsByTitle(savedUnits, checked.units);
    const target = { pageId: pc.meta.id, semester: pc.semester, endsOn: pc.bounds.endsOn };
    const notes = await writePlan(c, ctx, target, units, { source: 'import', version: opts.version, lang: opts.lang });
    return { ...preview, saved: await planView(c, db, ctx, pc, notes) };
  });
}
