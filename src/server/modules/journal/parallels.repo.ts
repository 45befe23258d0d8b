import type { Client } from '../../db/tenancy.js';

export interface ParallelRow {
  lessonId: number;
  pageId: number;
  classLabel: string;
  groupName: string | null;
  date: string;
  period: number;
  homework: string;
  version: number;
}

/**
 * Lessons held the same day as the given one, of the same subject and year, in the other classes
 * of the same grade, on pages the user teaches; cancelled lessons are left out.
 */
export async function parallelLessons(c: Client, schoolId: number, lessonId: number, userId: number): Promise<ParallelRow[]> {
  const r = await c.query<ParallelRow>(
    `WITH src AS (
       SELECT l.lesson_date, jp.subject_id, jp.year_id, jp.class_id, k.grade
       FROM lesson l JOIN journal_page jp ON jp.school_id = l.school_id AND jp.id = l.page_id
       JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
       WHERE l.school_id = $1 AND l.id = $2
     )
     SELECT l.id AS "lessonId", jp.id AS "pageId", k.grade || '-' || k.letter AS "classLabel", g.name AS "groupName",
            l.lesson_date AS date, l.period, l.homework, l.version
     FROM src
     JOIN journal_page jp ON jp.school_id = $1 AND jp.subject_id = src.subject_id AND jp.year_id = src.year_id
                         AND jp.class_id <> src.class_id AND jp.teacher_id = $3
     JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id AND k.grade = src.grade
     JOIN lesson l ON l.school_id = jp.school_id AND l.page_id = jp.id AND l.lesson_date = src.lesson_date AND NOT l.cancelled
     LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
     ORDER BY l.period, l.id`,
    [schoolId, lessonId, userId],
  );
  return r.rows;
}

/** Who teaches the pages of these lessons (to refuse a lesson of somebody else's page). */
export async function lessonTeachers(c: Client, schoolId: number, lessonIds: number[]): Promise<Map<number, number | null>> {
  const r = await c.query<{ id: number; teacherId: number | null }>(
    `SELECT l.id, jp.teacher_id AS "teacherId" FROM lesson l JOIN journal_page jp ON jp.school_id = l.school_id AND jp.id = l.page_id
     WHERE l.school_id = $1 AND l.id = ANY($2::int[])`,
    [schoolId, lessonIds],
  );
  return new Map(r.rows.map((x) => [x.id, x.teacherId]));
}
