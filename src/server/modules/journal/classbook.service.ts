import type { TAttendanceSummary, TSummarySheet } from '../../../shared/api/classbook.js';
import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { membershipOf } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import * as repo from './classbook.repo.js';

const collator = new Intl.Collator('uk');
const byName = (a: { lastName: string; firstName: string }, b: { lastName: string; firstName: string }) =>
  collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);

/** The class, after checking the person leads the school or is this class's teacher. */
async function loadLedClass(c: Client, ctx: TenantContext, principal: TPrincipal, classId: number) {
  const cls = await repo.classInfo(c, ctx.schoolId, classId);
  if (!cls) throw new AppError('not_found');
  const m = membershipOf(principal, ctx.schoolId);
  const leads = m?.roles.some((r) => r === 'head' || r === 'controller' || r === 'admin');
  if (!leads && !m?.classIds.includes(classId)) throw new AppError('forbidden');
  return cls;
}

/** Lessons and days missed per pupil in a period, split by reason, and the absent days themselves. */
export async function attendanceSummary(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  classId: number,
  period: { from?: string; to?: string },
): Promise<TAttendanceSummary> {
  return withSchool(db, ctx, async (c) => {
    const cls = await loadLedClass(c, ctx, principal, classId);
    const from = period.from ?? cls.startsOn;
    const to = period.to ?? [todayOf(db), cls.endsOn].sort()[0];
    const days = await repo.absentDays(c, ctx.schoolId, classId, from, to);
    const pupils = (await repo.classPupilsNamed(c, ctx.schoolId, classId)).sort(byName).map((p) => {
      const mine = days.filter((d) => d.pupilId === p.id);
      const sum = (pred: (d: (typeof days)[number]) => boolean) => mine.filter(pred).reduce((s, d) => s + d.lessons, 0);
      return {
        id: p.id,
        name: `${p.lastName} ${p.firstName}`,
        missedLessons: sum(() => true),
        missedDays: mine.length,
        illness: sum((d) => d.reason === 'illness'),
        family: sum((d) => d.reason === 'family'),
        other: sum((d) => d.reason === 'other'),
        unexplained: sum((d) => d.reason === null),
      };
    });
    return { classLabel: cls.label, from, to, pupils, days };
  });
}

/** The class teacher records (or clears) why a pupil missed a day. */
export async function setAbsenceReason(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  classId: number,
  input: { pupilId: number; day: string; reason: 'illness' | 'family' | 'other' | null; note: string },
): Promise<void> {
  await withSchool(db, ctx, async (c) => {
    const cls = await loadLedClass(c, ctx, principal, classId);
    if (cls.status === 'closed') throw new AppError('year_closed');
    if (!(await repo.isPupilOfClass(c, ctx.schoolId, classId, input.pupilId))) throw new AppError('not_found');
    await repo.setAbsenceReason(c, ctx.schoolId, ctx.userId, input);
  });
}

/** Зведена відомість: semester, corrected, annual and DPA marks of every subject. */
export async function summarySheet(db: Database, ctx: TenantContext, principal: TPrincipal, classId: number): Promise<TSummarySheet> {
  return withSchool(db, ctx, async (c) => {
    const cls = await loadLedClass(c, ctx, principal, classId);
    const pupils = (await repo.classPupilsNamed(c, ctx.schoolId, classId)).sort(byName).map((p) => ({ id: p.id, name: `${p.lastName} ${p.firstName}` }));
    const sheet = await repo.summarySheet(c, ctx.schoolId, classId);
    // Ukrainian order: І and Є sort after А in the alphabet, before it in byte order
    const subjects = sheet.subjects.sort(
      (a: { subjectName: string; groupName: string | null }, b: { subjectName: string; groupName: string | null }) =>
        collator.compare(a.subjectName, b.subjectName) || collator.compare(a.groupName ?? '', b.groupName ?? ''),
    );
    return { classLabel: cls.label, yearName: cls.yearName, pupils, ...sheet, subjects };
  });
}
