import type { Client } from '../../db/tenancy.js';

export interface YearSemesters {
  yearId: number;
  yearName: string;
  semesters: { number: number; startsOn: string; endsOn: string }[];
}

/** The asked year, else the year that includes today, else the current one (latest open, else latest); with its semesters. */
export async function yearOf(c: Client, schoolId: number, yearId: number | null): Promise<YearSemesters | undefined> {
  const r = await c.query<YearSemesters>(
    `SELECT y.id AS "yearId", y.name AS "yearName",
       COALESCE((SELECT json_agg(json_build_object('number', m.number, 'startsOn', m.starts_on, 'endsOn', m.ends_on) ORDER BY m.number)
                 FROM semester m WHERE m.school_id = y.school_id AND m.year_id = y.id), '[]') AS semesters
     FROM school_year y
     WHERE y.school_id = $1 AND ($2::int IS NULL OR y.id = $2)
     ORDER BY (app_today() BETWEEN y.starts_on AND y.ends_on) DESC, (y.status = 'open') DESC, y.starts_on DESC LIMIT 1`,
    [schoolId, yearId],
  );
  return r.rows[0];
}

/** The calendar of a year: holidays and days off of the school, and its city's days off within the dates. */
export async function calendarOf(c: Client, schoolId: number, yearId: number, from: string, to: string) {
  const periods = await c.query<{ kind: 'holiday' | 'day_off' | 'remote'; startsOn: string; endsOn: string }>(
    `SELECT kind, starts_on AS "startsOn", ends_on AS "endsOn" FROM calendar_period WHERE school_id = $1 AND year_id = $2`,
    [schoolId, yearId],
  );
  const off = await c.query<{ day: string }>(
    `SELECT d.day FROM city_day_off d JOIN school s ON s.city_id = d.city_id WHERE s.id = $1 AND d.day BETWEEN $2 AND $3`,
    [schoolId, from, to],
  );
  return { periods: periods.rows, cityDaysOff: off.rows.map((x) => x.day) };
}

export interface PageFilter {
  classId?: number;
  subjectId?: number;
  teacherId?: number;
}

export interface PageCounts {
  pageId: number;
  classId: number;
  grade: number;
  letter: string;
  groupName: string | null;
  subjectId: number;
  subjectName: string;
  teacherId: number | null;
  teacherName: string | null;
  hoursPerWeek: number;
  calendarHours: number;
  heldHours: number;
  heldDue: number;
  scheduledDue: number;
  hasPlan: boolean;
  planHours: number;
  testPlanned: number;
  testHeld: number;
  labPlanned: number;
  labHeld: number;
  practicalPlanned: number;
  practicalHeld: number;
}

const WORK = (kind: string, name: string) => `
  count(*) FILTER (WHERE pi.kind = '${kind}')::int AS "${name}Planned",
  count(*) FILTER (WHERE pi.kind = '${kind}' AND EXISTS (
    SELECT 1 FROM lesson l WHERE l.school_id = pi.school_id AND l.plan_item_id = pi.id AND NOT l.cancelled AND l.lesson_date <= app_today()))::int AS "${name}Held"`;

/**
 * Every page of the year with its lessons of the semester (in the journal; held: dated no later than
 * today; held by the 'due' day too) and its plan for the semester: hours, and test/lab/practical works planned and held (a work
 * is held when a non-cancelled lesson dated no later than today delivers its plan item).
 */
export async function pageCounts(
  c: Client,
  schoolId: number,
  q: { yearId: number; semester: number; from: string; to: string; dueTo: string } & PageFilter,
): Promise<PageCounts[]> {
  const r = await c.query<PageCounts>(
    `SELECT jp.id AS "pageId", jp.class_id AS "classId", k.grade, k.letter, g.name AS "groupName",
       jp.subject_id AS "subjectId", s.name AS "subjectName", jp.teacher_id AS "teacherId",
       CASE WHEN u.id IS NULL THEN NULL ELSE trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name) END AS "teacherName",
       jp.hours_per_week::float8 AS "hoursPerWeek",
       COALESCE(l.calendar, 0)::int AS "calendarHours", COALESCE(l.held, 0)::int AS "heldHours", COALESCE(l.held_due, 0)::int AS "heldDue", COALESCE(sd.scheduled, 0)::int AS "scheduledDue",
       p.id IS NOT NULL AS "hasPlan", COALESCE(w."planHours", 0)::int AS "planHours",
       COALESCE(w."testPlanned", 0) AS "testPlanned", COALESCE(w."testHeld", 0) AS "testHeld",
       COALESCE(w."labPlanned", 0) AS "labPlanned", COALESCE(w."labHeld", 0) AS "labHeld",
       COALESCE(w."practicalPlanned", 0) AS "practicalPlanned", COALESCE(w."practicalHeld", 0) AS "practicalHeld"
     FROM journal_page jp
     JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
     JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
     LEFT JOIN app_user u ON u.id = jp.teacher_id
     LEFT JOIN (
       SELECT l.page_id, count(*) AS calendar, count(*) FILTER (WHERE l.lesson_date <= app_today()) AS held,
         count(*) FILTER (WHERE l.lesson_date <= app_today() AND l.lesson_date <= $9) AS held_due
       FROM lesson l
       WHERE l.school_id = $1 AND NOT l.cancelled AND l.lesson_date BETWEEN $4 AND $5
       GROUP BY l.page_id
     ) l ON l.page_id = jp.id
     LEFT JOIN (
       SELECT l.page_id, count(*) AS scheduled FROM lesson l
       WHERE l.school_id = $1 AND l.kind = 'scheduled' AND l.lesson_date BETWEEN $4 AND LEAST($9::date, app_today())
       GROUP BY l.page_id
     ) sd ON sd.page_id = jp.id
     LEFT JOIN lesson_plan p ON p.school_id = jp.school_id AND p.page_id = jp.id AND p.semester = $3
     LEFT JOIN LATERAL (
       SELECT COALESCE(sum(pi.hours), 0)::int AS "planHours", ${WORK('test', 'test')}, ${WORK('lab', 'lab')}, ${WORK('practical', 'practical')}
       FROM plan_item pi WHERE pi.school_id = p.school_id AND pi.plan_id = p.id
     ) w ON p.id IS NOT NULL
     WHERE jp.school_id = $1 AND jp.year_id = $2
       AND ($6::int IS NULL OR jp.class_id = $6)
       AND ($7::int IS NULL OR jp.subject_id = $7)
       AND ($8::int IS NULL OR jp.teacher_id = $8)`,
    [schoolId, q.yearId, q.semester, q.from, q.to, q.classId ?? null, q.subjectId ?? null, q.teacherId ?? null, q.dueTo],
  );
  return r.rows;
}

/** The schools of a city (id and name only). */
export async function citySchools(c: Client, cityId: number): Promise<{ id: number; name: string }[] | undefined> {
  const city = await c.query('SELECT 1 FROM city WHERE id = $1', [cityId]);
  if (!city.rowCount) return undefined;
  const r = await c.query<{ id: number; name: string }>('SELECT id, short_name AS name FROM school WHERE city_id = $1 ORDER BY id', [cityId]);
  return r.rows;
}

export async function schoolName(c: Client, schoolId: number): Promise<string | undefined> {
  const r = await c.query<{ name: string }>('SELECT short_name AS name FROM school WHERE id = $1', [schoolId]);
  return r.rows[0]?.name;
}
