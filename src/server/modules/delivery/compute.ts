/**
 * Curriculum delivery figures, pure arithmetic (no database), so they are tested on their own.
 *
 * Hours by the curriculum for a semester = the page's hours a week x the semester's study weeks
 * (to one decimal, e.g. 2 x 15.4 = 30.8); study weeks = the semester's working days (Monday to
 * Friday, not a holiday, school day off or city day off; remote days count) / 5, to one decimal,
 * as the planning module counts them (its allowance for a plan is this figure rounded up).
 * A shortfall is counted in whole hours missing: 30 held of 30.8 is none, 29 held is 1.
 * It is the curriculum's measure (навчальний план: hours a week), independent of how the
 * timetable happens to be laid out; the journal's own calendar lessons are shown beside it
 * ('calendarHours').
 *
 * What should be held by now ('due'): once the semester is over, all of it (the curriculum's
 * hours; the plan's hours). While it runs, up to the last Sunday before today (a lesson later
 * this week is not yet behind): the lessons the journal's calendar scheduled by then (cancelled
 * ones included: they were due; extra lessons not), but never less than the curriculum's hours of
 * those study weeks less one week (a page whose calendar has too few lessons is behind too; the
 * week of grace absorbs where the weekly lessons fall around holidays); by the plan, as many of
 * its hours as that, since the plan maps onto the lessons in order. The shortfall compares 'due'
 * with the lessons held up to that same day ('heldDue'), so both count the same weeks; an extra
 * lesson makes up for a cancelled one.
 */
import type { TDeliveryFigures, TDeliveryPageRow, TDeliveryRow, TDeliverySemester } from '../../../shared/api/delivery.js';
import { addDays } from '../control/period.js';
import { type CalendarRange, schoolDays } from '../timetable/schedule.js';
import type { PageCounts } from './repo.js';

export interface SemesterRange {
  number: number;
  startsOn: string;
  endsOn: string;
}

/** Working days (Mon-Fri) of a semester up to a date, on the school's calendar. */
export function workingDays(s: SemesterRange, cal: { periods: readonly CalendarRange[]; cityDaysOff: readonly string[] }, to?: string): number {
  if (to !== undefined && to < s.startsOn) return 0;
  return schoolDays({ semesters: [s], periods: cal.periods, cityDaysOff: cal.cityDaysOff, to }).filter((d) => d.weekday <= 5).length;
}

/** The Sunday that ends the ISO week before the day's week. */
export function lastSundayBefore(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return addDays(day, -weekday - 1);
}

/**
 * The semester a report shows when none is asked: today's, else the last one begun, else the
 * first. In the first days of a semester, before its first full week has ended, nothing of it is
 * due yet, so the semester just ended is shown (what a head looks at in those days).
 */
export function defaultSemester<S extends SemesterRange>(semesters: S[], today: string): S | undefined {
  const current = semesters.find((s) => s.startsOn <= today && today <= s.endsOn);
  if (current) {
    const previous = semesters.filter((s) => s.endsOn < current.startsOn).at(-1);
    return previous && lastSundayBefore(today) < current.startsOn ? previous : current;
  }
  return semesters.filter((s) => s.startsOn <= today).at(-1) ?? semesters[0];
}

const r1 = (x: number) => Math.round(x * 10) / 10;
/** study weeks of a number of working days, to one decimal */
export const weeksOf = (days: number) => r1(days / 5);
/** whole hours missing; the epsilon keeps 30.8 - 29.8 = 0.9999999 from counting as none */
const missing = (due: number, held: number) => Math.max(0, Math.floor(due - held + 1e-9));

/** The semester's dates and weeks as the figures use them. */
export function semesterOf(
  year: { yearId: number; yearName: string },
  s: SemesterRange,
  cal: { periods: readonly CalendarRange[]; cityDaysOff: readonly string[] },
  today: string,
): TDeliverySemester {
  const ended = s.endsOn < today;
  const total = workingDays(s, cal);
  const dueTo = ended ? s.endsOn : [lastSundayBefore(today), s.endsOn].sort()[0];
  const due = ended ? total : workingDays(s, cal, dueTo);
  return { yearId: year.yearId, yearName: year.yearName, number: s.number, startsOn: s.startsOn, endsOn: s.endsOn, ended, studyWeeks: weeksOf(total), weeksDue: weeksOf(due), dueTo };
}

export function emptyFigures(): TDeliveryFigures {
  return {
    pages: 0,
    curriculumHours: 0,
    planHours: 0,
    pagesWithPlan: 0,
    calendarHours: 0,
    scheduledDue: 0,
    heldHours: 0,
    heldDue: 0,
    dueHours: 0,
    duePlan: 0,
    shortCurriculum: 0,
    shortPlan: 0,
    shortfall: 0,
    pagesDelivered: 0,
    works: { test: { planned: 0, held: 0 }, lab: { planned: 0, held: 0 }, practical: { planned: 0, held: 0 } },
  };
}

