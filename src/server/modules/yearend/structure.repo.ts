import type { Client } from '../../db/tenancy.js';

/** A journal page of a year with what the next year's copy needs. */
export interface SourcePage {
  pageId: number;
  classId: number;
  groupId: number | null;
  groupName: string | null;
  subjectId: number;
  subjectName: string;
  teacherId: number | null;
  teacherName: string | null;
  /** the teacher still works at the school */
  teacherActive: boolean;
  hoursPerWeek: number;
  scaleCode: string;
  /** timetable entries in force on the year's last school day */
  slots: number;
}

/** Every page of the year's classes with its teacher and timetable in force on the day. */
export async function yearPages(c: Client, schoolId: number, yearId: number, day: string): Promise<SourcePage[]> {
  const r = await c.query(
    `SELECT jp.id AS "pageId", jp.class_id AS "classId", jp.group_id AS "groupId", g.name AS "groupName",
            jp.subject_id AS "subjectId", s.name AS "subjectName", jp.teacher_id AS "teacherId",
            CASE WHEN u.id IS NULL THEN NULL ELSE u.last_name || ' ' || u.first_name END AS "teacherName",
            COALESCE(st.active, false) AS "teacherActive", jp.hours_per_week::float AS "hoursPerWeek", jp.scale_code AS "scaleCode",
            (SELECT count(*)::int FROM timetable_entry te WHERE te.school_id = jp.school_id AND te.page_id = jp.id
               AND te.valid_from <= $3 AND (te.valid_to IS NULL OR te.valid_to >= $3)) AS slots
     FROM journal_page jp
     JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
     LEFT JOIN staff st ON st.school_id = jp.school_id AND st.user_id = jp.teacher_id
     LEFT JOIN app_user u ON u.id = jp.teacher_id
     WHERE jp.school_id = $1 AND jp.year_id = $2`,
    [schoolId, yearId, day],
  );
  return r.rows;
}

/** The groups of the year's classes with their members. */
export async function yearGroups(c: Client, schoolId: number, yearId: number) {
  const r = await c.query(
    `SELECT g.id, g.class_id AS "classId", g.name,
            COALESCE((SELECT array_agg(m.pupil_id ORDER BY m.pupil_id) FROM group_member m WHERE m.school_id = g.school_id AND m.group_id = g.id), '{}') AS members
     FROM class_group g JOIN school_class k ON k.school_id = g.school_id AND k.id = g.class_id
     WHERE g.school_id = $1 AND k.year_id = $2`,
    [schoolId, yearId],
  );
  return r.rows as { id: number; classId: number; name: string; members: number[] }[];
}

/** The year's curriculum: hours per week of a subject in a grade. */
export async function curriculum(c: Client, schoolId: number, yearId: number) {
  const r = await c.query(
    'SELECT grade::int AS grade, subject_id AS "subjectId", hours_per_week::float AS hours FROM curriculum WHERE school_id = $1 AND year_id = $2',
    [schoolId, yearId],
  );
  return r.rows as { grade: number; subjectId: number; hours: number }[];
}

/** Classes of a year that already have journal pages (their structure is not copied over). */
export async function classesWithPages(c: Client, schoolId: number, yearId: number): Promise<Set<number>> {
  const r = await c.query('SELECT DISTINCT class_id AS id FROM journal_page WHERE school_id = $1 AND year_id = $2', [schoolId, yearId]);
  return new Set(r.rows.map((x) => x.id as number));
}

export async function insertCurriculum(c: Client, schoolId: number, yearId: number, rows: { grade: number; subjectId: number; hours: number }[]): Promise<number> {
  if (!rows.length) return 0;
  const r = await c.query(
    `INSERT INTO curriculum (school_id, year_id, grade, subject_id, hours_per_week)
     SELECT $1, $2, g, s, h FROM unnest($3::int[], $4::int[], $5::numeric[]) AS t(g, s, h) ON CONFLICT DO NOTHING`,
    [schoolId, yearId, rows.map((x) => x.grade), rows.map((x) => x.subjectId), rows.map((x) => x.hours)],
  );
  return r.rowCount ?? 0;
}

/** Inserts groups; returns the new group id by `classId|name`. */
export async function insertGroups(c: Client, schoolId: number, rows: { classId: number; name: string }[]): Promise<Map<string, number>> {
  if (!rows.length) return new Map();
  const r = await c.query(
    `INSERT INTO class_group (school_id, class_id, name) SELECT $1, k, n FROM unnest($2::int[], $3::text[]) AS t(k, n)
     RETURNING id, class_id AS "classId", name`,
    [schoolId, rows.map((x) => x.classId), rows.map((x) => x.name)],
  );
  return new Map(r.rows.map((x) => [`${x.classId}|${x.name}`, x.id as number]));
}

