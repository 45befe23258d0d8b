import { defaultScaleOf, type TLoadInput, type TLoadPatch, type TTeacherLoad, type TTeachingLoad } from '../../../shared/api/curriculum.js';
import type { Lang } from '../../../shared/errors.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { checkTeacherFree } from '../timetable/service.js';
import * as groups from './groups.repo.js';
import * as repo from './load.repo.js';
import * as subjects from './subjects.repo.js';
import { loadWarnings } from './warnings.js';

const collator = new Intl.Collator('uk');

async function requireYear(c: Client, schoolId: number, write: boolean): Promise<subjects.YearRow> {
  const year = await subjects.currentYear(c, schoolId);
  if (!year) throw new AppError('not_found');
  if (write && year.status === 'closed') throw new AppError('year_closed');
  return year;
}

async function loadOf(c: Client, db: Database, schoolId: number, year: subjects.YearRow, lang: Lang): Promise<TTeachingLoad> {
  const pages = (await repo.loadPages(c, schoolId, year.id, todayOf(db))).sort(
    (a, b) =>
      a.grade - b.grade ||
      collator.compare(a.classLabel, b.classLabel) ||
      collator.compare(a.subjectName, b.subjectName) ||
      collator.compare(a.groupName ?? '', b.groupName ?? ''),
  );
  const totals = new Map<number, { hours: number; pages: number }>();
  for (const p of pages) {
    if (p.teacherId === null) continue;
    const t = totals.get(p.teacherId) ?? { hours: 0, pages: 0 };
    totals.set(p.teacherId, { hours: t.hours + p.hoursPerWeek, pages: t.pages + 1 });
  }
  const teachers: TTeacherLoad[] = (await repo.activeTeachers(c, schoolId))
    .sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName))
    .map((t) => ({ id: t.id, name: t.name, hours: totals.get(t.id)?.hours ?? 0, pages: totals.get(t.id)?.pages ?? 0 }));
  const classes = await repo.classesWithGroups(c, schoolId, year.id);
  const maxTeacherHours = await repo.maxTeacherHours(c, schoolId);
  const plan = await subjects.planRows(c, schoolId, year.id);
  const subjectNames = new Map((await subjects.subjects(c, schoolId)).map((s) => [s.id, s.name]));
  const warnings = loadWarnings({ plan, subjectNames, classes, pages, teachers, maxTeacherHours }, lang);
  return { year, maxTeacherHours, classes, pages, teachers, scales: await repo.scales(c, lang), warnings };
}

/** The teaching load: every page with its teacher and hours, teachers' totals, and warnings. */
export async function getLoad(db: Database, ctx: TenantContext, lang: Lang): Promise<TTeachingLoad> {
  return withSchool(db, ctx, async (c) => loadOf(c, db, ctx.schoolId, await requireYear(c, ctx.schoolId, false), lang));
}

async function checkTeacherAndScale(c: Client, schoolId: number, teacherId: number | null | undefined, scaleCode: string | undefined): Promise<void> {
  if (teacherId != null && !(await repo.isActiveTeacher(c, schoolId, teacherId))) throw new AppError('not_a_teacher');
  if (scaleCode !== undefined && !(await repo.scaleExists(c, scaleCode))) throw new AppError('unknown_scale');
}

/**
 * Adds a page (class or group x subject x teacher x hours). The scale defaults by grade. A class
 * has either one whole-class page of a subject or one page per group.
 */
export async function addPage(db: Database, ctx: TenantContext, input: TLoadInput, lang: Lang): Promise<TTeachingLoad> {
  return withSchool(db, ctx, async (c) => {
    const year = await requireYear(c, ctx.schoolId, true);
    const cls = await groups.classRow(c, ctx.schoolId, input.classId);
    if (!cls || cls.yearId !== year.id) throw new AppError('not_found');
    const subject = await repo.subjectName(c, ctx.schoolId, input.subjectId);
    if (subject === undefined) throw new AppError('not_found');
    const groupId = input.groupId ?? null;
    if (groupId !== null && (await repo.groupClass(c, ctx.schoolId, groupId)) !== cls.id) throw new AppError('group_not_in_class');
    await checkTeacherAndScale(c, ctx.schoolId, input.teacherId, input.scaleCode);
    const existing = await repo.subjectPagesOfClass(c, ctx.schoolId, cls.id, input.subjectId);
    if (existing.some((p) => p.groupId === null || groupId === null || p.groupId === groupId)) throw new AppError('page_exists', { subject });
    await repo.insertPage(c, ctx.schoolId, {
      yearId: year.id,
      classId: cls.id,
      groupId,
      subjectId: input.subjectId,
      teacherId: input.teacherId ?? null,
      hoursPerWeek: input.hoursPerWeek,
      scaleCode: input.scaleCode ?? defaultScaleOf(cls.grade),
    });
    return loadOf(c, db, ctx.schoolId, year, lang);
  });
}

/** Changes a page's teacher, hours or scale; a new teacher must be free in the page's slots. */
export async function changePage(db: Database, ctx: TenantContext, pageId: number, patch: TLoadPatch, lang: Lang): Promise<TTeachingLoad> {
  return withSchool(db, ctx, async (c) => {
    const page = await repo.lockPage(c, ctx.schoolId, pageId);
    if (!page) throw new AppError('not_found');
    if (page.yearStatus === 'closed') throw new AppError('year_closed');
    await checkTeacherAndScale(c, ctx.schoolId, patch.teacherId, patch.scaleCode);
    const teacherId = patch.teacherId === undefined ? page.teacherId : patch.teacherId;
    if (teacherId !== null && teacherId !== page.teacherId) await checkTeacherFree(c, db, ctx.schoolId, pageId, teacherId, lang);
    await repo.updatePage(c, ctx.schoolId, {
      ...page,
      teacherId,
      hoursPerWeek: patch.hoursPerWeek ?? page.hoursPerWeek,
      scaleCode: patch.scaleCode ?? page.scaleCode,
    });
    return loadOf(c, db, ctx.schoolId, await requireYear(c, ctx.schoolId, false), lang);
  });
}

/** Deletes a page nobody has written on yet, with its timetable entries and empty lessons. */
export async function removePage(db: Database, ctx: TenantContext, pageId: number, lang: Lang): Promise<TTeachingLoad> {
  return withSchool(db, ctx, async (c) => {
    const page = await repo.lockPage(c, ctx.schoolId, pageId);
    if (!page) throw new AppError('not_found');
    if (page.yearStatus === 'closed') throw new AppError('year_closed');
    if (await repo.pageHasEntries(c, ctx.schoolId, pageId)) throw new AppError('page_in_use');
    try {
      await c.query('SAVEPOINT delete_page');
      await repo.deleteUnusedPage(c, ctx.schoolId, pageId);
    } catch (err) {
      // another module's row points at the page (a remark, a plan): it stays
      if ((err as { code?: string }).code !== '23503') throw err;
      await c.query('ROLLBACK TO SAVEPOINT delete_page');
      throw new AppError('page_in_use');
    }
    return loadOf(c, db, ctx.schoolId, await requireYear(c, ctx.schoolId, false), lang);
  });
}

export async function setMaxTeacherHours(db: Database, ctx: TenantContext, hours: number, lang: Lang): Promise<TTeachingLoad> {
  return withSchool(db, ctx, async (c) => {
    await repo.setMaxTeacherHours(c, ctx.schoolId, hours);
    return loadOf(c, db, ctx.schoolId, await requireYear(c, ctx.schoolId, false), lang);
  });
}
