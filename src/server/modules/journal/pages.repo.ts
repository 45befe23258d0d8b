import type { Client } from '../../db/tenancy.js';

/** Pages of the school's open year; only a teacher's own, or one class's, when asked. */
export async function listPages(c: Client, schoolId: number, filter: { teacherId?: number; classIds?: number[] }) {
  const r = await c.query(
    `SELECT jp.id, jp.class_id AS "classId", k.grade || '-' || k.letter AS "classLabel", k.grade,
            s.name AS "subjectName", g.name AS "groupName", jp.teacher_id AS "teacherId",
            CASE WHEN u.id IS NULL THEN NULL ELSE trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name) END AS "teacherName",
            jp.hours_per_week AS "hoursPerWeek", jp.scale_code AS "scaleCode"
     FROM journal_page jp
     JOIN school_year y ON y.school_id = jp.school_id AND y.id = jp.year_id AND y.status = 'open'
     JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
     JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
     LEFT JOIN app_user u ON u.id = jp.teacher_id
     WHERE jp.school_id = $1
       AND ($2::int IS NULL OR jp.teacher_id = $2)
       AND ($3::int[] IS NULL OR jp.class_id = ANY($3))
     ORDER BY k.grade, k.letter, s.name, g.name NULLS FIRST`,
    [schoolId, filter.teacherId ?? null, filter.classIds ?? null],
  );
  return r.rows;
}