export async function insertMembers(c: Client, schoolId: number, rows: { groupId: number; pupilId: number }[]): Promise<number> {
  if (!rows.length) return 0;
  const r = await c.query(
    'INSERT INTO group_member (school_id, group_id, pupil_id) SELECT $1, g, p FROM unnest($2::int[], $3::int[]) AS t(g, p) ON CONFLICT DO NOTHING',
    [schoolId, rows.map((x) => x.groupId), rows.map((x) => x.pupilId)],
  );
  return r.rowCount ?? 0;
}

export interface NewPage {
  classId: number;
  groupId: number | null;
  subjectId: number;
  teacherId: number | null;
  hoursPerWeek: number;
  scaleCode: string;
}

/** Inserts pages of a year; returns the new page id by `classId|subjectId|groupId`. */
export async function insertPages(c: Client, schoolId: number, yearId: number, rows: NewPage[]): Promise<Map<string, number>> {
  if (!rows.length) return new Map();
  const r = await c.query(
    `INSERT INTO journal_page (school_id, year_id, class_id, group_id, subject_id, teacher_id, hours_per_week, scale_code)
     SELECT $1, $2, k, g, s, t, h, sc FROM unnest($3::int[], $4::int[], $5::int[], $6::int[], $7::numeric[], $8::text[]) AS x(k, g, s, t, h, sc)
     RETURNING id, class_id AS "classId", subject_id AS "subjectId", group_id AS "groupId"`,
    [
      schoolId,
      yearId,
      rows.map((x) => x.classId),
      rows.map((x) => x.groupId),
      rows.map((x) => x.subjectId),
      rows.map((x) => x.teacherId),
      rows.map((x) => x.hoursPerWeek),
      rows.map((x) => x.scaleCode),
    ],
  );
  return new Map(r.rows.map((x) => [`${x.classId}|${x.subjectId}|${x.groupId ?? 0}`, x.id as number]));
}

/**
 * Copies the timetable entries in force on `day` from old pages to new ones, valid from the
 * new year's first day with no end. An entry whose teacher already teaches at that slot in the
 * new year (a page made there by hand) is not copied. Returns how many were copied and skipped.
 */
export async function copyTimetable(
  c: Client,
  schoolId: number,
  x: { day: string; validFrom: string; toYearId: number },
  map: { from: number; to: number }[],
): Promise<{ copied: number; skipped: number }> {
  if (!map.length) return { copied: 0, skipped: 0 };
  const r = await c.query(
    `WITH wanted AS (
       SELECT m.new_page, te.weekday, te.period, te.room, te.week_parity, np.teacher_id
       FROM timetable_entry te JOIN unnest($4::int[], $5::int[]) AS m(old_page, new_page) ON te.page_id = m.old_page
       JOIN journal_page np ON np.school_id = te.school_id AND np.id = m.new_page
       WHERE te.school_id = $1 AND te.valid_from <= $2 AND (te.valid_to IS NULL OR te.valid_to >= $2)
     ), free AS (
       SELECT w.* FROM wanted w
       WHERE w.teacher_id IS NULL OR NOT EXISTS (
         SELECT 1 FROM timetable_entry e JOIN journal_page ep ON ep.school_id = e.school_id AND ep.id = e.page_id
         WHERE e.school_id = $1 AND ep.year_id = $6 AND ep.teacher_id = w.teacher_id AND e.weekday = w.weekday AND e.period = w.period
           AND (e.week_parity IS NULL OR w.week_parity IS NULL OR e.week_parity = w.week_parity)
           AND (e.valid_to IS NULL OR e.valid_to >= $3))
     ), ins AS (
       INSERT INTO timetable_entry (school_id, page_id, weekday, period, room, week_parity, valid_from)
       SELECT $1, new_page, weekday, period, room, week_parity, $3::date FROM free RETURNING 1
     )
     SELECT (SELECT count(*)::int FROM ins) AS copied, (SELECT count(*)::int FROM wanted) - (SELECT count(*)::int FROM ins) AS skipped`,
    [schoolId, x.day, x.validFrom, map.map((m) => m.from), map.map((m) => m.to), x.toYearId],
  );
  return r.rows[0];
}
