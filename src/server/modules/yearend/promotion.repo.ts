import type { Client } from '../../db/tenancy.js';

export interface YearPupil {
  classId: number;
  grade: number;
  letter: string;
  classTeacherId: number | null;
  pupilId: number;
  lastName: string;
  firstName: string;
}

/** Pupils in the year's classes on the day (the end of the last semester). */
export async function pupilsAtYearEnd(c: Client, schoolId: number, yearId: number, day: string): Promise<YearPupil[]> {
  const r = await c.query(
    `SELECT DISTINCT k.id AS "classId", k.grade::int AS grade, k.letter, k.class_teacher_id AS "classTeacherId",
            p.id AS "pupilId", p.last_name AS "lastName", p.first_name AS "firstName"
     FROM school_class k
     JOIN enrollment e ON e.school_id = k.school_id AND e.class_id = k.id AND e.from_date <= $3 AND (e.to_date IS NULL OR e.to_date >= $3)
     JOIN pupil p ON p.school_id = e.school_id AND p.id = e.pupil_id
     WHERE k.school_id = $1 AND k.year_id = $2`,
    [schoolId, yearId, day],
  );
  return r.rows;
}

/** The year after this one, if the school has made it. */
export async function nextYear(c: Client, schoolId: number, startsOn: string) {
  const r = await c.query(
    `SELECT id, name, starts_on AS "startsOn", ends_on AS "endsOn",
            (SELECT COALESCE(json_agg(json_build_object('number', m.number, 'startsOn', m.starts_on, 'endsOn', m.ends_on) ORDER BY m.number), '[]')
             FROM semester m WHERE m.school_id = y.school_id AND m.year_id = y.id) AS semesters
     FROM school_year y WHERE school_id = $1 AND starts_on > $2 ORDER BY starts_on LIMIT 1`,
    [schoolId, startsOn],
  );
  return r.rows[0] as { id: number; name: string; startsOn: string; endsOn: string; semesters: { number: number; startsOn: string; endsOn: string }[] } | undefined;
}

export async function semesters(c: Client, schoolId: number, yearId: number) {
  const r = await c.query(
    'SELECT number, starts_on AS "startsOn", ends_on AS "endsOn" FROM semester WHERE school_id = $1 AND year_id = $2 ORDER BY number',
    [schoolId, yearId],
  );
  return r.rows as { number: number; startsOn: string; endsOn: string }[];
}

/** What the promotion of the year recorded, if it was applied. */
export async function recorded(c: Client, schoolId: number, fromYearId: number) {
  const r = await c.query(
    `SELECT pr.pupil_id AS "pupilId", pr.outcome, CASE WHEN k.id IS NULL THEN NULL ELSE k.grade || '-' || k.letter END AS "toClass"
     FROM promotion pr LEFT JOIN school_class k ON k.school_id = pr.school_id AND k.id = pr.to_class_id
     WHERE pr.school_id = $1 AND pr.from_year_id = $2`,
    [schoolId, fromYearId],
  );
  return r.rows as { pupilId: number; outcome: 'promote' | 'repeat' | 'leave' | 'graduate'; toClass: string | null }[];
}

export async function insertYear(c: Client, schoolId: number, y: { name: string; startsOn: string; endsOn: string; semesters: { number: number; startsOn: string; endsOn: string }[] }): Promise<number> {
  const { id } = (
    await c.query('INSERT INTO school_year (school_id, name, starts_on, ends_on) VALUES ($1, $2, $3, $4) RETURNING id', [schoolId, y.name, y.startsOn, y.endsOn])
  ).rows[0];
  for (const s of y.semesters) {
    await c.query('INSERT INTO semester (school_id, year_id, number, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5)', [schoolId, id, s.number, s.startsOn, s.endsOn]);
  }
  return id;
}

export async function classesOfYear(c: Client, schoolId: number, yearId: number) {
  const r = await c.query('SELECT id, grade::int AS grade, letter FROM school_class WHERE school_id = $1 AND year_id = $2', [schoolId, yearId]);
  return r.rows as { id: number; grade: number; letter: string }[];
}

export async function insertClass(c: Client, schoolId: number, yearId: number, k: { grade: number; letter: string; classTeacherId: number | null }): Promise<number> {
  const r = await c.query(
    `INSERT INTO school_class (school_id, year_id, grade, letter, class_teacher_id)
     VALUES ($1, $2, $3, $4, (SELECT user_id FROM staff WHERE school_id = $1 AND user_id = $5 AND active)) RETURNING id`,
    [schoolId, yearId, k.grade, k.letter, k.classTeacherId],
  );
  return r.rows[0].id;
}

export async function insertEnrollments(c: Client, schoolId: number, fromDate: string, order: string, rows: { pupilId: number; classId: number }[]): Promise<void> {
  if (!rows.length) return;
  await c.query(
    `INSERT INTO enrollment (school_id, pupil_id, class_id, from_date, arrival_order)
     SELECT $1, p, k, $2, $3 FROM unnest($4::int[], $5::int[]) AS t(p, k)`,
    [schoolId, fromDate, order, rows.map((r) => r.pupilId), rows.map((r) => r.classId)],
  );
}

export async function insertPromotions(
  c: Client,
  schoolId: number,
  x: { fromYearId: number; toYearId: number; order: string; userId: number },
  rows: { pupilId: number; fromClassId: number; toClassId: number | null; outcome: string }[],
): Promise<void> {
  await c.query(
    `INSERT INTO promotion (school_id, from_year_id, to_year_id, pupil_id, from_class_id, to_class_id, outcome, order_ref, applied_by)
     SELECT $1, $2, $3, p, fk, tk, o, $4, $5 FROM unnest($6::int[], $7::int[], $8::int[], $9::text[]) AS t(p, fk, tk, o)`,
    [schoolId, x.fromYearId, x.toYearId, x.order, x.userId, rows.map((r) => r.pupilId), rows.map((r) => r.fromClassId), rows.map((r) => r.toClassId), rows.map((r) => r.outcome)],
  );
}
