import type { Client } from '../../db/tenancy.js';

export interface LessonRow {
  id: number;
  pageId: number;
  date: string;
  period: number;
  topic: string;
  homework: string;
  remote: boolean;
  kind: 'scheduled' | 'extra';
  cancelled: boolean;
  version: number;
  substituteId: number | null;
  attendanceTaken: boolean;
}

const LESSON_COLUMNS = `id, page_id AS "pageId", lesson_date AS date, period, topic, homework, remote, kind, cancelled, version,
  substitute_id AS "substituteId", attendance_taken AS "attendanceTaken"`;

export async function lockLesson(c: Client, schoolId: number, lessonId: number): Promise<LessonRow | undefined> {
  const r = await c.query<LessonRow>(`SELECT ${LESSON_COLUMNS} FROM lesson WHERE school_id = $1 AND id = $2 FOR UPDATE`, [schoolId, lessonId]);
  return r.rows[0];
}

export async function updateLesson(c: Client, schoolId: number, userId: number, l: LessonRow): Promise<LessonRow> {
  const r = await c.query<LessonRow>(
    // a topic the teacher changes is theirs: a re-mapping of the plan no longer replaces it
    `UPDATE lesson SET topic_from_plan = topic_from_plan AND topic = $3, topic = $3, homework = $4, remote = $5, attendance_taken = $6, lesson_date = $7, period = $8, cancelled = $9,
            version = version + 1, updated_at = now(), updated_by = $10, first_entry_at = COALESCE(first_entry_at, now())
     WHERE school_id = $1 AND id = $2 RETURNING ${LESSON_COLUMNS}`,
    [schoolId, l.id, l.topic, l.homework, l.remote, l.attendanceTaken, l.date, l.period, l.cancelled, userId],
  );
  return r.rows[0];
}

export async function insertLesson(
  c: Client,
  schoolId: number,
  userId: number,
  l: { pageId: number; date: string; period: number; topic: string; homework: string; remote: boolean },
): Promise<LessonRow> {
  const r = await c.query<LessonRow>(
    `INSERT INTO lesson (school_id, page_id, lesson_date, period, topic, homework, remote, kind, updated_by, first_entry_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'extra', $8, CASE WHEN $5 <> '' OR $6 <> '' THEN now() END) RETURNING ${LESSON_COLUMNS}`,
    [schoolId, l.pageId, l.date, l.period, l.topic, l.homework, l.remote, userId],
  );
  return r.rows[0];
}

export async function setSubstitute(c: Client, schoolId: number, lessonId: number, teacherId: number | null): Promise<LessonRow | undefined> {
  const r = await c.query<LessonRow>(
    `UPDATE lesson SET substitute_id = $3, version = version + 1, updated_at = now() WHERE school_id = $1 AND id = $2 RETURNING ${LESSON_COLUMNS}`,
    [schoolId, lessonId, teacherId],
  );
  return r.rows[0];
}

export async function isActiveTeacher(c: Client, schoolId: number, userId: number): Promise<boolean> {
  const r = await c.query(
    `SELECT 1 FROM staff st JOIN staff_role sr ON sr.school_id = st.school_id AND sr.user_id = st.user_id AND sr.role = 'teacher'
     WHERE st.school_id = $1 AND st.user_id = $2 AND st.active`,
    [schoolId, userId],
  );
  return r.rowCount! > 0;
}

/** A page's history; pencil rows only with `includeTentative` (the page's teacher). */
export async function history(c: Client, schoolId: number, pageId: number, f: { lessonId?: number; columnId?: number; pupilId?: number }, includeTentative: boolean) {
  const r = await c.query(
    `SELECT h.id, h.at::text AS at, trim(u.last_name || ' ' || u.first_name) AS "user", h.field, h.lesson_id AS "lessonId",
            h.column_id AS "columnId", h.pupil_id AS "pupilId", h.old_value AS "oldValue", h.new_value AS "newValue", h.reason, h.late, h.tentative
     FROM journal_change h LEFT JOIN app_user u ON u.id = h.user_id
     WHERE h.school_id = $1 AND h.page_id = $2 AND ($6 OR NOT h.tentative)
       AND ($3::int IS NULL OR h.lesson_id = $3) AND ($4::int IS NULL OR h.column_id = $4) AND ($5::int IS NULL OR h.pupil_id = $5)
     ORDER BY h.id DESC LIMIT 500`,
    [schoolId, pageId, f.lessonId ?? null, f.columnId ?? null, f.pupilId ?? null, includeTentative],
  );
  return r.rows;
}
