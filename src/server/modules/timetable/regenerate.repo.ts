import type { Client } from '../../db/tenancy.js';
import type { CalendarRange, DateRange, TimetableSlot } from './schedule.js';

export interface YearCalendar {
  yearId: number;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
  semesters: DateRange[];
  periods: CalendarRange[];
  cityDaysOff: string[];
}

/** A school year with everything that decides its school days. */
export async function yearCalendar(c: Client, schoolId: number, yearId: number): Promise<YearCalendar | undefined> {
  const r = await c.query<YearCalendar>(
    `SELECT y.id AS "yearId", y.starts_on AS "startsOn", y.ends_on AS "endsOn", y.status,
            (SELECT COALESCE(json_agg(json_build_object('startsOn', m.starts_on, 'endsOn', m.ends_on) ORDER BY m.number), '[]')
             FROM semester m WHERE m.school_id = y.school_id AND m.year_id = y.id) AS semesters,
            (SELECT COALESCE(json_agg(json_build_object('kind', p.kind, 'startsOn', p.starts_on, 'endsOn', p.ends_on) ORDER BY p.starts_on), '[]')
             FROM calendar_period p WHERE p.school_id = y.school_id AND p.year_id = y.id) AS periods,
            (SELECT COALESCE(json_agg(d.day::text ORDER BY d.day), '[]')
             FROM city_day_off d JOIN school s ON s.city_id = d.city_id
             WHERE s.id = y.school_id AND d.day BETWEEN y.starts_on AND y.ends_on) AS "cityDaysOff"
     FROM school_year y WHERE y.school_id = $1 AND y.id = $2`,
    [schoolId, yearId],
  );
  return r.rows[0];
}

/** The year a page belongs to. */
export async function pageYear(c: Client, schoolId: number, pageId: number): Promise<number | undefined> {
  const r = await c.query<{ yearId: number }>('SELECT year_id AS "yearId" FROM journal_page WHERE school_id = $1 AND id = $2', [schoolId, pageId]);
  return r.rows[0]?.yearId;
}

/** The school years whose dates include the day. */
export async function yearsOn(c: Client, schoolId: number, day: string): Promise<number[]> {
  const r = await c.query<{ id: number }>('SELECT id FROM school_year WHERE school_id = $1 AND $2::date BETWEEN starts_on AND ends_on', [schoolId, day]);
  return r.rows.map((x) => x.id);
}

export interface PageSlot extends TimetableSlot {
  pageId: number;
}

/** Timetable entries of a year's pages (or of the given pages only). */
export async function pageSlots(c: Client, schoolId: number, yearId: number, pageIds: number[] | null): Promise<PageSlot[]> {
  const r = await c.query<PageSlot>(
    `SELECT te.page_id AS "pageId", te.weekday, te.period, te.valid_from AS "validFrom", te.valid_to AS "validTo", te.week_parity AS "weekParity"
     FROM timetable_entry te JOIN journal_page jp ON jp.school_id = te.school_id AND jp.id = te.page_id
     WHERE te.school_id = $1 AND jp.year_id = $2 AND ($3::int[] IS NULL OR te.page_id = ANY($3))`,
    [schoolId, yearId, pageIds],
  );
  return r.rows;
}

export async function yearPageIds(c: Client, schoolId: number, yearId: number): Promise<number[]> {
  const r = await c.query<{ id: number }>('SELECT id FROM journal_page WHERE school_id = $1 AND year_id = $2', [schoolId, yearId]);
  return r.rows.map((x) => x.id);
}

export interface ExistingLesson {
  id: number;
  pageId: number;
  date: string;
  period: number;
  remote: boolean;
  offSchedule: 'timetable' | 'calendar' | null;
  hasEntries: boolean;
}

/**
 * Anything a person wrote on or about the lesson makes it one "with entries": it is never
 * removed by a timetable or calendar change. A topic the calendar-thematic plan put there (and
 * its history) is not an entry: the plan moves on to the lessons that remain.
 */
