import type { TPlanRow, TSubject } from '../../../shared/api/curriculum.js';
import type { Client } from '../../db/tenancy.js';

export interface YearRow {
  id: number;
  name: string;
  status: 'open' | 'closed';
}

/** The school's current year: the latest open one, else the latest. */
export async function currentYear(c: Client, schoolId: number): Promise<YearRow | undefined> {
  const r = await c.query<YearRow>(
    `SELECT id, name, status FROM school_year WHERE school_id = $1 ORDER BY (status = 'open') DESC, starts_on DESC LIMIT 1`,
    [schoolId],
  );
  return r.rows[0];
}

export async function subjects(c: Client, schoolId: number): Promise<TSubject[]> {
  const r = await c.query<TSubject>(
    `SELECT s.id, s.name, s.short_name AS "shortName",
            (EXISTS (SELECT 1 FROM journal_page jp WHERE jp.school_id = s.school_id AND jp.subject_id = s.id)
             OR EXISTS (SELECT 1 FROM curriculum k WHERE k.school_id = s.school_id AND k.subject_id = s.id)) AS "inUse"
     FROM subject s WHERE s.school_id = $1`,
    [schoolId],
  );
  return r.rows;
}

export async function subjectExists(c: Client, schoolId: number, subjectId: number): Promise<boolean> {
  const r = await c.query('SELECT 1 FROM subject WHERE school_id = $1 AND id = $2', [schoolId, subjectId]);
  return r.rowCount === 1;
}

/** Another subject with the name, compared without case. */
export async function subjectNamed(c: Client, schoolId: number, name: string, exceptId: number | null): Promise<boolean> {
  const r = await c.query('SELECT 1 FROM subject WHERE school_id = $1 AND lower(name) = lower($2) AND ($3::int IS NULL OR id <> $3)', [schoolId, name, exceptId]);
  return (r.rowCount ?? 0) > 0;
}

export async function insertSubject(c: Client, schoolId: number, s: { name: string; shortName: string }): Promise<number> {
  const r = await c.query<{ id: number }>('INSERT INTO subject (school_id, name, short_name) VALUES ($1, $2, $3) RETURNING id', [schoolId, s.name, s.shortName]);
  return r.rows[0].id;
}

export async function updateSubject(c: Client, schoolId: number, subjectId: number, s: { name: string; shortName: string }): Promise<boolean> {
  const r = await c.query('UPDATE subject SET name = $3, short_name = $4 WHERE school_id = $1 AND id = $2', [schoolId, subjectId, s.name, s.shortName]);
  return r.rowCount === 1;
}

export async function deleteSubject(c: Client, schoolId: number, subjectId: number): Promise<void> {
  await c.query('DELETE FROM subject WHERE school_id = $1 AND id = $2', [schoolId, subjectId]);
}

export async function planRows(c: Client, schoolId: number, yearId: number): Promise<TPlanRow[]> {
  const r = await c.query<TPlanRow>(
    `SELECT grade::int AS grade, subject_id AS "subjectId", hours_per_week AS "hoursPerWeek"
     FROM curriculum WHERE school_id = $1 AND year_id = $2 ORDER BY grade, subject_id`,
    [schoolId, yearId],
  );
  return r.rows;
}

export async function yearGrades(c: Client, schoolId: number, yearId: number): Promise<number[]> {
  const r = await c.query<{ grade: number }>('SELECT DISTINCT grade::int AS grade FROM school_class WHERE school_id = $1 AND year_id = $2 ORDER BY 1', [schoolId, yearId]);
  return r.rows.map((x) => x.grade);
}

export async function setPlanRow(c: Client, schoolId: number, yearId: number, row: TPlanRow): Promise<void> {
  if (row.hoursPerWeek === 0) {
    await c.query('DELETE FROM curriculum WHERE school_id = $1 AND year_id = $2 AND grade = $3 AND subject_id = $4', [schoolId, yearId, row.grade, row.subjectId]);
    return;
  }
  await c.query(
    `INSERT INTO curriculum (school_id, year_id, grade, subject_id, hours_per_week) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (school_id, year_id, grade, subject_id) DO UPDATE SET hours_per_week = excluded.hours_per_week`,
    [schoolId, yearId, row.grade, row.subjectId, row.hoursPerWeek],
  );
}
