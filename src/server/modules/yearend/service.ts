import type { TCompleteness, TSchoolYear } from '../../../shared/api/archive.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import * as repo from './repo.js';

const collator = new Intl.Collator('uk');
const byPage = (a: { grade: number; letter: string; subjectName: string; groupName: string | null }, b: typeof a) =>
  a.grade - b.grade || collator.compare(a.letter, b.letter) || collator.compare(a.subjectName, b.subjectName) || collator.compare(a.groupName ?? '', b.groupName ?? '');
const pageOf = (x: { pageId: number; classLabel: string; subjectName: string; groupName: string | null; teacherName: string | null }) => ({
  pageId: x.pageId,
  classLabel: x.classLabel,
  subjectName: x.subjectName,
  groupName: x.groupName,
  teacherName: x.teacherName,
});

/** The school's years with their close and reopen history. */
export async function listYears(db: Database, ctx: TenantContext): Promise<TSchoolYear[]> {
  return withSchool(db, ctx, (c) => repo.years(c, ctx.schoolId));
}

async function requireYear(c: Client, schoolId: number, yearId: number, lock = false): Promise<repo.YearRow> {
  const y = await repo.year(c, schoolId, yearId, lock);
  if (!y) throw new AppError('not_found');
  return y;
}

/** Pupils on each graded page on the day (enrolled, and in the group of a group page) with no annual mark. */
async function missingAnnualMarks(c: Client, schoolId: number, yearId: number, day: string) {
  const pages = await repo.gradedPages(c, schoolId, yearId);
  const byClass = new Map<number, Awaited<ReturnType<typeof repo.enrolledOn>>>();
  for (const e of await repo.enrolledOn(c, schoolId, yearId, day)) byClass.set(e.classId, [...(byClass.get(e.classId) ?? []), e]);
  const inGroup = new Set((await repo.groupMembers(c, schoolId, yearId)).map((m) => `${m.groupId}:${m.pupilId}`));
  const marked = new Set((await repo.annualMarked(c, schoolId, yearId)).map((m) => `${m.pageId}:${m.pupilId}`));
  return pages
    .map((page) => ({
      ...page,
      pupils: (byClass.get(page.classId) ?? []).filter(
        (e) => (page.groupId === null || inGroup.has(`${page.groupId}:${e.pupilId}`)) && !marked.has(`${page.pageId}:${e.pupilId}`),
      ),
    }))
    .filter((page) => page.pupils.length > 0);
}

/** What is missing before the year can be closed cleanly: annual marks, lesson topics, open remarks. */
export async function completenessIn(c: Client, schoolId: number, y: repo.YearRow): Promise<TCompleteness> {
  const day = await repo.annualDay(c, schoolId, y.id);
  const annual = (await missingAnnualMarks(c, schoolId, y.id, day)).sort(byPage).map((x) => ({
    ...pageOf(x),
    missing: x.pupils.length,
    pupils: x.pupils
      .sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName))
      .slice(0, repo.LIST_LIMIT)
      .map((p) => `${p.lastName} ${p.firstName}`),
  }));
  const topics = (await repo.lessonsWithoutTopic(c, schoolId, y.id, y.endsOn)).sort(byPage).map((x) => ({ ...pageOf(x), missing: x.missing, dates: x.dates }));
  const remarks = (await repo.hasRemarks(c))
    ? (await repo.openRemarks(c, schoolId, y.id)).map((x) => ({ ...pageOf(x), remarkId: x.remarkId, status: x.status, deadline: x.deadline, text: x.text }))
    : null;
  const total = annual.reduce((n, x) => n + x.missing, 0) + topics.reduce((n, x) => n + x.missing, 0) + (remarks?.length ?? 0);
  return { yearId: y.id, yearName: y.name, status: y.status, annualMarks: annual, topics, remarks, total };
}

export async function completeness(db: Database, ctx: TenantContext, yearId: number): Promise<TCompleteness> {
  return withSchool(db, ctx, async (c) => completenessIn(c, ctx.schoolId, await requireYear(c, ctx.schoolId, yearId)));
}

function gapCounts(x: TCompleteness): Record<string, number> {
  return {
    annualMarks: x.annualMarks.reduce((n, p) => n + p.missing, 0),
    topics: x.topics.reduce((n, p) => n + p.missing, 0),
    ...(x.remarks ? { remarks: x.remarks.length } : {}),
  };
}

/**
 * Closes the year: refused while anything is missing unless the head gives a reason, which is
 * recorded with the counts of what was missing. From then on the database refuses every write.
 */
export async function closeYear(db: Database, ctx: TenantContext, yearId: number, reason: string): Promise<TSchoolYear> {
  return withSchool(db, ctx, async (c) => {
    const y = await requireYear(c, ctx.schoolId, yearId, true);
    if (y.status === 'closed') throw new AppError('year_closed');
    const gaps = await completenessIn(c, ctx.schoolId, y);
    const counts = gapCounts(gaps);
    if (gaps.total > 0 && !reason) throw new AppError('year_incomplete', { count: gaps.total }, { gaps: counts });
    await repo.insertEvent(c, ctx.schoolId, { yearId, action: 'close', reason, gaps: counts, userId: ctx.userId });
    await repo.setYearStatus(c, ctx.schoolId, yearId, 'closed', ctx.userId);
    return (await repo.years(c, ctx.schoolId)).find((x) => x.id === yearId);
  });
}

/** Reopens a closed year for corrections; the reason and the head are recorded. */
export async function reopenYear(db: Database, ctx: TenantContext, yearId: number, reason: string): Promise<TSchoolYear> {
  return withSchool(db, ctx, async (c) => {
    const y = await requireYear(c, ctx.schoolId, yearId, true);
    if (y.status !== 'closed') throw new AppError('year_not_closed');
    await repo.setYearStatus(c, ctx.schoolId, yearId, 'open', ctx.userId);
    await repo.insertEvent(c, ctx.schoolId, { yearId, action: 'reopen', reason, gaps: {}, userId: ctx.userId });
    return (await repo.years(c, ctx.schoolId)).find((x) => x.id === yearId);
  });
}