const HAS_ENTRIES = `((l.topic <> '' AND NOT l.topic_from_plan) OR l.homework <> '' OR l.attendance_taken OR l.cancelled OR l.first_entry_at IS NOT NULL
  OR l.substitute_id IS NOT NULL
  OR EXISTS (SELECT 1 FROM journal_cell jc WHERE jc.school_id = l.school_id AND jc.lesson_id = l.id)
  OR EXISTS (SELECT 1 FROM journal_change h WHERE h.school_id = l.school_id AND h.lesson_id = l.id AND NOT (h.field = 'topic' AND l.topic_from_plan)))`;

/** Timetable lessons of the pages between two dates, locked until the transaction ends. */
export async function lockScheduledLessons(c: Client, schoolId: number, pageIds: number[], from: string, to: string): Promise<ExistingLesson[]> {
  const r = await c.query<ExistingLesson>(
    `SELECT l.id, l.page_id AS "pageId", l.lesson_date AS date, l.period, l.remote, l.off_schedule AS "offSchedule",
            ${HAS_ENTRIES} AS "hasEntries"
     FROM lesson l
     WHERE l.school_id = $1 AND l.page_id = ANY($2::int[]) AND l.lesson_date BETWEEN $3 AND $4 AND l.kind = 'scheduled'
     ORDER BY l.id
     FOR UPDATE OF l`,
    [schoolId, pageIds, from, to],
  );
  return r.rows;
}

/** Deletes lessons that are still empty (checked again here, under the row locks). */
export async function deleteEmptyLessons(c: Client, schoolId: number, ids: number[]): Promise<number> {
  if (!ids.length) return 0;
  const r = await c.query(`DELETE FROM lesson l WHERE l.school_id = $1 AND l.id = ANY($2::int[]) AND NOT ${HAS_ENTRIES}`, [schoolId, ids]);
  return r.rowCount ?? 0;
}

export async function insertScheduledLessons(c: Client, schoolId: number, rows: { pageId: number; date: string; period: number; remote: boolean }[]): Promise<number> {
  if (!rows.length) return 0;
  const r = await c.query(
    `INSERT INTO lesson (school_id, page_id, lesson_date, period, remote, kind)
     SELECT $1, x.page_id, x.d, x.period, x.remote, 'scheduled'
     FROM unnest($2::int[], $3::date[], $4::int[], $5::bool[]) AS x(page_id, d, period, remote)`,
    [schoolId, rows.map((x) => x.pageId), rows.map((x) => x.date), rows.map((x) => x.period), rows.map((x) => x.remote)],
  );
  return r.rowCount ?? 0;
}

/** Sets or clears the off-schedule flag of lessons with entries. */
export async function setOffSchedule(c: Client, schoolId: number, rows: { id: number; reason: string | null }[]): Promise<void> {
  if (!rows.length) return;
  await c.query(
    `UPDATE lesson l SET off_schedule = x.reason
     FROM unnest($2::int[], $3::text[]) AS x(id, reason)
     WHERE l.school_id = $1 AND l.id = x.id`,
    [schoolId, rows.map((x) => x.id), rows.map((x) => x.reason)],
  );
}

/** An empty lesson follows the calendar's remote-learning days (a new version for open grids). */
export async function setRemote(c: Client, schoolId: number, rows: { id: number; remote: boolean }[]): Promise<void> {
  if (!rows.length) return;
  await c.query(
    `UPDATE lesson l SET remote = x.remote, version = l.version + 1, updated_at = now()
     FROM unnest($2::int[], $3::bool[]) AS x(id, remote)
     WHERE l.school_id = $1 AND l.id = x.id`,
    [schoolId, rows.map((x) => x.id), rows.map((x) => x.remote)],
  );
}

export async function appToday(c: Client): Promise<string> {
  const r = await c.query<{ today: string }>('SELECT app_today()::text AS today');
  return r.rows[0].today;
}

/** Timetable and calendar writers of one school take turns (same key as the timetable editor). */
export async function lockSchoolLessons(c: Client, schoolId: number): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock(4152021, $1)', [schoolId]);
}
