import type { TWeeklyReportData } from '../../../shared/api/control.js';
import type { Client } from '../../db/tenancy.js';

export async function insertReport(
  c: Client,
  r: { schoolId: number; week: string; from: string; to: string; level: number; data: TWeeklyReportData },
): Promise<boolean> {
  const res = await c.query(
    `INSERT INTO control_weekly_report (school_id, week, from_date, to_date, level, data) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (school_id, week) DO NOTHING`,
    [r.schoolId, r.week, r.from, r.to, r.level, JSON.stringify(r.data)],
  );
  return (res.rowCount ?? 0) > 0;
}

export async function markEmailed(c: Client, schoolId: number, week: string): Promise<void> {
  await c.query('UPDATE control_weekly_report SET emailed_at = now() WHERE school_id = $1 AND week = $2', [schoolId, week]);
}

export async function listReports(c: Client, schoolId: number) {
  const r = await c.query(
    `SELECT week, from_date AS "from", to_date AS "to", level, created_at::text AS "createdAt", emailed_at::text AS "emailedAt"
     FROM control_weekly_report WHERE school_id = $1 ORDER BY week DESC`,
    [schoolId],
  );
  return r.rows;
}

export async function getReport(c: Client, schoolId: number, week: string) {
  const r = await c.query<{ week: string; from: string; to: string; createdAt: string; emailedAt: string | null; data: TWeeklyReportData }>(
    `SELECT week, from_date AS "from", to_date AS "to", created_at::text AS "createdAt", emailed_at::text AS "emailedAt", data
     FROM control_weekly_report WHERE school_id = $1 AND week = $2`,
    [schoolId, week],
  );
  const report = r.rows[0];
  // a report is a snapshot: settings added later were not in force when older ones were made
  if (report) report.data.settings = { ...report.data.settings, homeworkFreeSubjects: report.data.settings.homeworkFreeSubjects ?? [] };
  return report;
}

/** Levels and shares of the stored reports of some weeks (for the trend). */
export async function reportLevels(c: Client, schoolId: number, weeks: string[]) {
  const r = await c.query<{ week: string; level: number; shares: Record<string, number> }>(
    `SELECT week, level, data->'school'->'shares' AS shares FROM control_weekly_report WHERE school_id = $1 AND week = ANY($2::text[])`,
    [schoolId, weeks],
  );
  return new Map(r.rows.map((x) => [x.week, x]));
}

/** The school's heads who can get e-mail. */
export async function headsWithEmail(c: Client, schoolId: number) {
  const r = await c.query<{ userId: number; email: string; name: string }>(
    `SELECT u.id AS "userId", u.email, trim(u.first_name || ' ' || u.middle_name) AS name
     FROM staff st JOIN staff_role sr ON sr.school_id = st.school_id AND sr.user_id = st.user_id AND sr.role = 'head'
     JOIN app_user u ON u.id = st.user_id
     WHERE st.school_id = $1 AND st.active AND u.active AND COALESCE(u.email, '') <> ''
     ORDER BY u.id`,
    [schoolId],
  );
  return r.rows;
}

/** Schools whose open year covers the week: each gets a weekly report. */
export async function schoolsInSession(c: Client, from: string, to: string): Promise<number[]> {
  const r = await c.query<{ id: number }>(
    `SELECT DISTINCT y.school_id AS id FROM school_year y WHERE y.status = 'open' AND y.starts_on <= $2 AND y.ends_on >= $1 ORDER BY 1`,
    [from, to],
  );
  return r.rows.map((x) => x.id);
}
