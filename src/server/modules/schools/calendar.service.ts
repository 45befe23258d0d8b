import type {
  TCalendarChange,
  TCalendarPeriod,
  TCityDayOffChange,
  TCityDaysOff,
  TSchoolCalendar,
} from '../../../shared/api/calendar.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, todayOf, withSchool, withSystem } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { addChanges, earlierDate, laterDate, NO_CHANGES, regenerateSchoolDates, regenerateSchoolDay, schoolDays } from '../timetable/service.js';
import * as repo from './calendar.repo.js';

async function calendarOf(c: Client, schoolId: number, year: repo.CalendarYear, today: string): Promise<TSchoolCalendar> {
  const semesters = await repo.semesters(c, schoolId, year.id);
  const periods = await repo.periods(c, schoolId, year.id);
  const cityDaysOff = await repo.schoolCityDaysOff(c, schoolId, year.startsOn, year.endsOn);
  const counts = semesters.map((s) => ({
    semester: s.number,
    days: schoolDays({ semesters: [s], periods, cityDaysOff: cityDaysOff.map((d) => d.day) }).length,
  }));
  return { year, semesters, periods, cityDaysOff, schoolDays: counts, today };
}

async function requireOpenYear(c: Client, schoolId: number): Promise<repo.CalendarYear> {
  const year = await repo.currentYear(c, schoolId);
  if (!year) throw new AppError('not_found');
  const locked = (await repo.lockYear(c, schoolId, year.id))!;
  if (locked.status === 'closed') throw new AppError('year_closed');
  return locked;
}

/** The current year's calendar: semesters, holidays, days off, remote days, the city's days off. */
export async function getCalendar(db: Database, ctx: TenantContext): Promise<TSchoolCalendar> {
  return withSchool(db, ctx, async (c) => {
    const year = await repo.currentYear(c, ctx.schoolId);
    if (!year) throw new AppError('not_found');
    return calendarOf(c, ctx.schoolId, year, todayOf(db));
  });
}

/** Checks the year's dates and its semesters: in order, inside the year, not overlapping. */
export function checkYear(input: { startsOn: string; endsOn: string; semesters: { number: number; startsOn: string; endsOn: string }[] }): void {
  if (input.endsOn <= input.startsOn) throw new AppError('date_order');
  const sorted = [...input.semesters].sort((a, b) => a.number - b.number);
  const ok = sorted.every(
    (s, i) =>
      s.number === i + 1 &&
      s.startsOn <= s.endsOn &&
      s.startsOn >= input.startsOn &&
      s.endsOn <= input.endsOn &&
      (i === 0 || sorted[i - 1].endsOn < s.startsOn),
  );
  if (!ok) throw new AppError('semesters_invalid');
}

/** Changes the year's dates and semesters; lessons from today on follow the new dates. */
export async function setYear(db: Database, ctx: TenantContext, input: { startsOn: string; endsOn: string; semesters: { number: number; startsOn: string; endsOn: string }[] }): Promise<TCalendarChange> {
  checkYear(input);
  return withSchool(db, ctx, async (c) => {
    const year = await requireOpenYear(c, ctx.schoolId);
    await repo.updateYearDates(c, ctx.schoolId, year.id, input.startsOn, input.endsOn);
    await repo.replaceSemesters(c, ctx.schoolId, year.id, input.semesters);
    const from = earlierDate(year.startsOn, input.startsOn);
    const to = laterDate(year.endsOn, input.endsOn);
    const lessons = await regenerateSchoolDates(c, ctx.schoolId, year.id, from, to);
    const updated = { ...year, startsOn: input.startsOn, endsOn: input.endsOn };
    return { calendar: await calendarOf(c, ctx.schoolId, updated, todayOf(db)), lessons };
  });
}

function checkPeriod(year: repo.CalendarYear, p: { startsOn: string; endsOn: string }): void {
  if (p.endsOn < p.startsOn) throw new AppError('date_order');
  for (const date of [p.startsOn, p.endsOn]) {
    if (date < year.startsOn || date > year.endsOn) throw new AppError('outside_year', { date, startsOn: year.startsOn, endsOn: year.endsOn });
  }
}

/** Adds a holiday, day off or remote-learning period; empty lessons in it go (or turn remote). */
export async function addPeriod(db: Database, ctx: TenantContext, input: Omit<TCalendarPeriod, 'id'>): Promise<TCalendarChange> {
  return withSchool(db, ctx, async (c) => {
    const year = await requireOpenYear(c, ctx.schoolId);
    checkPeriod(year, input);
    await repo.insertPeriod(c, ctx.schoolId, year.id, input);
    const lessons = await regenerateSchoolDates(c, ctx.schoolId, year.id, input.startsOn, input.endsOn);
    return { calendar: await calendarOf(c, ctx.schoolId, year, todayOf(db)), lessons };
  });
}

