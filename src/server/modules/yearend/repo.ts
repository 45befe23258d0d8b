import type { Client } from '../../db/tenancy.js';

export interface YearRow {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
  closedAt: string | null;
}

/** The school's years, newest first, with their close and reopen events. */
export async function years(c: Client, schoolId: number) {
  const r = await c.query(
    `SELECT y.id, y.name, y.starts_on AS "startsOn", y.ends_on AS "endsOn", y.status, y.closed_at AS "closedAt",
            (SELECT count(*)::int FROM school_class k WHERE k.school_id = y.school_id AND k.year_id = y.id) AS classes,
            COALESCE((SELECT json_agg(json_build_object('action', e.action, 'reason', e.reason, 'at', e.at, 'gaps', e.gaps,
                        'user', trim(u.last_name || ' ' || u.first_name)) ORDER BY e.at, e.id)
                      FROM school_year_event e JOIN app_user u ON u.id = e.user_id
                      WHERE e.school_id = y.school_id AND e.year_id = y.id), '[]') AS events
     FROM school_year y WHERE y.school_id = $1 ORDER BY y.starts_on DESC`,
    [schoolId],
  );
  return r.rows.map((x) => ({ ...x, closedAt: x.closedAt ? new Date(x.closedAt).toISOString() : null }));
}

/** One year, locked for the rest of the transaction when lock is set. */
export async function year(c: Client, schoolId: number, yearId: number, lock = false): Promise<YearRow | undefined> {
  const r = await c.query(
    `SELECT id, name, starts_on AS "startsOn", ends_on AS "endsOn", status, closed_at AS "closedAt"
     FROM school_year WHERE school_id = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`,
    [schoolId, yearId],
  );
  return r.rows[0];
}

/** The day the annual marks are due for: the end of the last semester (the year's end without semesters). */
export async function annualDay(c: Client, schoolId: number, yearId: number): Promise<string> {
  const r = await c.query(
    `SELECT COALESCE((SELECT max(ends_on) FROM semester WHERE school_id = $1 AND year_id = $2), y.ends_on) AS day
     FROM school_year y WHERE y.school_id = $1 AND y.id = $2`,
    [schoolId, yearId],
  );
  return r.rows[0].day;
}

/** How many pupils or dates a gap lists by name (the count covers them all). */
export const LIST_LIMIT = 30;

const PAGE_LABELS = `k.grade || '-' || k.letter AS "classLabel", s.name AS "subjectName", g.name AS "groupName",
  CASE WHEN u.id IS NULL THEN NULL ELSE trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name) END AS "teacherName"`;
const PAGE_JOINS = `JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
  JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
  LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
  LEFT JOIN app_user u ON u.id = jp.teacher_id`;

/** The year's graded pages (not on the verbal scale) with what names them. */
export async function gradedPages(c: Client, schoolId: number, yearId: number) {
  const r = await c.query(
    `SELECT jp.id AS "pageId", jp.class_id AS "classId", jp.group_id AS "groupId", ${PAGE_LABELS}, k.grade, k.letter
     FROM journal_page jp ${PAGE_JOINS}
     WHERE jp.school_id = $1 AND jp.year_id = $2 AND jp.scale_code <> 'verbal'`,
    [schoolId, yearId],
  );
  return r.rows as { pageId: number; classId: number; groupId: number | null; classLabel: string; subjectName: string; groupName: string | null; teacherName: string | null; grade: number; letter: string }[];
}

/** Pupils enrolled in the year's classes on the day. */
export async function enrolledOn(c: Client, schoolId: number, yearId: number, day: string) {
  const r = await c.query(
    `SELECT DISTINCT e.class_id AS "classId", p.id AS "pupilId", p.last_name AS "lastName", p.first_name AS "firstName"
     FROM school_class k JOIN enrollment e ON e.school_id = k.school_id AND e.class_id = k.id AND e.from_date <= $3 AND (e.to_date IS NULL OR e.to_date >= $3)
     JOIN pupil p ON p.school_id = e.school_id AND p.id = e.pupil_id
     WHERE k.school_id = $1 AND k.year_id = $2`,
    [schoolId, yearId, day],
  );
  return r.rows as { classId: number; pupilId: number; lastName: string; firstName: string }[];
}

