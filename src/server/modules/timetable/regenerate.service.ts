/**
 * Keeps the journals' lesson columns in step with the timetable and the school calendar.
 * Only lessons from today on are touched; a lesson with entries (topic, homework, marks,
 * attendance, history...) is never removed: when it no longer fits it stays, flagged.
 */
import type { TLessonChanges } from '../../../shared/api/calendar.js';
import type { Client } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { remapPagesBetween } from '../planning/remap.js';
import { laterDate } from './dates.js';
import * as repo from './regenerate.repo.js';
import { lessonsOnDays, type SchoolDay, type ScheduledLesson, schoolDays } from './schedule.js';

export type { TLessonChanges };

export const NO_CHANGES: TLessonChanges = { added: 0, removed: 0, flagged: 0 };

export function addChanges(a: TLessonChanges, b: TLessonChanges): TLessonChanges {
  return { added: a.added + b.added, removed: a.removed + b.removed, flagged: a.flagged + b.flagged };
}

export interface LessonPlan {
  inserts: { pageId: number; date: string; period: number; remote: boolean }[];
  deletes: number[];
  flags: { id: number; reason: 'timetable' | 'calendar' | null }[];
  remotes: { id: number; remote: boolean }[];
  /** lessons newly flagged (or flagged for another reason) */
  flagged: number;
}

const keyOf = (pageId: number, date: string, period: number) => `${pageId}|${date}|${period}`;

/**
 * What to do with the existing timetable lessons of a date range so that they match the
 * expected ones: empty lessons that fit stay (ids stable), other empty ones go, missing
 * ones come; lessons with entries stay and get flagged when they do not fit.
 */
export function planLessonChanges(expected: Map<number, ScheduledLesson[]>, existing: repo.ExistingLesson[], days: readonly SchoolDay[]): LessonPlan {
  const want = new Map<string, ScheduledLesson & { pageId: number }>();
  for (const [pageId, lessons] of expected) for (const l of lessons) want.set(keyOf(pageId, l.date, l.period), { ...l, pageId });
  const schoolDay = new Set(days.map((d) => d.date));
  const plan: LessonPlan = { inserts: [], deletes: [], flags: [], remotes: [], flagged: 0 };
  const covered = new Set<string>();
  // lessons with entries first: they claim their slot before an empty duplicate does
  const ordered = [...existing].sort((a, b) => Number(b.hasEntries) - Number(a.hasEntries) || a.id - b.id);
  for (const l of ordered) {
    const key = keyOf(l.pageId, l.date, l.period);
    const fits = want.get(key);
    if (l.hasEntries) {
      const reason = fits ? null : schoolDay.has(l.date) ? 'timetable' : 'calendar';
      if (reason !== l.offSchedule) {
        plan.flags.push({ id: l.id, reason });
        if (reason) plan.flagged++;
      }
      covered.add(key);
    } else if (fits && !covered.has(key)) {
      covered.add(key);
      if (fits.remote !== l.remote) plan.remotes.push({ id: l.id, remote: fits.remote });
    } else {
      plan.deletes.push(l.id);
    }
  }
  for (const [key, l] of want) if (!covered.has(key)) plan.inserts.push({ pageId: l.pageId, date: l.date, period: l.period, remote: l.remote });
  return plan;
}

async function applyPlan(c: Client, schoolId: number, plan: LessonPlan): Promise<TLessonChanges> {
  const removed = await repo.deleteEmptyLessons(c, schoolId, plan.deletes);
  const added = await repo.insertScheduledLessons(c, schoolId, plan.inserts);
  await repo.setOffSchedule(c, schoolId, plan.flags);
  await repo.setRemote(c, schoolId, plan.remotes);
  return { added, removed, flagged: plan.flagged };
}

/**
 * Regenerates the timetable lessons of some pages (all pages of the year when null) between
 * two dates, never before today: the one place where the timetable and calendar reach lessons.
 */
export async function reconcileLessons(
  c: Client,
  schoolId: number,
  opts: { yearId: number; pageIds: number[] | null; from: string; to?: string },
): Promise<TLessonChanges> {
  await repo.lockSchoolLessons(c, schoolId);
  const cal = await repo.yearCalendar(c, schoolId, opts.yearId);
  if (!cal) throw new AppError('not_found');
  if (cal.status === 'closed') throw new AppError('year_closed');
  const today = await repo.appToday(c);
  // never before today; outside the semesters there are no school days, so no clamp at the end
  const from = laterDate(opts.from, today);
  const to = opts.to ?? cal.endsOn;
  if (from > to) return NO_CHANGES;
  const pageIds = opts.pageIds ?? (await repo.yearPageIds(c, schoolId, opts.yearId));
  if (!pageIds.length) return NO_CHANGES;

  const days = schoolDays({ semesters: cal.semesters, periods: cal.periods, cityDaysOff: cal.cityDaysOff, from, to });
  const slots = await repo.pageSlots(c, schoolId, opts.yearId, pageIds);
  const byPage = new Map<number, repo.PageSlot[]>(pageIds.map((id) => [id, []]));
  for (const s of slots) byPage.get(s.pageId)?.push(s);
  const expected = new Map<number, ScheduledLesson[]>();
  for (const [pageId, pageSlots] of byPage) expected.set(pageId, lessonsOnDays(pageSlots, days));

  const existing = await repo.lockScheduledLessons(c, schoolId, pageIds, from, to);
  const changes = await applyPlan(c, schoolId, planLessonChanges(expected, existing, days));
  // the plans' topics follow the lessons as they are now
  if (changes.added || changes.removed) await remapPagesBetween(c, schoolId, pageIds, from, to);
  return changes;
}

/**
 * Regenerates one page's lessons from a date to the end of its year after a timetable change:
 * past lessons and lessons with entries are kept (the latter flagged when they no longer fit).
 */
export async function regenerateLessons(c: Client, schoolId: number, pageId: number, fromDate: string): Promise<TLessonChanges> {
  const yearId = await repo.pageYear(c, schoolId, pageId);
  if (yearId === undefined) throw new AppError('not_found');
  return reconcileLessons(c, schoolId, { yearId, pageIds: [pageId], from: fromDate });
}

/** Regenerates every page of the school's year(s) on the dates a calendar change touched. */
export async function regenerateSchoolDates(c: Client, schoolId: number, yearId: number, from: string, to: string): Promise<TLessonChanges> {
  return reconcileLessons(c, schoolId, { yearId, pageIds: null, from, to });
}

/** The same for one day in whatever open year of the school includes it (a city day off). */
export async function regenerateSchoolDay(c: Client, schoolId: number, day: string): Promise<TLessonChanges> {
  let total = NO_CHANGES;
  for (const yearId of await repo.yearsOn(c, schoolId, day)) {
    const cal = await repo.yearCalendar(c, schoolId, yearId);
    if (cal?.status !== 'open') continue;
    total = addChanges(total, await reconcileLessons(c, schoolId, { yearId, pageIds: null, from: day, to: day }));
  }
  return total;
}
