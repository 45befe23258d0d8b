import type { TCalendarPeriod, TCityDayOff } from '../../../shared/api/calendar.js';
import type { Client } from '../../db/tenancy.js';

export interface CalendarYear {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
}

/** The school's current year: the latest open one, else the latest. */
export async function currentYear(c: Client, schoolId: number): Promise<CalendarYear | undefined> {
  const r = await c.query<CalendarYear>(
    `SELECT id, name, starts_on AS "startsOn", ends_on AS "endsOn", status FROM school_year
     WHERE school_id = $1 ORDER BY (status = 'open') DESC, starts_on DESC LIMIT 1`,
    [schoolId],
  );
  return r.rows[0];
}

export async function lockYear(c: Client, schoolId: number, yearId: number): Promise<CalendarYear | undefined> {
  const r = await c.query<CalendarYear>(
    `SELECT id, name, starts_on AS "startsOn", ends_on AS "endsOn", status FROM school_year WHERE school_id = $1 AND id = $2 FOR UPDATE`,
    [schoolId, yearId],
  );
  return r.rows[0];
}

export async function semesters(c: Client, schoolId: number, yearId: number) {
  const r = await c.query<{ number: number; startsOn: string; endsOn: string }>(
    'SELECT number, starts_on AS "startsOn", ends_on AS "endsOn" FROM semester WHERE school_id = $1 AND year_id = $2 ORDER BY number',
    [schoolId, yearId],
  );
  return r.rows;
}

const PERIOD_COLUMNS = 'id, kind, starts_on AS "startsOn", ends_on AS "endsOn", name';

export async function periods(c: Client, schoolId: number, yearId: number): Promise<TCalendarPeriod[]> {
  const r = await c.query<TCalendarPeriod>(
    `SELECT ${PERIOD_COLUMNS} FROM calendar_period WHERE school_id = $1 AND year_id = $2 ORDER BY starts_on, id`,
    [schoolId, yearId],
  );
  return r.rows;
}

/** Days the school's city declared off within the dates. */
export async function schoolCityDaysOff(c: Client, schoolId: number, from: string, to: string): Promise<TCityDayOff[]> {
  const r = await c.query<TCityDayOff>(
    `SELECT d.day::text AS day, d.name FROM city_day_off d JOIN school s ON s.city_id = d.city_id
     WHERE s.id = $1 AND d.day BETWEEN $2 AND $3 ORDER BY d.day`,
    [schoolId, from, to],
  );
  return r.rows;
}

export async function updateYearDates(c: Client, schoolId: number, yearId: number, startsOn: string, endsOn: string): Promise<void> {
  await c.query('UPDATE school_year SET starts_on = $3, ends_on = $4 WHERE school_id = $1 AND id = $2', [schoolId, yearId, startsOn, endsOn]);
}

export async function replaceSemesters(c: Client, schoolId: number, yearId: number, rows: { number: number; startsOn: string; endsOn: string }[]): Promise<void> {
  await c.query('DELETE FROM semester WHERE school_id = $1 AND year_id = $2', [schoolId, yearId]);
  await c.query(
    `INSERT INTO semester (school_id, year_id, number, starts_on, ends_on)
     SELECT $1, $2, * FROM unnest($3::smallint[], $4::date[], $5::date[])`,
    [schoolId, yearId, rows.map((x) => x.number), rows.map((x) => x.startsOn), rows.map((x) => x.endsOn)],
  );
}

export interface PeriodRow extends TCalendarPeriod {
  yearId: number;
}

export async function lockPeriod(c: Client, schoolId: number, periodId: number): Promise<PeriodRow | undefined> {
  const r = await c.query<PeriodRow>(
    `SELECT ${PERIOD_COLUMNS}, year_id AS "yearId" FROM calendar_period WHERE school_id = $1 AND id = $2 FOR UPDATE`,
    [schoolId, periodId],
  );
  return r.rows[0];
}

export async function insertPeriod(c: Client, schoolId: number, yearId: number, p: Omit<TCalendarPeriod, 'id'>): Promise<TCalendarPeriod> {
  const r = await c.query<TCalendarPeriod>(
    `INSERT INTO calendar_period (school_id, year_id, kind, starts_on, ends_on, name) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${PERIOD_COLUMNS}`,
    [schoolId, yearId, p.kind, p.startsOn, p.endsOn, p.name],
  );
  return r.rows[0];
}

export async function updatePeriod(c: Client, schoolId: number, p: TCalendarPeriod): Promise<void> {
  await c.query('UPDATE calendar_period SET kind = $3, starts_on = $4, ends_on = $5, name = $6 WHERE school_id = $1 AND id = $2', [
    schoolId,
    p.id,
    p.kind,
    p.startsOn,
    p.endsOn,
    p.name,
  ]);
}

export async function deletePeriod(c: Client, schoolId: number, periodId: number): Promise<void> {
  await c.query('DELETE FROM calendar_period WHERE school_id = $1 AND id = $2', [schoolId, periodId]);
}

// ---------- the city's days off (not school-owned: written by the system role) ----------

export async function city(c: Client, cityId: number): Promise<{ id: number; name: string } | undefined> {
  const r = await c.query<{ id: number; name: string }>('SELECT id, name FROM city WHERE id = $1', [cityId]);
  return r.rows[0];
}

export async function cityDaysOff(c: Client, cityId: number): Promise<TCityDayOff[]> {
  const r = await c.query<TCityDayOff>('SELECT day::text AS day, name FROM city_day_off WHERE city_id = $1 ORDER BY day', [cityId]);
  return r.rows;
}

/** Inserts the day off; false when the city already has it. */
export async function insertCityDayOff(c: Client, cityId: number, day: string, name: string): Promise<boolean> {
  const r = await c.query('INSERT INTO city_day_off (city_id, day, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [cityId, day, name]);
  return r.rowCount === 1;
}

export async function deleteCityDayOff(c: Client, cityId: number, day: string): Promise<boolean> {
  const r = await c.query('DELETE FROM city_day_off WHERE city_id = $1 AND day = $2', [cityId, day]);
  return r.rowCount === 1;
}

export async function citySchoolIds(c: Client, cityId: number): Promise<number[]> {
  const r = await c.query<{ id: number }>('SELECT id FROM school WHERE city_id = $1 ORDER BY id', [cityId]);
  return r.rows.map((x) => x.id);
}

/** One writer of a city's days off at a time (the change reaches every school). */
export async function lockCityCalendar(c: Client, cityId: number): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock(4152022, $1)', [cityId]);
}
