import type { Client } from '../../db/tenancy.js';

const CLASS_SUMMARY = `
  SELECT c.id, c.grade || '-' || c.letter AS label, c.grade, c.letter,
         CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name)) END AS "classTeacher",
         (SELECT count(*) FROM enrollment e WHERE e.school_id = c.school_id AND e.class_id = c.id
            AND e.from_date <= app_today() AND (e.to_date IS NULL OR e.to_date >= app_today()))::int AS pupils
  FROM school_class c
  JOIN school_year y ON y.school_id = c.school_id AND y.id = c.year_id
  LEFT JOIN app_user u ON u.id = c.class_teacher_id`;

/** Classes of the school's current open year, 1-А to 11-Г. */
export async function listClasses(c: Client, schoolId: number) {
  const r = await c.query(`${CLASS_SUMMARY} WHERE c.school_id = $1 AND y.status = 'open' ORDER BY c.grade, c.letter`, [schoolId]);
  return r.rows;
}

export async function findClass(c: Client, schoolId: number, classId: number) {
  const r = await c.query(`${CLASS_SUMMARY} WHERE c.school_id = $1 AND c.id = $2`, [schoolId, classId]);
  return r.rows[0];
}

/** Everyone ever enrolled in the class this year, with their dates (arrivals and departures). */
export async function classPupils(c: Client, schoolId: number, classId: number) {
  const r = await c.query(
    `SELECT p.id, p.last_name AS "lastName", p.first_name AS "firstName", p.middle_name AS "middleName",
            p.birth_date AS "birthDate", e.from_date AS "fromDate", e.to_date AS "toDate"
     FROM enrollment e JOIN pupil p ON p.school_id = e.school_id AND p.id = e.pupil_id
     WHERE e.school_id = $1 AND e.class_id = $2`,
    [schoolId, classId],
  );
  return r.rows;
}

export async function teachesClass(c: Client, schoolId: number, teacherId: number, classId: number): Promise<boolean> {
  const r = await c.query('SELECT 1 FROM journal_page WHERE school_id = $1 AND teacher_id = $2 AND class_id = $3 LIMIT 1', [schoolId, teacherId, classId]);
  return r.rowCount! > 0;
}

export async function pupilCard(c: Client, schoolId: number, pupilId: number) {
  const r = await c.query(
    `SELECT p.id, p.last_name AS "lastName", p.first_name AS "firstName", p.middle_name AS "middleName", p.birth_date AS "birthDate",
            (SELECT k.grade || '-' || k.letter FROM enrollment e JOIN school_class k ON k.school_id = e.school_id AND k.id = e.class_id
             WHERE e.school_id = p.school_id AND e.pupil_id = p.id AND e.from_date <= app_today()
             ORDER BY (e.to_date IS NULL OR e.to_date >= app_today()) DESC, e.from_date DESC LIMIT 1) AS "classLabel",
            COALESCE((SELECT json_agg(json_build_object('id', g.id, 'name', trim(g.last_name || ' ' || g.first_name || ' ' || g.middle_name),
                                                        'phone', g.phone, 'relation', pg2.relation) ORDER BY g.id)
                      FROM pupil_guardian pg2 JOIN guardian g ON g.school_id = pg2.school_id AND g.id = pg2.guardian_id
                      WHERE pg2.school_id = p.school_id AND pg2.pupil_id = p.id), '[]') AS guardians
     FROM pupil p WHERE p.school_id = $1 AND p.id = $2`,
    [schoolId, pupilId],
  );
  return r.rows[0];
}

export async function overview(c: Client, schoolId: number) {
  const r = await c.query(
    `SELECT
       (SELECT count(*) FROM school_class k JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id AND y.status = 'open' WHERE k.school_id = $1)::int AS classes,
       (SELECT count(DISTINCT pupil_id) FROM enrollment WHERE school_id = $1 AND from_date <= app_today() AND (to_date IS NULL OR to_date >= app_today()))::int AS pupils,
       (SELECT count(*) FROM staff WHERE school_id = $1 AND active)::int AS staff,
       (SELECT count(*) FROM journal_page jp JOIN school_year y ON y.school_id = jp.school_id AND y.id = jp.year_id AND y.status = 'open' WHERE jp.school_id = $1)::int AS pages,
       (SELECT count(*) FROM lesson WHERE school_id = $1 AND lesson_date = app_today() AND NOT cancelled)::int AS "lessonsToday"`,
    [schoolId],
  );
  return r.rows[0];
}
