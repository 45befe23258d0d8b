import type { TInventoryInput, TMeasure, TMeasureInput } from '../../../shared/api/readiness.js';
import type { Client } from '../../db/tenancy.js';

const MEASURE_COLS = `id, item, responsible, to_char(deadline, 'YYYY-MM-DD') AS deadline, status`;

export async function listMeasures(c: Client, schoolId: number): Promise<TMeasure[]> {
  return (await c.query(`SELECT ${MEASURE_COLS} FROM readiness_measure WHERE school_id = $1 ORDER BY deadline, id`, [schoolId])).rows;
}

export async function insertMeasure(c: Client, schoolId: number, m: TMeasureInput): Promise<TMeasure> {
  const r = await c.query(
    `INSERT INTO readiness_measure (school_id, item, responsible, deadline, status) VALUES ($1, $2, $3, $4, $5) RETURNING ${MEASURE_COLS}`,
    [schoolId, m.item, m.responsible, m.deadline, m.status],
  );
  return r.rows[0];
}

export async function updateMeasure(c: Client, schoolId: number, id: number, m: Partial<TMeasureInput>): Promise<TMeasure | undefined> {
  const r = await c.query(
    `UPDATE readiness_measure SET item = COALESCE($3, item), responsible = COALESCE($4, responsible), deadline = COALESCE($5::date, deadline),
       status = COALESCE($6, status), updated_at = now()
     WHERE school_id = $1 AND id = $2 RETURNING ${MEASURE_COLS}`,
    [schoolId, id, m.item ?? null, m.responsible ?? null, m.deadline ?? null, m.status ?? null],
  );
  return r.rows[0];
}

export async function deleteMeasure(c: Client, schoolId: number, id: number): Promise<boolean> {
  return ((await c.query('DELETE FROM readiness_measure WHERE school_id = $1 AND id = $2', [schoolId, id])).rowCount ?? 0) > 0;
}

export async function getInventory(c: Client, schoolId: number) {
  const r = await c.query(
    `SELECT teacher_computers AS "teacherComputers", classrooms_with_computer AS "classroomsWithComputer", classrooms_total AS "classroomsTotal",
            network, internet_mbps::float8 AS "internetMbps", to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"
     FROM readiness_inventory WHERE school_id = $1`,
    [schoolId],
  );
  return r.rows[0] ?? null;
}

export async function putInventory(c: Client, schoolId: number, x: TInventoryInput): Promise<void> {
  await c.query(
    `INSERT INTO readiness_inventory (school_id, teacher_computers, classrooms_with_computer, classrooms_total, network, internet_mbps)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (school_id) DO UPDATE SET teacher_computers = excluded.teacher_computers, classrooms_with_computer = excluded.classrooms_with_computer,
       classrooms_total = excluded.classrooms_total, network = excluded.network, internet_mbps = excluded.internet_mbps, updated_at = now()`,
    [schoolId, x.teacherComputers, x.classroomsWithComputer, x.classroomsTotal, x.network, x.internetMbps],
  );
}

/** The school's open year (the survey is answered once per year). */
export async function openYearId(c: Client, schoolId: number): Promise<number | undefined> {
  const r = await c.query<{ id: number }>(`SELECT id FROM school_year WHERE school_id = $1 AND status = 'open' ORDER BY starts_on DESC LIMIT 1`, [schoolId]);
  return r.rows[0]?.id;
}

export async function getSurvey(c: Client, schoolId: number, yearId: number, userId: number) {
  const r = await c.query(
    `SELECT answers::int[] AS answers, needs_training AS "needsTraining", to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"
     FROM readiness_survey WHERE school_id = $1 AND year_id = $2 AND user_id = $3`,
    [schoolId, yearId, userId],
  );
  return r.rows[0] ?? null;
}

export async function putSurvey(c: Client, schoolId: number, yearId: number, userId: number, answers: number[], needsTraining: boolean): Promise<void> {
  await c.query(
    `INSERT INTO readiness_survey (school_id, year_id, user_id, answers, needs_training) VALUES ($1, $2, $3, $4::smallint[], $5)
     ON CONFLICT (school_id, year_id, user_id) DO UPDATE SET answers = excluded.answers, needs_training = excluded.needs_training, updated_at = now()`,
    [schoolId, yearId, userId, answers, needsTraining],
  );
}

/** Active teachers of the school with their answer of the year (if any). */
export async function surveyRows(c: Client, schoolId: number, yearId: number) {
  const r = await c.query<{ userId: number; last: string; first: string; middle: string; answers: number[] | null; needsTraining: boolean | null; updatedAt: string | null }>(
    `SELECT s.user_id AS "userId", u.last_name AS last, u.first_name AS first, COALESCE(u.middle_name, '') AS middle,
            rs.answers::int[] AS answers, rs.needs_training AS "needsTraining",
            to_char(rs.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"
     FROM staff s JOIN app_user u ON u.id = s.user_id
     LEFT JOIN readiness_survey rs ON rs.school_id = s.school_id AND rs.year_id = $2 AND rs.user_id = s.user_id
     WHERE s.school_id = $1 AND (s.active AND EXISTS (SELECT 1 FROM staff_role r WHERE r.school_id = s.school_id AND r.user_id = s.user_id AND r.role = 'teacher')
            OR rs.user_id IS NOT NULL)`,
    [schoolId, yearId],
  );
  return r.rows;
}
