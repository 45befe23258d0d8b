import type { TLoadPage } from '../../../shared/api/curriculum.js';
import type { Client } from '../../db/tenancy.js';

const FULL_NAME = `trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name)`;

/** Pages (teaching load) of a year; timetable hours count the entries in force on the day. */
export async function loadPages(c: Client, schoolId: number, yearId: number, day: string, pageId: number | null = null): Promise<TLoadPage[]> {
  const r = await c.query<TLoadPage>(
    `SELECT jp.id, jp.class_id AS "classId", k.grade || '-' || k.letter AS "classLabel", k.grade::int AS grade,
            jp.group_id AS "groupId", g.name AS "groupName", jp.subject_id AS "subjectId", s.name AS "subjectName",
            jp.teacher_id AS "teacherId", CASE WHEN u.id IS NULL THEN NULL ELSE ${FULL_NAME} END AS "teacherName",
            jp.hours_per_week AS "hoursPerWeek", jp.scale_code AS "scaleCode",
            COALESCE((SELECT sum(CASE WHEN te.week_parity IS NULL THEN 1 ELSE 0.5 END) FROM timetable_entry te
                      WHERE te.school_id = jp.school_id AND te.page_id = jp.id
                        AND te.valid_from <= $3 AND (te.valid_to IS NULL OR te.valid_to >= $3)), 0)::float8 AS "timetableHours"
     FROM journal_page jp
     JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
     JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
     LEFT JOIN app_user u ON u.id = jp.teacher_id
     WHERE jp.school_id = $1 AND jp.year_id = $2 AND ($4::int IS NULL OR jp.id = $4)
     ORDER BY k.grade, k.letter, s.name, g.name NULLS FIRST`,
    [schoolId, yearId, day, pageId],
  );
  return r.rows;
}

/** Active teachers of the school (unsorted). */
export async function activeTeachers(c: Client, schoolId: number) {
  const r = await c.query<{ id: number; name: string; lastName: string; firstName: string }>(
    `SELECT u.id, ${FULL_NAME} AS name, u.last_name AS "lastName", u.first_name AS "firstName"
     FROM staff st JOIN staff_role sr ON sr.school_id = st.school_id AND sr.user_id = st.user_id AND sr.role = 'teacher'
     JOIN app_user u ON u.id = st.user_id
     WHERE st.school_id = $1 AND st.active`,
    [schoolId],
  );
  return r.rows;
}

export async function isActiveTeacher(c: Client, schoolId: number, userId: number): Promise<boolean> {
  const r = await c.query(
    `SELECT 1 FROM staff st JOIN staff_role sr ON sr.school_id = st.school_id AND sr.user_id = st.user_id AND sr.role = 'teacher'
     WHERE st.school_id = $1 AND st.user_id = $2 AND st.active`,
    [schoolId, userId],
  );
  return r.rowCount === 1;
}

export async function classesWithGroups(c: Client, schoolId: number, yearId: number) {
  const r = await c.query<{ id: number; label: string; grade: number; groups: { id: number; name: string }[] }>(
    `SELECT k.id, k.grade || '-' || k.letter AS label, k.grade::int AS grade,
            COALESCE((SELECT json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY g.name, g.id)
                      FROM class_group g WHERE g.school_id = k.school_id AND g.class_id = k.id), '[]') AS groups
     FROM school_class k WHERE k.school_id = $1 AND k.year_id = $2 ORDER BY k.grade, k.letter`,
    [schoolId, yearId],
  );
  return r.rows;
}

export async function scales(c: Client, lang: 'uk' | 'en') {
  const r = await c.query<{ code: string; name: string }>(
    `SELECT code, CASE WHEN $1 = 'en' THEN name_en ELSE name_uk END AS name FROM mark_scale ORDER BY code`,
    [lang],
  );
  return r.rows;
}

export async function scaleExists(c: Client, code: string): Promise<boolean> {
  const r = await c.query('SELECT 1 FROM mark_scale WHERE code = $1', [code]);
  return r.rowCount === 1;
}

const DEFAULT_MAX_TEACHER_HOURS = 27;

export async function maxTeacherHours(c: Client, schoolId: number): Promise<number> {
  const r = await c.query<{ h: number }>('SELECT max_teacher_hours AS h FROM teaching_load_setting WHERE school_id = $1', [schoolId]);
  return r.rows[0]?.h ?? DEFAULT_MAX_TEACHER_HOURS;
}

export async function setMaxTeacherHours(c: Client, schoolId: number, hours: number): Promise<void> {
  await c.query(
    `INSERT INTO teaching_load_setting (school_id, max_teacher_hours) VALUES ($1, $2)
     ON CONFLICT (school_id) DO UPDATE SET max_teacher_hours = excluded.max_teacher_hours`,
    [schoolId, hours],
  );
}

