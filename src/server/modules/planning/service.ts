import { PLAN_TEXT, type TPlan, type TPlanAllowance, type TPlanProblem, type TPlanSave, type TPlanUnitInput } from '../../../shared/api/planning.js';
import { formatMessage, type Lang } from '../../../shared/errors.js';
import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { membershipOf } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import { loadPageAccess } from '../journal/access.js';
import type { PageMeta } from '../journal/page.repo.js';
import { yearCalendar } from '../timetable/regenerate.repo.js';
import { schoolDays } from '../timetable/schedule.js';
import { curriculumAllowance, planAgreement } from './mapping.js';
import { remapPlan, thematicTitle } from './remap.js';
import * as repo from './repo.js';

export const text = (key: keyof typeof PLAN_TEXT, lang: Lang, params: Record<string, string | number> = {}) => formatMessage(PLAN_TEXT[key][lang], params);

const READERS = ['head', 'controller', 'admin'];

export interface PlanContext {
  meta: PageMeta;
  semester: number;
  bounds: { startsOn: string; endsOn: string };
  /** the page's teacher, in an open year */
  canEdit: boolean;
  /** head or administrator: may copy plans to any parallel page */
  isManager: boolean;
}

/** Loads the page of a plan: its teacher edits it; head, controller and administrator read it; others are refused. */
export async function planContext(c: Client, ctx: TenantContext, principal: TPrincipal, pageId: number, semester: number, lang: Lang): Promise<PlanContext> {
  const access = await loadPageAccess(c, ctx, principal, pageId, lang);
  const roles = membershipOf(principal, ctx.schoolId)?.roles ?? [];
  if (!access.canWrite && !roles.some((r) => READERS.includes(r))) throw new AppError('forbidden');
  const bounds = access.meta.semesters.find((s) => s.number === semester);
  if (!bounds) throw new AppError('not_found');
  return {
    meta: access.meta,
    semester,
    bounds,
    canEdit: access.canWrite && access.meta.yearStatus === 'open',
    isManager: roles.includes('head') || roles.includes('admin'),
  };
}

/** Hours the curriculum allows the page in the semester (hours per week x study weeks of the school calendar). */
export async function allowanceOf(c: Client, schoolId: number, pageId: number, yearId: number, bounds: { startsOn: string; endsOn: string }): Promise<TPlanAllowance> {
  const page = await repo.pageFacts(c, schoolId, pageId);
  const cal = await yearCalendar(c, schoolId, yearId);
  const days = cal ? schoolDays({ semesters: cal.semesters, periods: cal.periods, cityDaysOff: cal.cityDaysOff, from: bounds.startsOn, to: bounds.endsOn }) : [];
  return curriculumAllowance(page?.hoursPerWeek ?? 0, days.filter((d) => d.weekday <= 5).length);
}

/** The plan of a page's semester as the screen shows it, with the mapping and the disagreement. */
export async function planView(c: Client, db: Database, ctx: TenantContext, pc: PlanContext, notes: string[] = []): Promise<TPlan> {
  const { meta, semester, bounds } = pc;
  const plan = await repo.findPlan(c, ctx.schoolId, meta.id, semester);
  const units = plan ? await repo.planUnits(c, ctx.schoolId, plan.id) : [];
  const items = plan ? await repo.planItems(c, ctx.schoolId, plan.id) : [];
  const lessons = await repo.semesterLessons(c, ctx.schoolId, meta.id, bounds.startsOn, bounds.endsOn, false);
  const datesOf = new Map<number, string[]>();
  for (const l of lessons) if (l.planItemId !== null && !l.cancelled) datesOf.set(l.planItemId, [...(datesOf.get(l.planItemId) ?? []), l.date]);
  return {
    pageId: meta.id,
    semester,
    page: { classLabel: meta.classLabel, subjectName: meta.subjectName, groupName: meta.groupName, teacherName: meta.teacherName, yearName: meta.yearName },
    semesterStartsOn: bounds.startsOn,
    semesterEndsOn: bounds.endsOn,
    exists: !!plan,
    version: plan?.version ?? 0,
    source: plan?.source ?? null,
    updatedAt: plan?.updatedAt ?? null,
    canEdit: pc.canEdit,
    canCopyToOthers: meta.yearStatus === 'open' && (pc.canEdit || pc.isManager),
    units: units.map((u) => ({
      id: u.id,
      title: u.title,
      columnId: u.columnId,
      items: items.filter((i) => i.unitId === u.id).map((i) => ({ ...i, lessonDates: datesOf.get(i.id) ?? [] })),
    })),
    agreement: planAgreement(items, lessons, todayOf(db)),
    allowance: await allowanceOf(c, ctx.schoolId, meta.id, meta.yearId, bounds),
    notes,
  };
}

/** Every problem of a plan as saved by hand or copied: dates outside the semester, more hours than allowed. */
export function planProblems(units: TPlanUnitInput[], bounds: { startsOn: string; endsOn: string }, allowance: TPlanAllowance, lang: Lang): TPlanProblem[] {
  const problems: TPlanProblem[] = [];
  let row = 0;
  let total = 0;
  let over = false;
  for (const unit of units) {
    for (const item of unit.items) {
      row++;
      total += item.hours;
      const d = item.plannedDate;
      if (d && (d < bounds.startsOn || d > bounds.endsOn)) {
        problems.push({ row, field: 'date', message: text('date_outside_semester', lang, { value: d, from: bounds.startsOn, to: bounds.endsOn }) });
      }
      if (!over && total > allowance.maxHours) {
        over = true;
        const params = { total, max: allowance.maxHours, hours: allowance.hoursPerWeek, weeks: allowance.studyWeeks };
        problems.push({ row, field: 'hours', message: text('over_allowance', lang, params) });
      }
    }
  }
  if (row === 0) problems.push({ row: 0, field: 'items', message: text('no_items', lang) });
  return problems;
}

