import type { TAdminClass, TAdminPupil, TGuardian, TMovementEntry } from '../../../shared/api/admin.js';
import type { Client } from '../../db/tenancy.js';

export interface YearRow {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** The school's open school year (the latest, if a new one was opened before the old was closed). */
export async function openYear(c: Client, schoolId: number): Promise<YearRow | undefined> {
  const r = await c.query(
    `SELECT id, name, starts_on AS "startsOn", ends_on AS "endsOn" FROM school_year
     WHERE school_id = $1 AND status = 'open' ORDER BY starts_on DESC LIMIT 1`,
    [schoolId],
  );
  return r.rows[0];
}

const CLASS_SELECT = `
  SELECT k.id, k.grade || '-' || k.letter AS label, k.grade, k.letter, k.year_id AS "yearId",
         CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name)) END AS "classTeacher",
         (SELECT count(*) FROM enrollment e WHERE e.school_id = k.school_id AND e.class_id = k.id
            AND e.from_date <= app_today() AND (e.to_date IS NULL OR e.to_date >= app_today()))::int AS pupils
  FROM school_class k LEFT JOIN app_user u ON u.id = k.class_teacher_id`;

export async function yearClasses(c: Client, schoolId: number, yearId: number): Promise<TAdminClass[]> {
  return (await c.query(`${CLASS_SELECT} WHERE k.school_id = $1 AND k.year_id = $2 ORDER BY k.grade, k.letter`, [schoolId, yearId])).rows;
}

export async function findClass(c: Client, schoolId: number, classId: number): Promise<TAdminClass | undefined> {
  return (await c.query(`${CLASS_SELECT} WHERE k.school_id = $1 AND k.id = $2`, [schoolId, classId])).rows[0];
}

export async function insertClass(c: Client, schoolId: number, cls: { yearId: number; grade: number; letter: string; classTeacherId: number | null }): Promise<number> {
  const r = await c.query(
    `INSERT INTO school_class (school_id, year_id, grade, letter, class_teacher_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (school_id, year_id, grade, letter) DO NOTHING RETURNING id`,
    [schoolId, cls.yearId, cls.grade, cls.letter, cls.classTeacherId],
  );
  return r.rows[0]?.id ?? 0;
}

export async function setClassTeacher(c: Client, schoolId: number, classId: number, teacherId: number | null): Promise<void> {
  await c.query('UPDATE school_class SET class_teacher_id = $3 WHERE school_id = $1 AND id = $2', [schoolId, classId, teacherId]);
}

export async function isActiveStaff(c: Client, schoolId: number, userId: number): Promise<boolean> {
  return (await c.query('SELECT 1 FROM staff WHERE school_id = $1 AND user_id = $2 AND active', [schoolId, userId])).rowCount! > 0;
}

const GUARDIANS_OF = (pupil: string) => `
  COALESCE((SELECT json_agg(json_build_object('id', g.id, 'lastName', g.last_name, 'firstName', g.first_name, 'middleName', g.middle_name,
                                              'phone', g.phone, 'email', g.email, 'relation', pg2.relation) ORDER BY g.id)
            FROM pupil_guardian pg2 JOIN guardian g ON g.school_id = pg2.school_id AND g.id = pg2.guardian_id
            WHERE pg2.school_id = ${pupil}.school_id AND pg2.pupil_id = ${pupil}.id), '[]')`;

/** Everyone enrolled in the class at any time, with their stay's dates and their guardians. */
export async function classPupils(c: Client, schoolId: number, classId: number): Promise<TAdminPupil[]> {
  const r = await c.query(
    `SELECT p.id, p.last_name AS "lastName", p.first_name AS "firstName", p.middle_name AS "middleName",
            p.birth_date AS "birthDate", p.gender, e.from_date AS "fromDate", e.to_date AS "toDate", ${GUARDIANS_OF('p')} AS guardians
     FROM enrollment e JOIN pupil p ON p.school_id = e.school_id AND p.id = e.pupil_id
     WHERE e.school_id = $1 AND e.class_id = $2`,
    [schoolId, classId],
  );
  return r.rows;
}

/**
 * Arrivals and departures of a class: an enrollment that starts after the year's first day or
 * carries an order is an arrival; one with an end date is a departure. A stay in another class
 * that ends the day before (or starts the day after) makes it a transfer.
 */
export async function classMovement(c: Client, schoolId: number, classId: number, yearStart: string): Promise<TMovementEntry[]> {
  const r = await c.query(
    `SELECT e.pupil_id AS "pupilId", trim(p.last_name || ' ' || p.first_name || ' ' || p.middle_name) AS "pupilName",
            'arrived' AS kind, e.from_date AS date, e.arrival_order AS order,
            (SELECT k.grade || '-' || k.letter FROM enrollment o JOIN school_class k ON k.school_id = o.school_id AND k.id = o.class_id
             WHERE o.school_id = e.school_id AND o.pupil_id = e.pupil_id AND o.id <> e.id AND o.to_date = e.from_date - 1 LIMIT 1) AS "otherClass"
     FROM enrollment e JOIN pupil p ON p.school_id = e.school_id AND p.id = e.pupil_id
     WHERE e.school_id = $1 AND e.class_id = $2 AND (e.from_date > $3::date OR e.arrival_order <> '')
     UNION ALL
     SELECT e.pupil_id, trim(p.last_name || ' ' || p.first_name || ' ' || p.middle_name), 'left',
            COALESCE(n.from_date, e.to_date), e.departure_order, n.label
     FROM enrollment e JOIN pupil p ON p.school_id = e.school_id AND p.id = e.pupil_id
     LEFT JOIN LATERAL (SELECT o.from_date, k.grade || '-' || k.letter AS label
                        FROM enrollment o JOIN school_class k ON k.school_id = o.school_id AND k.id = o.class_id
                        WHERE o.school_id = e.school_id AND o.pupil_id = e.pupil_id AND o.id <> e.id AND o.from_date = e.to_date + 1
                        LIMIT 1) n ON true
     WHERE e.school_id = $1 AND e.class_id = $2 AND e.to_date IS NOT NULL
     ORDER BY date, kind`,
    [schoolId, classId, yearStart],
  );
  return r.rows;
}

export interface NewPupil {
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string | null;
  gender: 'm' | 'f' | null;
}

/** Inserts pupils in one statement; returns their ids in order. */
export async function insertPupils(c: Client, schoolId: number, pupils: NewPupil[]): Promise<number[]> {
  if (!pupils.length) return [];
  const r = await c.query(
    `INSERT INTO pupil (school_id, last_name, first_name, middle_name, birth_date, gender)
     SELECT $1, l, f, m, b, g FROM unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::text[]) WITH ORDINALITY AS t(l, f, m, b, g, n)
     ORDER BY n RETURNING id`,
    [schoolId, pupils.map((p) => p.lastName), pupils.map((p) => p.firstName), pupils.map((p) => p.middleName), pupils.map((p) => p.birthDate), pupils.map((p) => p.gender)],
  );
  return r.rows.map((x) => x.id as number).sort((a, b) => a - b);
}

export async function insertEnrollments(
  c: Client,
  schoolId: number,
  rows: { pupilId: number; classId: number; fromDate: string; order: string }[],
): Promise<void> {
  if (!rows.length) return;
  await c.query(
    `INSERT INTO enrollment (school_id, pupil_id, class_id, from_date, arrival_order)
     SELECT $1, * FROM unnest($2::int[], $3::int[], $4::date[], $5::text[])`,
    [schoolId, rows.map((r) => r.pupilId), rows.map((r) => r.classId), rows.map((r) => r.fromDate), rows.map((r) => r.order)],
  );
}

export async function findPupil(c: Client, schoolId: number, pupilId: number) {
  const r = await c.query(
    `SELECT p.id, p.last_name AS "lastName", p.first_name AS "firstName", p.middle_name AS "middleName",
            p.birth_date AS "birthDate", p.gender, ${GUARDIANS_OF('p')} AS guardians
     FROM pupil p WHERE p.school_id = $1 AND p.id = $2`,
    [schoolId, pupilId],
  );
  return r.rows[0] as (Omit<TAdminPupil, 'fromDate' | 'toDate'>) | undefined;
}

export async function updatePupil(c: Client, schoolId: number, pupilId: number, patch: Record<string, unknown>): Promise<void> {
  await c.query(
    `UPDATE pupil SET last_name = COALESCE($3, last_name), first_name = COALESCE($4, first_name),
            middle_name = COALESCE($5, middle_name),
            birth_date = CASE WHEN $6::boolean THEN $7::date ELSE birth_date END,
            gender = CASE WHEN $8::boolean THEN $9 ELSE gender END
     WHERE school_id = $1 AND id = $2`,
    [
      schoolId,
      pupilId,
      patch.lastName ?? null,
      patch.firstName ?? null,
      patch.middleName ?? null,
      patch.birthDate !== undefined,
      patch.birthDate ?? null,
      patch.gender !== undefined,
      patch.gender ?? null,
    ],
  );
}

export interface NewGuardian {
  lastName: string;
  firstName: string;
  middleName: string;
  phone: string;
  email: string | null;
}

export async function insertGuardians(c: Client, schoolId: number, guardians: NewGuardian[]): Promise<number[]> {
  if (!guardians.length) return [];
  const r = await c.query(
    `INSERT INTO guardian (school_id, last_name, first_name, middle_name, phone, email)
     SELECT $1, l, f, m, ph, em FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS t(l, f, m, ph, em, n)
     ORDER BY n RETURNING id`,
    [
      schoolId,
      guardians.map((g) => g.lastName),
      guardians.map((g) => g.firstName),
      guardians.map((g) => g.middleName),
      guardians.map((g) => g.phone),
      guardians.map((g) => g.email),
    ],
  );
  return r.rows.map((x) => x.id as number).sort((a, b) => a - b);
}

export async function linkGuardians(c: Client, schoolId: number, links: { pupilId: number; guardianId: number; relation: string }[]): Promise<void> {
  if (!links.length) return;
  await c.query(
    `INSERT INTO pupil_guardian (school_id, pupil_id, guardian_id, relation)
     SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[]) ON CONFLICT DO NOTHING`,
    [schoolId, links.map((l) => l.pupilId), links.map((l) => l.guardianId), links.map((l) => l.relation)],
  );
}

export async function findGuardian(c: Client, schoolId: number, guardianId: number): Promise<Omit<TGuardian, 'relation'> | undefined> {
  const r = await c.query(
    `SELECT id, last_name AS "lastName", first_name AS "firstName", middle_name AS "middleName", phone, email
     FROM guardian WHERE school_id = $1 AND id = $2`,
    [schoolId, guardianId],
  );
  return r.rows[0];
}

export async function updateGuardian(c: Client, schoolId: number, guardianId: number, patch: Record<string, unknown>): Promise<void> {
  await c.query(
    `UPDATE guardian SET last_name = COALESCE($3, last_name), first_name = COALESCE($4, first_name),
            middle_name = COALESCE($5, middle_name), phone = COALESCE($6, phone),
            email = CASE WHEN $7::boolean THEN $8 ELSE email END
     WHERE school_id = $1 AND id = $2`,
    [
      schoolId,
      guardianId,
      patch.lastName ?? null,
      patch.firstName ?? null,
      patch.middleName ?? null,
      patch.phone ?? null,
      patch.email !== undefined,
      patch.email || null,
    ],
  );
}

export async function setRelation(c: Client, schoolId: number, guardianId: number, relation: string): Promise<void> {
  await c.query('UPDATE pupil_guardian SET relation = $3 WHERE school_id = $1 AND guardian_id = $2', [schoolId, guardianId, relation]);
}

export async function unlinkGuardian(c: Client, schoolId: number, pupilId: number, guardianId: number): Promise<boolean> {
  const r = await c.query('DELETE FROM pupil_guardian WHERE school_id = $1 AND pupil_id = $2 AND guardian_id = $3', [schoolId, pupilId, guardianId]);
  return r.rowCount! > 0;
}

export interface EnrollmentRow {
  id: number;
  pupilId: number;
  classId: number;
  yearId: number;
  fromDate: string;
  toDate: string | null;
}

export async function pupilEnrollments(c: Client, schoolId: number, pupilId: number): Promise<EnrollmentRow[]> {
  const r = await c.query(
    `SELECT e.id, e.pupil_id AS "pupilId", e.class_id AS "classId", k.year_id AS "yearId", e.from_date AS "fromDate", e.to_date AS "toDate"
     FROM enrollment e JOIN school_class k ON k.school_id = e.school_id AND k.id = e.class_id
     WHERE e.school_id = $1 AND e.pupil_id = $2 ORDER BY e.from_date`,
    [schoolId, pupilId],
  );
  return r.rows;
}

export async function closeEnrollment(c: Client, schoolId: number, enrollmentId: number, toDate: string, order: string): Promise<void> {
  await c.query('UPDATE enrollment SET to_date = $3, departure_order = $4 WHERE school_id = $1 AND id = $2', [schoolId, enrollmentId, toDate, order]);
}
