import type { Client } from '../../db/tenancy.js';

export async function classInfo(c: Client, schoolId: number, classId: number) {
  const r = await c.query(
    `SELECT k.id, k.grade || '-' || k.letter AS label, y.name AS "yearName", y.starts_on AS "startsOn", y.ends_on AS "endsOn", y.status
     FROM school_class k JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id WHERE k.school_id = $1 AND k.id = $2`,
    [schoolId, classId],
  );
  return r.rows[0] as { id: number; label: string; yearName: string; startsOn: string; endsOn: string; status: string } | undefined;
}

export async function classPupilsNamed(c: Client, schoolId: number, classId: number) {
  const r = await c.query(
    `SELECT DISTINCT p.id, p.last_name AS "lastName", p.first_name AS "firstName"
     FROM enrollment e JOIN pupil p ON p.school_id = e.school_id AND p.id = e.pupil_id WHERE e.school_id = $1 AND e.class_id = $2`,
    [schoolId, classId],
  );
  return r.rows as { id: number; lastName: string; firstName: string }[];
}

/** Absent pupil-days of the class's pages in a period, with lessons missed and the recorded reason. */
export async function absentDays(c: Client, schoolId: number, classId: number, from: string, to: string) {
  const r = await c.query(
    `SELECT jc.pupil_id AS "pupilId", l.lesson_date AS day, count(*)::int AS lessons, ar.reason, COALESCE(ar.note, '') AS note
     FROM journal_page jp
     JOIN lesson l ON l.school_id = jp.school_id AND l.page_id = jp.id AND l.lesson_date BETWEEN $3 AND $4
     JOIN journal_cell jc ON jc.school_id = l.school_id AND jc.lesson_id = l.id AND jc.absent
     LEFT JOIN absence_reason ar ON ar.school_id = jc.school_id AND ar.pupil_id = jc.pupil_id AND ar.day = l.lesson_date
     WHERE jp.school_id = $1 AND jp.class_id = $2
     GROUP BY jc.pupil_id, l.lesson_date, ar.reason, ar.note
     ORDER BY l.lesson_date, jc.pupil_id`,
    [schoolId, classId, from, to],
  );
  return r.rows as { pupilId: number; day: string; lessons: number; reason: 'illness' | 'family' | 'other' | null; note: string }[];
}

export async function isPupilOfClass(c: Client, schoolId: number, classId: number, pupilId: number): Promise<boolean> {
  const r = await c.query('SELECT 1 FROM enrollment WHERE school_id = $1 AND class_id = $2 AND pupil_id = $3', [schoolId, classId, pupilId]);
  return r.rowCount! > 0;
}

export async function setAbsenceReason(
  c: Client,
  schoolId: number,
  userId: number,
  x: { pupilId: number; day: string; reason: string | null; note: string },
): Promise<void> {
  if (x.reason === null) {
    await c.query('DELETE FROM absence_reason WHERE school_id = $1 AND pupil_id = $2 AND day = $3', [schoolId, x.pupilId, x.day]);
    return;
  }
  await c.query(
    `INSERT INTO absence_reason (school_id, pupil_id, day, reason, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (school_id, pupil_id, day) DO UPDATE SET reason = excluded.reason, note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = now()`,
    [schoolId, x.pupilId, x.day, x.reason, x.note, userId],
  );
}

/** Semester, corrected, annual and DPA marks of every page of the class. */
export async function summarySheet(c: Client, schoolId: number, classId: number) {
  const subjects = await c.query(
    `SELECT jp.id AS "pageId", s.name AS "subjectName", g.name AS "groupName"
     FROM journal_page jp JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
     WHERE jp.school_id = $1 AND jp.class_id = $2 ORDER BY s.name, g.name NULLS FIRST`,
    [schoolId, classId],
  );
  const marks = await c.query(
    `SELECT json_build_array(sc.page_id, sm.pupil_id, sc.kind, sc.semester, sm.mark) AS m
     FROM summary_column sc JOIN journal_page jp ON jp.school_id = sc.school_id AND jp.id = sc.page_id AND jp.class_id = $2
     JOIN summary_mark sm ON sm.school_id = sc.school_id AND sm.column_id = sc.id AND sm.mark <> ''
     WHERE sc.school_id = $1 AND sc.kind IN ('semester', 'corrected', 'annual', 'dpa')`,
    [schoolId, classId],
  );
  return { subjects: subjects.rows, marks: marks.rows.map((r) => r.m) };
}