export function refuseProblems(problems: TPlanProblem[]): never {
  throw new AppError('invalid_entries', { count: problems.length }, { problems });
}

const titleKey = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();

/** Units of an imported or copied plan keep the ids of saved units with the same title, so their thematic marks stay. */
export function matchUnitsByTitle(saved: repo.UnitRow[], incoming: Omit<TPlanUnitInput, 'id'>[]): TPlanUnitInput[] {
  const free = new Map<string, number[]>();
  for (const u of saved) free.set(titleKey(u.title), [...(free.get(titleKey(u.title)) ?? []), u.id]);
  return incoming.map((u) => ({ ...u, id: free.get(titleKey(u.title))?.shift() ?? null }));
}

/**
 * Replaces the units and items of a page's semester plan in the caller's transaction (409 on a
 * stale version), gives each unit its thematic column, keeps columns that have marks, and maps
 * the plan onto the lessons. Returns notes for the teacher.
 */
export async function writePlan(
  c: Client,
  ctx: TenantContext,
  target: { pageId: number; semester: number; endsOn: string },
  units: TPlanUnitInput[],
  opts: { source: repo.PlanRow['source']; version: number | null; lang: Lang },
): Promise<string[]> {
  const { schoolId } = ctx;
  const userId = ctx.userId || null;
  const plan = await repo.findPlan(c, schoolId, target.pageId, target.semester, true);
  if (opts.version !== null && (plan?.version ?? 0) !== opts.version) throw new AppError('conflict', {}, { version: plan?.version ?? 0 });
  let planId: number;
  if (plan) {
    planId = plan.id;
    await repo.touchPlan(c, schoolId, planId, userId, opts.source);
  } else {
    try {
      planId = await repo.insertPlan(c, schoolId, userId, target.pageId, target.semester, opts.source);
    } catch (err) {
      // a plan made at the same moment by someone else: the same answer as a stale version
      if ((err as { code?: string }).code === '23505') throw new AppError('conflict', {}, { version: 1 });
      throw err;
    }
  }
  const saved = await repo.planUnits(c, schoolId, planId);
  await repo.parkUnits(c, schoolId, planId);
  const savedById = new Map(saved.map((u) => [u.id, u]));
  const unitIds: number[] = [];
  const kept = new Set<number>();
  for (const [i, unit] of units.entries()) {
    const existing = unit.id !== null && !kept.has(unit.id) ? savedById.get(unit.id) : undefined;
    if (existing) {
      kept.add(existing.id);
      await repo.updateUnit(c, schoolId, existing.id, i + 1, unit.title);
      unitIds.push(existing.id);
    } else {
      unitIds.push(await repo.insertUnit(c, schoolId, planId, i + 1, unit.title));
    }
  }
  const notes: string[] = [];
  const removed = saved.filter((u) => !kept.has(u.id));
  const columns = await repo.columnsByIds(
    c,
    schoolId,
    target.pageId,
    removed.map((u) => u.columnId).filter((x): x is number => x !== null),
  );
  for (const col of columns.filter((x) => x.hasMarks)) notes.push(text('column_kept', opts.lang, { title: col.title }));
  await repo.deleteUnits(
    c,
    schoolId,
    removed.map((u) => u.id),
  );
  await repo.deleteEmptyColumns(
    c,
    schoolId,
    columns.filter((x) => !x.hasMarks).map((x) => x.id),
  );
  let position = 0;
  const rows = units.flatMap((unit, i) => unit.items.map((item) => ({ ...item, unitId: unitIds[i], position: ++position })));
  await repo.insertItems(c, schoolId, planId, rows);
  for (const [i, unit] of units.entries()) {
    if (savedById.get(unitIds[i])?.columnId) continue;
    const columnId = await repo.insertThematicColumn(c, schoolId, {
      pageId: target.pageId,
      semester: target.semester,
      title: thematicTitle(unit.title),
      afterDate: target.endsOn,
      position: i + 1,
    });
    await repo.setUnitColumn(c, schoolId, unitIds[i], columnId);
  }
  await remapPlan(c, schoolId, target.pageId, target.semester);
  return notes;
}

export async function getPlan(db: Database, ctx: TenantContext, principal: TPrincipal, opts: { pageId: number; semester: number; lang: Lang }) {
  return withSchool(db, ctx, async (c) => planView(c, db, ctx, await planContext(c, ctx, principal, opts.pageId, opts.semester, opts.lang)));
}

/** Saves a plan edited on the screen: all or nothing, every problem listed. */
export async function savePlan(db: Database, ctx: TenantContext, principal: TPrincipal, opts: { pageId: number; semester: number; body: TPlanSave; lang: Lang }) {
  return withSchool(db, ctx, async (c) => {
    const pc = await planContext(c, ctx, principal, opts.pageId, opts.semester, opts.lang);
    requireEditable(pc);
    const allowance = await allowanceOf(c, ctx.schoolId, pc.meta.id, pc.meta.yearId, pc.bounds);
    const problems = planProblems(opts.body.units, pc.bounds, allowance, opts.lang);
    if (problems.length) refuseProblems(problems);
    const notes = await writePlan(c, ctx, { pageId: pc.meta.id, semester: pc.semester, endsOn: pc.bounds.endsOn }, opts.body.units, {
      source: 'manual',
      version: opts.body.version,
      lang: opts.lang,
    });
    return planView(c, db, ctx, pc, notes);
  });
}

export function requireEditable(pc: PlanContext): void {
  if (pc.meta.yearStatus === 'closed') throw new AppError('year_closed');
  if (!pc.canEdit) throw new AppError('forbidden');
}
