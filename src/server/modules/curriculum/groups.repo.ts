import type { TGroup } from '../../../shared/api/curriculum.js';
import type { Client } from '../../db/tenancy.js';

export interface ClassRow {
  id: number;
  label: string;
  grade: number;
  yearId: number;
  yearStatus: 'open' | 'closed';
}

export async function classRow(c: Client, schoolId: number, classId: number): Promise<ClassRow | undefined> {
  const r = await c.query<ClassRow>(
    `SELECT k.id, k.grade || '-' || k.letter AS label, k.grade::int AS grade, k.year_id AS "yearId", y.status AS "yearStatus"
     FROM school_class k JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id
     WHERE k.school_id = $1 AND k.id = $2`,
    [schoolId, classId],
  );
  return r.rows[0];
}

export async function classGroups(c: Client, schoolId: number, classId: number): Promise<TGroup[]> {
  const r = await c.query<TGroup>(
    `SELECT g.id, g.name,
            COALESCE((SELECT array_agg(gm.pupil_id ORDER BY gm.pupil_id) FROM group_member gm WHERE gm.school_id = g.school_id AND gm.group_id = g.id), '{}') AS "pupilIds",
            (SELECT count(*) FROM journal_page jp WHERE jp.school_id = g.school_id AND jp.group_id = g.id)::int AS pages
     FROM class_group g WHERE g.school_id = $1 AND g.class_id = $2 ORDER BY g.name, g.id`,
    [schoolId, classId],
  );
  return r.rows;
}

/** Pupils enrolled in the class on the day (unsorted). */
export async function classPupilsOn(c: Client, schoolId: number, classId: number, day: string) {
  const r = await c.query<{ id: number; lastName: string; firstName: string }>(
    `SELECT DISTINCT p.id, p.last_name AS "lastName", p.first_name AS "firstName"
     FROM enrollment e JOIN pupil p ON p.school_id = e.school_id AND p.id = e.pupil_id
     WHERE e.school_id = $1 AND e.class_id = $2 AND e.from_date <= $3 AND (e.to_date IS NULL OR e.to_date >= $3)`,
    [schoolId, classId, day],
  );
  return r.rows;
}

/** Of the pupils, those ever enrolled in the class. */
export async function pupilsOfClass(c: Client, schoolId: number, classId: number, pupilIds: number[]): Promise<Set<number>> {
  const r = await c.query<{ id: number }>(
    'SELECT DISTINCT pupil_id AS id FROM enrollment WHERE school_id = $1 AND class_id = $2 AND pupil_id = ANY($3::int[])',
    [schoolId, classId, pupilIds],
  );
  return new Set(r.rows.map((x) => x.id));
}

export interface GroupRow {
  id: number;
  classId: number;
  name: string;
}

export async function lockGroup(c: Client, schoolId: number, groupId: number): Promise<GroupRow | undefined> {
  const r = await c.query<GroupRow>('SELECT id, class_id AS "classId", name FROM class_group WHERE school_id = $1 AND id = $2 FOR UPDATE', [schoolId, groupId]);
  return r.rows[0];
}

export async function groupNamed(c: Client, schoolId: number, classId: number, name: string, exceptId: number | null): Promise<boolean> {
  const r = await c.query(
    'SELECT 1 FROM class_group WHERE school_id = $1 AND class_id = $2 AND lower(name) = lower($3) AND ($4::int IS NULL OR id <> $4)',
    [schoolId, classId, name, exceptId],
  );
  return (r.rowCount ?? 0) > 0;
}

export async function insertGroup(c: Client, schoolId: number, classId: number, name: string): Promise<number> {
  const r = await c.query<{ id: number }>('INSERT INTO class_group (school_id, class_id, name) VALUES ($1, $2, $3) RETURNING id', [schoolId, classId, name]);
  return r.rows[0].id;
}

export async function renameGroup(c: Client, schoolId: number, groupId: number, name: string): Promise<void> {
  await c.query('UPDATE class_group SET name = $3 WHERE school_id = $1 AND id = $2', [schoolId, groupId, name]);
}

export async function groupPages(c: Client, schoolId: number, groupId: number): Promise<number> {
  const r = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM journal_page WHERE school_id = $1 AND group_id = $2', [schoolId, groupId]);
  return r.rows[0].n;
}

export async function deleteGroup(c: Client, schoolId: number, groupId: number): Promise<void> {
  await c.query('DELETE FROM group_member WHERE school_id = $1 AND group_id = $2', [schoolId, groupId]);
  await c.query('DELETE FROM class_group WHERE school_id = $1 AND id = $2', [schoolId, groupId]);
}

export async function replaceMembers(c: Client, schoolId: number, groupId: number, pupilIds: number[]): Promise<void> {
  await c.query('DELETE FROM group_member WHERE school_id = $1 AND group_id = $2 AND NOT (pupil_id = ANY($3::int[]))', [schoolId, groupId, pupilIds]);
  await c.query(
    `INSERT INTO group_member (school_id, group_id, pupil_id) SELECT $1, $2, p FROM unnest($3::int[]) p
     ON CONFLICT DO NOTHING`,
    [schoolId, groupId, pupilIds],
  );
}