/** Members of the groups of the year's classes. */
export async function groupMembers(c: Client, schoolId: number, yearId: number) {
  const r = await c.query(
    `SELECT gm.group_id AS "groupId", gm.pupil_id AS "pupilId" FROM group_member gm
     JOIN class_group g ON g.school_id = gm.school_id AND g.id = gm.group_id
     JOIN school_class k ON k.school_id = g.school_id AND k.id = g.class_id AND k.year_id = $2
     WHERE gm.school_id = $1`,
    [schoolId, yearId],
  );
  return r.rows as { groupId: number; pupilId: number }[];
}

/**
 * The (page, pupil) pairs of the year that have an annual mark. Matched against the enrolled
 * pupils in the service: a NOT EXISTS here was planned as a nested loop over every summary mark
 * on a database without statistics (PGlite never analyzes), taking 40 s for one school.
 */
export async function annualMarked(c: Client, schoolId: number, yearId: number) {
  const r = await c.query(
    `SELECT sc.page_id AS "pageId", sm.pupil_id AS "pupilId"
     FROM journal_page jp JOIN summary_column sc ON sc.school_id = jp.school_id AND sc.page_id = jp.id AND sc.kind = 'annual'
     JOIN summary_mark sm ON sm.school_id = sc.school_id AND sm.column_id = sc.id AND sm.mark <> ''
     WHERE jp.school_id = $1 AND jp.year_id = $2`,
    [schoolId, yearId],
  );
  return r.rows as { pageId: number; pupilId: number }[];
}

/** Lessons held so far (not cancelled, up to today or the year's end) without a topic, by page; the first dates listed. */
export async function lessonsWithoutTopic(c: Client, schoolId: number, yearId: number, yearEnd: string) {
  const r = await c.query(
    `SELECT jp.id AS "pageId", ${PAGE_LABELS}, k.grade, k.letter, count(*)::int AS missing,
            to_json((array_agg(l.lesson_date ORDER BY l.lesson_date, l.period))[1:${LIST_LIMIT}]) AS dates
     FROM journal_page jp ${PAGE_JOINS}
     JOIN lesson l ON l.school_id = jp.school_id AND l.page_id = jp.id AND NOT l.cancelled AND btrim(l.topic) = ''
                  AND l.lesson_date <= LEAST(app_today(), $3::date)
     WHERE jp.school_id = $1 AND jp.year_id = $2
     GROUP BY jp.id, k.grade, k.letter, s.name, g.name, u.id, u.last_name, u.first_name, u.middle_name`,
    [schoolId, yearId, yearEnd],
  );
  return r.rows as { pageId: number; classLabel: string; subjectName: string; groupName: string | null; teacherName: string | null; grade: number; letter: string; missing: number; dates: string[] }[];
}

/** Whether this installation keeps the controller's remarks (the control feature's table). */
export async function hasRemarks(c: Client): Promise<boolean> {
  return (await c.query(`SELECT to_regclass('control_remark') IS NOT NULL AS ok`)).rows[0].ok;
}

/** The controller's remarks on the year's pages that are not closed yet. */
export async function openRemarks(c: Client, schoolId: number, yearId: number) {
  const r = await c.query(
    `SELECT m.id AS "remarkId", jp.id AS "pageId", ${PAGE_LABELS}, k.grade, k.letter, m.status, m.deadline, m.text
     FROM control_remark m JOIN journal_page jp ON jp.school_id = m.school_id AND jp.id = m.page_id ${PAGE_JOINS}
     WHERE m.school_id = $1 AND jp.year_id = $2 AND m.status <> 'closed'
     ORDER BY m.deadline, m.id`,
    [schoolId, yearId],
  );
  return r.rows as { remarkId: number; pageId: number; classLabel: string; subjectName: string; groupName: string | null; teacherName: string | null; grade: number; letter: string; status: string; deadline: string; text: string }[];
}

export async function insertEvent(c: Client, schoolId: number, e: { yearId: number; action: 'close' | 'reopen'; reason: string; gaps: Record<string, number>; userId: number }) {
  await c.query('INSERT INTO school_year_event (school_id, year_id, action, reason, gaps, user_id) VALUES ($1, $2, $3, $4, $5, $6)', [
    schoolId,
    e.yearId,
    e.action,
    e.reason,
    e.gaps,
    e.userId,
  ]);
}

export async function setYearStatus(c: Client, schoolId: number, yearId: number, status: 'open' | 'closed', userId: number) {
  await c.query(
    `UPDATE school_year SET status = $3, closed_at = CASE WHEN $3 = 'closed' THEN now() END, closed_by = CASE WHEN $3 = 'closed' THEN $4::int END
     WHERE school_id = $1 AND id = $2`,
    [schoolId, yearId, status, userId],
  );
}
