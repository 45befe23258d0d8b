import type { TCopyOptions, TCopyResult, TPlanUnitInput } from '../../../shared/api/planning.js';
import type { Lang } from '../../../shared/errors.js';
import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import * as repo from './repo.js';
import { allowanceOf, matchUnitsByTitle, type PlanContext, planContext, planProblems, planView, text, writePlan } from './service.js';

/** A saved plan as input for another page: units and items without ids and dates (another class has another timetable). */
async function planAsInput(c: Client, schoolId: number, pageId: number, semester: number): Promise<Omit<TPlanUnitInput, 'id'>[] | null> {
  const plan = await repo.findPlan(c, schoolId, pageId, semester);
  if (!plan) return null;
  const items = await repo.planItems(c, schoolId, plan.id);
  return (await repo.planUnits(c, schoolId, plan.id)).map((u) => ({
    title: u.title,
    items: items.filter((i) => i.unitId === u.id).map((i) => ({ topic: i.topic, hours: i.hours, kind: i.kind, plannedDate: null })),
  }));
}

/** Parallel pages (same subject and grade this year) the person may copy to: their own, or any for head and administrator. */
async function parallelTargets(c: Client, ctx: TenantContext, pc: PlanContext) {
  const self = await repo.pageFacts(c, ctx.schoolId, pc.meta.id);
  if (!self) throw new AppError('not_found');
  const pages = await repo.pagesLike(c, ctx.schoolId, self.yearId, self.subjectId, self.grade);
  return { self, pages: pages.filter((p) => p.id !== self.id && (pc.isManager || p.teacherId === ctx.userId)) };
}

/** Where this page's plan may go, and which of last year's plans it may take. */
export async function copyOptions(db: Database, ctx: TenantContext, principal: TPrincipal, opts: { pageId: number; semester: number; lang: Lang }): Promise<TCopyOptions> {
  return withSchool(db, ctx, async (c) => {
    const pc = await planContext(c, ctx, principal, opts.pageId, opts.semester, opts.lang);
    const { self, pages } = await parallelTargets(c, ctx, pc);
    const previous = await repo.previousYearId(c, ctx.schoolId, self.yearId);
    const lastYear = previous ? await repo.pagesLike(c, ctx.schoolId, previous, self.subjectId, self.grade) : [];
    const sameLetterFirst = (p: repo.PageFacts) => (p.letter === self.letter && p.groupName === self.groupName ? 0 : 1);
    return {
      targets: pages.map((p) => ({ pageId: p.id, label: p.label, teacherName: p.teacherName, hasPlan: p.plans.includes(opts.semester) })),
      sources: lastYear
        .filter((p) => p.plans.includes(opts.semester))
        .sort((a, b) => sameLetterFirst(a) - sameLetterFirst(b))
        .map((p) => ({ pageId: p.id, label: p.label, yearName: p.yearName, teacherName: p.teacherName })),
    };
  });
}

/** Copies this page's plan to parallel classes' pages; each page is copied or skipped with its reason. */
export async function copyTo(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  opts: { pageId: number; semester: number; pageIds: number[]; replace: boolean; lang: Lang },
): Promise<TCopyResult> {
  const { lang } = opts;
  return withSchool(db, ctx, async (c) => {
    const pc = await planContext(c, ctx, principal, opts.pageId, opts.semester, lang);
    if (pc.meta.yearStatus === 'closed') throw new AppError('year_closed');
    if (!pc.canEdit && !pc.isManager) throw new AppError('forbidden');
    const units = await planAsInput(c, ctx.schoolId, pc.meta.id, pc.semester);
    if (!units) throw new AppError('not_found');
    const { self, pages } = await parallelTargets(c, ctx, pc);
    const allowed = new Map(pages.map((p) => [p.id, p]));
    const result: TCopyResult = { copied: [], skipped: [] };
    for (const pageId of [...new Set(opts.pageIds)]) {
      const target = allowed.get(pageId) ?? (await repo.pageFacts(c, ctx.schoolId, pageId));
      if (!target) throw new AppError('not_found');
      const skip = (reason: string) => result.skipped.push({ pageId, label: target.label, reason });
      if (!allowed.has(pageId)) {
        const parallel = target.id !== self.id && target.yearId === self.yearId && target.subjectId === self.subjectId && target.grade === self.grade;
        skip(text(parallel ? 'not_your_page' : 'not_parallel', lang));
        continue;
      }
      if (!opts.replace && (await repo.findPlan(c, ctx.schoolId, pageId, pc.semester))) {
        skip(text('has_plan', lang));
        continue;
      }
      const bounds = pc.bounds;
      const problems = planProblems(
        units.map((u) => ({ ...u, id: null })),
        bounds,
        await allowanceOf(c, ctx.schoolId, pageId, target.yearId, bounds),
        lang,
      );
      if (problems.length) {
        skip(problems[0].message);
        continue;
      }
      const saved = await repo.findPlan(c, ctx.schoolId, pageId, pc.semester);
      const matched = matchUnitsByTitle(saved ? await repo.planUnits(c, ctx.schoolId, saved.id) : [], units);
      await writePlan(c, ctx, { pageId, semester: pc.semester, endsOn: bounds.endsOn }, matched, { source: 'copy', version: null, lang });
      result.copied.push({ pageId, label: target.label });
    }
    return result;
  });
}

/** Takes the plan of the same semester from a page of the same subject and grade in an earlier year. */
export async function copyFrom(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  opts: { pageId: number; semester: number; sourcePageId: number; version: number; lang: Lang },
) {
  return withSchool(db, ctx, async (c) => {
    const pc = await planContext(c, ctx, principal, opts.pageId, opts.semester, opts.lang);
    if (pc.meta.yearStatus === 'closed') throw new AppError('year_closed');
    if (!pc.canEdit && !pc.isManager) throw new AppError('forbidden');
    const self = await repo.pageFacts(c, ctx.schoolId, pc.meta.id);
    const source = await repo.pageFacts(c, ctx.schoolId, opts.sourcePageId);
    if (!self || !source) throw new AppError('not_found');
    const previous = await repo.previousYearId(c, ctx.schoolId, self.yearId);
    if (source.yearId !== previous || source.subjectId !== self.subjectId || source.grade !== self.grade) {
      throw new AppError('invalid_entries', { count: 1 }, { problems: [{ row: 0, field: 'sourcePageId', message: text('not_parallel', opts.lang) }] });
    }
    const units = await planAsInput(c, ctx.schoolId, source.id, pc.semester);
    if (!units) throw new AppError('not_found');
    const allowance = await allowanceOf(c, ctx.schoolId, pc.meta.id, pc.meta.yearId, pc.bounds);
    const problems = planProblems(
      units.map((u) => ({ ...u, id: null })),
      pc.bounds,
      allowance,
      opts.lang,
    );
    if (problems.length) throw new AppError('invalid_entries', { count: problems.length }, { problems });
    const saved = await repo.findPlan(c, ctx.schoolId, pc.meta.id, pc.semester);
    const matched = matchUnitsByTitle(saved ? await repo.planUnits(c, ctx.schoolId, saved.id) : [], units);
    const notes = await writePlan(c, ctx, { pageId: pc.meta.id, semester: pc.semester, endsOn: pc.bounds.endsOn }, matched, {
      source: 'copy',
      version: opts.version,
      lang: opts.lang,
    });
    return planView(c, db, ctx, pc, notes);
  });
}
