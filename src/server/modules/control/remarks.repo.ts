import type { TRemarkStatus } from '../../../shared/api/control.js';
import type { Client } from '../../db/tenancy.js';

export interface RemarkRow {
  id: number;
  pageId: number;
  pageLabel: string;
  teacherId: number | null;
  teacherName: string;
  authorName: string;
  checkedOn: string;
  text: string;
  deadline: string;
  status: TRemarkStatus;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type RemarkFilter = 'active' | 'open' | 'overdue' | 'fixed' | 'closed' | 'all';

const SELECT = `
  SELECT r.id, r.page_id AS "pageId",
         k.grade || '-' || k.letter || ' ' || s.name || COALESCE(' (' || g.name || ')', '') AS "pageLabel",
         jp.teacher_id AS "teacherId", COALESCE(trim(t.last_name || ' ' || t.first_name || ' ' || t.middle_name), '') AS "teacherName",
         trim(a.last_name || ' ' || a.first_name || ' ' || a.middle_name) AS "authorName",
         r.checked_on AS "checkedOn", r.text, r.deadline, r.status,
         (r.status IN ('open', 'acknowledged') AND r.deadline < app_today()) AS overdue,
         r.created_at::text AS "createdAt", r.updated_at::text AS "updatedAt", r.version
  FROM control_remark r
  JOIN journal_page jp ON jp.school_id = r.school_id AND jp.id = r.page_id
  JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
  JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
  LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
  LEFT JOIN app_user t ON t.id = jp.teacher_id
  JOIN app_user a ON a.id = r.author_id`;

/** Remarks of a school, optionally of one page or one teacher's pages; overdue first, then by deadline. */
export async function listRemarks(
  c: Client,
  schoolId: number,
  f: { status: RemarkFilter; pageId?: number; teacherId?: number },
): Promise<RemarkRow[]> {
  const r = await c.query<RemarkRow>(
    `${SELECT}
     WHERE r.school_id = $1 AND ($2::int IS NULL OR r.page_id = $2) AND ($3::int IS NULL OR jp.teacher_id = $3)
       AND CASE $4::text
             WHEN 'active' THEN r.status <> 'closed'
             WHEN 'open' THEN r.status IN ('open', 'acknowledged')
             WHEN 'overdue' THEN r.status IN ('open', 'acknowledged') AND r.deadline < app_today()
             WHEN 'fixed' THEN r.status = 'fixed'
             WHEN 'closed' THEN r.status = 'closed'
             ELSE true END
     ORDER BY (r.status IN ('open', 'acknowledged') AND r.deadline < app_today()) DESC,
              r.status = 'closed', r.deadline, r.id`,
    [schoolId, f.pageId ?? null, f.teacherId ?? null, f.status],
  );
  return r.rows;
}

export async function getRemark(c: Client, schoolId: number, id: number, lock = false): Promise<RemarkRow | undefined> {
  if (lock) await c.query('SELECT 1 FROM control_remark WHERE school_id = $1 AND id = $2 FOR UPDATE', [schoolId, id]);
  const r = await c.query<RemarkRow>(`${SELECT} WHERE r.school_id = $1 AND r.id = $2`, [schoolId, id]);
  return r.rows[0];
}

export async function insertRemark(
  c: Client,
  schoolId: number,
  authorId: number,
  x: { pageId: number; checkedOn: string; text: string; deadline: string },
): Promise<number> {
  const r = await c.query<{ id: number }>(
    `INSERT INTO control_remark (school_id, page_id, author_id, checked_on, text, deadline) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [schoolId, x.pageId, authorId, x.checkedOn, x.text, x.deadline],
  );
  return r.rows[0].id;
}

export async function setStatus(c: Client, schoolId: number, id: number, status: TRemarkStatus): Promise<void> {
  await c.query(`UPDATE control_remark SET status = $3, version = version + 1, updated_at = now() WHERE school_id = $1 AND id = $2`, [schoolId, id, status]);
}

/** Appends one row to a remark's history (the same transaction as the change). */
export async function insertEvent(
  c: Client,
  schoolId: number,
  e: { remarkId: number; userId: number; from: TRemarkStatus | null; to: TRemarkStatus; note: string },
): Promise<void> {
  await c.query(
    `INSERT INTO control_remark_event (school_id, remark_id, user_id, from_status, to_status, note) VALUES ($1, $2, $3, $4, $5, $6)`,
    [schoolId, e.remarkId, e.userId, e.from, e.to, e.note],
  );
}

export async function remarkEvents(c: Client, schoolId: number, remarkId: number) {
  const r = await c.query(
    `SELECT e.at::text AS at, COALESCE(trim(u.last_name || ' ' || u.first_name), '') AS "userName",
            e.from_status AS "fromStatus", e.to_status AS "toStatus", e.note
     FROM control_remark_event e LEFT JOIN app_user u ON u.id = e.user_id
     WHERE e.school_id = $1 AND e.remark_id = $2 ORDER BY e.at, e.id`,
    [schoolId, remarkId],
  );
  return r.rows;
}

/** Open, overdue and fixed (awaiting closing) remarks per teacher. */
export async function countsByTeacher(c: Client, schoolId: number) {
  const r = await c.query<{ teacherId: number | null; teacherName: string; open: number; overdue: number; fixed: number }>(
    `SELECT jp.teacher_id AS "teacherId", COALESCE(trim(t.last_name || ' ' || t.first_name || ' ' || t.middle_name), '') AS "teacherName",
            count(*) FILTER (WHERE r.status IN ('open', 'acknowledged'))::int AS open,
            count(*) FILTER (WHERE r.status IN ('open', 'acknowledged') AND r.deadline < app_today())::int AS overdue,
            count(*) FILTER (WHERE r.status = 'fixed')::int AS fixed
     FROM control_remark r
     JOIN journal_page jp ON jp.school_id = r.school_id AND jp.id = r.page_id
     LEFT JOIN app_user t ON t.id = jp.teacher_id
     WHERE r.school_id = $1 AND r.status <> 'closed'
     GROUP BY jp.teacher_id, t.last_name, t.first_name, t.middle_name`,
    [schoolId],
  );
  return r.rows;
}

/** The page's teacher and whether it exists in the school. */
export async function pageTeacher(c: Client, schoolId: number, pageId: number): Promise<{ teacherId: number | null } | undefined> {
  const r = await c.query<{ teacherId: number | null }>('SELECT teacher_id AS "teacherId" FROM journal_page WHERE school_id = $1 AND id = $2', [schoolId, pageId]);
  return r.rows[0];
}

/** Open and overdue remarks per school (counts only: for the weekly report and the city). */
export async function remarkCounts(c: Client, schoolIds: number[]): Promise<Map<number, { open: number; overdue: number }>> {
  const r = await c.query<{ schoolId: number; open: number; overdue: number }>(
    `SELECT school_id AS "schoolId", count(*)::int AS open, count(*) FILTER (WHERE deadline < app_today())::int AS overdue
     FROM control_remark WHERE school_id = ANY($1::int[]) AND status IN ('open', 'acknowledged') GROUP BY school_id`,
    [schoolIds],
  );
  return new Map(r.rows.map((x) => [x.schoolId, { open: x.open, overdue: x.overdue }]));
}