async function lockPeriodOfOpenYear(c: Client, schoolId: number, periodId: number) {
  const period = await repo.lockPeriod(c, schoolId, periodId);
  if (!period) throw new AppError('not_found');
  const year = (await repo.lockYear(c, schoolId, period.yearId))!;
  if (year.status === 'closed') throw new AppError('year_closed');
  return { period, year };
}

/** Changes a period; lessons of both the old and the new dates follow. */
export async function changePeriod(db: Database, ctx: TenantContext, periodId: number, patch: Partial<Omit<TCalendarPeriod, 'id'>>): Promise<TCalendarChange> {
  return withSchool(db, ctx, async (c) => {
    const { period, year } = await lockPeriodOfOpenYear(c, ctx.schoolId, periodId);
    const next: TCalendarPeriod = {
      id: period.id,
      kind: patch.kind ?? period.kind,
      startsOn: patch.startsOn ?? period.startsOn,
      endsOn: patch.endsOn ?? period.endsOn,
      name: patch.name ?? period.name,
    };
    checkPeriod(year, next);
    await repo.updatePeriod(c, ctx.schoolId, next);
    const from = earlierDate(period.startsOn, next.startsOn);
    const to = laterDate(period.endsOn, next.endsOn);
    const lessons = await regenerateSchoolDates(c, ctx.schoolId, year.id, from, to);
    return { calendar: await calendarOf(c, ctx.schoolId, year, todayOf(db)), lessons };
  });
}

/** Removes a period: its dates become school days again and get their lessons. */
export async function removePeriod(db: Database, ctx: TenantContext, periodId: number): Promise<TCalendarChange> {
  return withSchool(db, ctx, async (c) => {
    const { period, year } = await lockPeriodOfOpenYear(c, ctx.schoolId, periodId);
    await repo.deletePeriod(c, ctx.schoolId, period.id);
    const lessons = await regenerateSchoolDates(c, ctx.schoolId, year.id, period.startsOn, period.endsOn);
    return { calendar: await calendarOf(c, ctx.schoolId, year, todayOf(db)), lessons };
  });
}

// ---------- the city ----------

async function cityDaysOffOf(c: Client, cityId: number, today: string): Promise<TCityDaysOff> {
  const city = await repo.city(c, cityId);
  if (!city) throw new AppError('not_found');
  return { cityId, cityName: city.name, daysOff: await repo.cityDaysOff(c, cityId), today };
}

/** The days the city declared off for all its schools. */
export async function getCityDaysOff(db: Database, cityId: number): Promise<TCityDaysOff> {
  return withSystem(db, (c) => cityDaysOffOf(c, cityId, todayOf(db)));
}

/**
 * A city day off reaches every school of the city in one transaction: their empty lessons of
 * the day go, lessons with entries stay flagged to their teachers. Cross-school, so it runs as
 * the system role; every query still names its school.
 */
export async function declareCityDayOff(db: Database, cityId: number, input: { day: string; name: string }): Promise<TCityDayOffChange> {
  return withSystem(db, async (c) => {
    await repo.lockCityCalendar(c, cityId);
    await cityDaysOffOf(c, cityId, todayOf(db));
    if (!(await repo.insertCityDayOff(c, cityId, input.day, input.name))) throw new AppError('city_day_off_exists', { day: input.day });
    return reachSchools(c, db, cityId, input.day);
  });
}

/** Withdraws a city day off: the day becomes a school day again where the school calendar allows. */
export async function withdrawCityDayOff(db: Database, cityId: number, day: string): Promise<TCityDayOffChange> {
  return withSystem(db, async (c) => {
    await repo.lockCityCalendar(c, cityId);
    await cityDaysOffOf(c, cityId, todayOf(db));
    if (!(await repo.deleteCityDayOff(c, cityId, day))) throw new AppError('not_found');
    return reachSchools(c, db, cityId, day);
  });
}

async function reachSchools(c: Client, db: Database, cityId: number, day: string): Promise<TCityDayOffChange> {
  const schoolIds = await repo.citySchoolIds(c, cityId);
  let lessons = NO_CHANGES;
  for (const schoolId of schoolIds) lessons = addChanges(lessons, await regenerateSchoolDay(c, schoolId, day));
  return { daysOff: await cityDaysOffOf(c, cityId, todayOf(db)), schools: schoolIds.length, lessons };
}
