import type { Client } from '../../db/tenancy.js';

export interface LateChangeRow {
  id: number;
  at: string;
  userName: string;
  pageId: number;
  pageLabel: string;
  lessonId: number | null;
  lessonDate: string | null;
  pupilId: number | null;
  pupilName: string | null;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  total: number;
}

/** Late corrections (entries changed after the window), newest first. */
export async function lateChanges(c: Client, schoolId: number, status: 'pending' | 'reviewed' | 'all', limit: number): Promise<LateChangeRow[]> {
  const r = await c.query<LateChangeRow>(
    `SELECT h.id, h.at::text AS at, COALESCE(trim(u.last_name || ' ' || u.first_name), '') AS "userName",
            h.page_id AS "pageId", k.grade || '-' || k.letter || ' ' || s.name || COALESCE(' (' || g.name || ')', '') AS "pageLabel",
            h.lesson_id AS "lessonId", l.lesson_date AS "lessonDate", h.pupil_id AS "pupilId",
            CASE WHEN p.id IS NULL THEN NULL ELSE p.last_name || ' ' || p.first_name END AS "pupilName",
            h.field, h.old_value AS "oldValue", h.new_value AS "newValue", h.reason,
            h.reviewed_at::text AS "reviewedAt", CASE WHEN rv.id IS NULL THEN NULL ELSE trim(rv.last_name || ' ' || rv.first_name) END AS "reviewedBy",
            count(*) OVER ()::int AS total
     FROM journal_change h
     JOIN journal_page jp ON jp.school_id = h.school_id AND jp.id = h.page_id
     JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
     JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
     LEFT JOIN lesson l ON l.school_id = h.school_id AND l.id = h.lesson_id
     LEFT JOIN pupil p ON p.school_id = h.school_id AND p.id = h.pupil_id
     LEFT JOIN app_user u ON u.id = h.user_id
     LEFT JOIN app_user rv ON rv.id = h.reviewed_by
     WHERE h.school_id = $1 AND h.late
       AND ($2 = 'all' OR ($2 = 'pending' AND h.reviewed_at IS NULL) OR ($2 = 'reviewed' AND h.reviewed_at IS NOT NULL))
     ORDER BY h.at DESC, h.id DESC
     LIMIT $3`,
    [schoolId, status, limit],
  );
  return r.rows;
}

/** Marks late corrections reviewed by the head; rows already reviewed stay as they are (a rule keeps them). */
export async function markReviewed(c: Client, schoolId: number, userId: number, ids: number[]): Promise<number> {
  const r = await c.query(
    `UPDATE journal_change SET reviewed_at = now(), reviewed_by = $2
     WHERE school_id = $1 AND id = ANY($3::bigint[]) AND late AND reviewed_at IS NULL`,
    [schoolId, userId, ids],
  );
  return r.rowCount ?? 0;
}