/** Pages of the class for the subject: whole-class ones and group ones. */
export async function subjectPagesOfClass(c: Client, schoolId: number, classId: number, subjectId: number) {
  const r = await c.query<{ id: number; groupId: number | null }>(
    'SELECT id, group_id AS "groupId" FROM journal_page WHERE school_id = $1 AND class_id = $2 AND subject_id = $3',
    [schoolId, classId, subjectId],
  );
  return r.rows;
}

export async function groupClass(c: Client, schoolId: number, groupId: number): Promise<number | undefined> {
  const r = await c.query<{ classId: number }>('SELECT class_id AS "classId" FROM class_group WHERE school_id = $1 AND id = $2', [schoolId, groupId]);
  return r.rows[0]?.classId;
}

export async function subjectName(c: Client, schoolId: number, subjectId: number): Promise<string | undefined> {
  const r = await c.query<{ name: string }>('SELECT name FROM subject WHERE school_id = $1 AND id = $2', [schoolId, subjectId]);
  return r.rows[0]?.name;
}

export async function insertPage(
  c: Client,
  schoolId: number,
  p: { yearId: number; classId: number; groupId: number | null; subjectId: number; teacherId: number | null; hoursPerWeek: number; scaleCode: string },
): Promise<number> {
  const r = await c.query<{ id: number }>(
    `INSERT INTO journal_page (school_id, year_id, class_id, group_id, subject_id, teacher_id, hours_per_week, scale_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [schoolId, p.yearId, p.classId, p.groupId, p.subjectId, p.teacherId, p.hoursPerWeek, p.scaleCode],
  );
  return r.rows[0].id;
}

export interface PageRow {
  id: number;
  yearId: number;
  yearStatus: 'open' | 'closed';
  teacherId: number | null;
  hoursPerWeek: number;
  scaleCode: string;
}

export async function lockPage(c: Client, schoolId: number, pageId: number): Promise<PageRow | undefined> {
  const r = await c.query<PageRow>(
    `SELECT jp.id, jp.year_id AS "yearId", y.status AS "yearStatus", jp.teacher_id AS "teacherId",
            jp.hours_per_week AS "hoursPerWeek", jp.scale_code AS "scaleCode"
     FROM journal_page jp JOIN school_year y ON y.school_id = jp.school_id AND y.id = jp.year_id
     WHERE jp.school_id = $1 AND jp.id = $2 FOR UPDATE OF jp`,
    [schoolId, pageId],
  );
  return r.rows[0];
}

export async function updatePage(c: Client, schoolId: number, p: PageRow): Promise<void> {
  await c.query('UPDATE journal_page SET teacher_id = $3, hours_per_week = $4, scale_code = $5 WHERE school_id = $1 AND id = $2', [
    schoolId,
    p.id,
    p.teacherId,
    p.hoursPerWeek,
    p.scaleCode,
  ]);
}

/** Whether anything was written on the page: a lesson with any entry, a summary mark, history. */
export async function pageHasEntries(c: Client, schoolId: number, pageId: number): Promise<boolean> {
  const r = await c.query<{ used: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM journal_change h WHERE h.school_id = $1 AND h.page_id = $2)
         OR EXISTS (SELECT 1 FROM lesson l WHERE l.school_id = $1 AND l.page_id = $2
                      AND (l.topic <> '' OR l.homework <> '' OR l.attendance_taken OR l.first_entry_at IS NOT NULL OR l.kind = 'extra'
                           OR EXISTS (SELECT 1 FROM journal_cell jc WHERE jc.school_id = l.school_id AND jc.lesson_id = l.id)))
         OR EXISTS (SELECT 1 FROM summary_column sc JOIN summary_mark sm ON sm.school_id = sc.school_id AND sm.column_id = sc.id
                    WHERE sc.school_id = $1 AND sc.page_id = $2) AS used`,
    [schoolId, pageId],
  );
  return r.rows[0].used;
}

/** Deletes an unused page with its timetable entries, empty lessons and summary columns. */
export async function deleteUnusedPage(c: Client, schoolId: number, pageId: number): Promise<void> {
  await c.query('DELETE FROM timetable_entry WHERE school_id = $1 AND page_id = $2', [schoolId, pageId]);
  await c.query('DELETE FROM lesson WHERE school_id = $1 AND page_id = $2', [schoolId, pageId]);
  await c.query('DELETE FROM summary_column WHERE school_id = $1 AND page_id = $2', [schoolId, pageId]);
  await c.query('DELETE FROM journal_page WHERE school_id = $1 AND id = $2', [schoolId, pageId]);
}