/** One page's figures from its counts and the semester's working days (all, and up to the 'due' day). */
export function pageFigures(p: PageCounts, days: { total: number; due: number; ended: boolean }): TDeliveryFigures {
  const curriculumHours = r1(p.hoursPerWeek * weeksOf(days.total));
  const dueHours = days.ended ? curriculumHours : Math.max(p.scheduledDue, r1(p.hoursPerWeek * Math.max(0, weeksOf(days.due) - 1)));
  const duePlan = !p.hasPlan ? 0 : days.ended ? p.planHours : Math.min(p.planHours, dueHours);
  const shortCurriculum = missing(dueHours, p.heldDue);
  const shortPlan = p.hasPlan ? missing(duePlan, p.heldDue) : 0;
  const shortfall = Math.max(shortCurriculum, shortPlan);
  return {
    pages: 1,
    curriculumHours,
    planHours: p.planHours,
    pagesWithPlan: p.hasPlan ? 1 : 0,
    calendarHours: p.calendarHours,
    scheduledDue: p.scheduledDue,
    heldHours: p.heldHours,
    heldDue: p.heldDue,
    dueHours,
    duePlan,
    shortCurriculum,
    shortPlan,
    shortfall,
    pagesDelivered: shortfall === 0 ? 1 : 0,
    works: {
      test: { planned: p.testPlanned, held: p.testHeld },
      lab: { planned: p.labPlanned, held: p.labHeld },
      practical: { planned: p.practicalPlanned, held: p.practicalHeld },
    },
  };
}

/** Sums of figures; the shortfalls of a group are the sums of its pages' shortfalls (a page ahead does not cover one behind). */
export function addFigures(a: TDeliveryFigures, b: TDeliveryFigures): TDeliveryFigures {
  const sum = { ...a };
  for (const k of Object.keys(b) as (keyof TDeliveryFigures)[]) {
    if (k !== 'works') (sum[k] as number) = r1((a[k] as number) + (b[k] as number));
  }
  sum.works = {
    test: { planned: a.works.test.planned + b.works.test.planned, held: a.works.test.held + b.works.test.held },
    lab: { planned: a.works.lab.planned + b.works.lab.planned, held: a.works.lab.held + b.works.lab.held },
    practical: { planned: a.works.practical.planned + b.works.practical.planned, held: a.works.practical.held + b.works.practical.held },
  };
  return sum;
}

export const classLabel = (p: { grade: number; letter: string }) => `${p.grade}-${p.letter}`;

export function pageRow(p: PageCounts, figures: TDeliveryFigures): TDeliveryPageRow {
  return {
    pageId: p.pageId,
    classId: p.classId,
    className: classLabel(p),
    groupName: p.groupName,
    subjectId: p.subjectId,
    subjectName: p.subjectName,
    teacherId: p.teacherId,
    teacherName: p.teacherName,
    hoursPerWeek: p.hoursPerWeek,
    hasPlan: p.hasPlan,
    figures,
  };
}

const collator = new Intl.Collator('uk');

/** Rows grouped by page (each page), class, subject or teacher: the largest shortfall first, then in Ukrainian order of their names. */
export function groupRows(pages: TDeliveryPageRow[], by: 'page' | 'class' | 'subject' | 'teacher', noTeacher: string): TDeliveryRow[] {
  if (by === 'page') {
    return pages
      .map((p) => ({ key: { id: p.pageId, name: pageName(p) }, page: p, figures: p.figures, sort: [p.className.padStart(5, '0'), p.subjectName, p.groupName ?? ''] }))
      .sort((a, b) => b.figures.shortfall - a.figures.shortfall || a.sort.reduce((acc, x, i) => acc || collator.compare(x, b.sort[i]), 0))
      .map(({ sort: _s, ...r }) => r);
  }
  const groups = new Map<number, { name: string; figures: TDeliveryFigures; sortKey: string }>();
  for (const p of pages) {
    const [id, name, sortKey] =
      by === 'class' ? [p.classId, p.className, p.className.padStart(5, '0')] : by === 'subject' ? [p.subjectId, p.subjectName, p.subjectName] : [p.teacherId ?? 0, p.teacherName ?? noTeacher, p.teacherName ?? '\uffff'];
    const g = groups.get(id) ?? { name, figures: emptyFigures(), sortKey };
    g.figures = addFigures(g.figures, p.figures);
    groups.set(id, g);
  }
  return [...groups.entries()]
    .sort((a, b) => b[1].figures.shortfall - a[1].figures.shortfall || collator.compare(a[1].sortKey, b[1].sortKey))
    .map(([id, g]) => ({ key: { id, name: g.name }, page: null, figures: g.figures }));
}

export function pageName(p: { className: string; subjectName: string; groupName: string | null }): string {
  return `${p.className} · ${p.subjectName}${p.groupName ? ` (${p.groupName})` : ''}`;
}
