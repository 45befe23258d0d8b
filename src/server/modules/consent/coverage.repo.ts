import type { Client } from '../../db/tenancy.js';
import { CONSENT_SCOPE } from './repo.js';

/**
 * Per pupil enrolled today in a class of the open year, of the schools $1: whether the pupil has
 * valid consent (some current guardian's latest answer is "given") and whether someone withdrew.
 */
const CONSENT_STATUS = `
  cur AS (
    SELECT DISTINCT ON (e.school_id, e.pupil_id) e.school_id, e.pupil_id, e.class_id
    FROM enrollment e
    JOIN school_class k ON k.school_id = e.school_id AND k.id = e.class_id
    JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id AND y.status = 'open'
    WHERE e.school_id = ANY($1::int[]) AND e.from_date <= app_today() AND (e.to_date IS NULL OR e.to_date >= app_today())
    ORDER BY e.school_id, e.pupil_id, e.from_date DESC
  ),
  latest AS (
    SELECT DISTINCT ON (cr.school_id, cr.pupil_id, cr.guardian_id) cr.school_id, cr.pupil_id, cr.action
    FROM consent_record cr
    JOIN pupil_guardian pg ON pg.school_id = cr.school_id AND pg.pupil_id = cr.pupil_id AND pg.guardian_id = cr.guardian_id
    WHERE cr.school_id = ANY($1::int[]) AND cr.scope = '${CONSENT_SCOPE}'
    ORDER BY cr.school_id, cr.pupil_id, cr.guardian_id, cr.id DESC
  ),
  st AS (
    SELECT cur.school_id, cur.pupil_id, cur.class_id,
           COALESCE(bool_or(l.action = 'given'), false) AS valid,
           COALESCE(bool_or(l.action = 'withdrawn'), false) AS withdrawn
    FROM cur LEFT JOIN latest l ON l.school_id = cur.school_id AND l.pupil_id = cur.pupil_id
    GROUP BY cur.school_id, cur.pupil_id, cur.class_id
  )`;

/** Consented and total pupils per class of the open year (all classes, or only classIds). */
export async function coverageByClass(c: Client, schoolId: number, classIds: number[] | null) {
  const r = await c.query(
    `WITH ${CONSENT_STATUS}
     SELECT k.id AS "classId", k.grade || '-' || k.letter AS label,
            count(st.pupil_id)::int AS total, count(st.pupil_id) FILTER (WHERE st.valid)::int AS consented
     FROM school_class k
     JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id AND y.status = 'open'
     LEFT JOIN st ON st.school_id = k.school_id AND st.class_id = k.id
     WHERE k.school_id = ANY($1::int[]) AND ($2::int[] IS NULL OR k.id = ANY($2::int[]))
     GROUP BY k.id, k.grade, k.letter ORDER BY k.grade, k.letter`,
    [[schoolId], classIds],
  );
  return r.rows as { classId: number; label: string; total: number; consented: number }[];
}

/** Pupils without valid consent, with their class and how many guardians they have. */
export async function missingConsent(c: Client, schoolId: number, classIds: number[] | null) {
  const r = await c.query(
    `WITH ${CONSENT_STATUS}
     SELECT p.id AS "pupilId", p.last_name AS "lastName", p.first_name AS "firstName", k.id AS "classId",
            k.grade || '-' || k.letter AS "classLabel", st.withdrawn,
            (SELECT count(*) FROM pupil_guardian pg WHERE pg.school_id = p.school_id AND pg.pupil_id = p.id)::int AS guardians
     FROM st
     JOIN pupil p ON p.school_id = st.school_id AND p.id = st.pupil_id
     JOIN school_class k ON k.school_id = st.school_id AND k.id = st.class_id
     WHERE NOT st.valid AND ($2::int[] IS NULL OR st.class_id = ANY($2::int[]))`,
    [[schoolId], classIds],
  );
  return r.rows as { pupilId: number; lastName: string; firstName: string; classId: number; classLabel: string; withdrawn: boolean; guardians: number }[];
}

/** Consented and total pupils per school of a city: counts only, never names. */
export async function coverageBySchool(c: Client, cityId: number) {
  const ids = (await c.query('SELECT COALESCE(array_agg(id), $2::int[]) AS ids FROM school WHERE city_id = $1', [cityId, []])).rows[0].ids;
  const r = await c.query(
    `WITH ${CONSENT_STATUS}
     SELECT s.id AS "schoolId", s.short_name AS "schoolName",
            count(st.pupil_id)::int AS total, count(st.pupil_id) FILTER (WHERE st.valid)::int AS consented
     FROM school s LEFT JOIN st ON st.school_id = s.id
     WHERE s.city_id = $2
     GROUP BY s.id, s.short_name ORDER BY s.short_name`,
    [ids, cityId],
  );
  return r.rows as { schoolId: number; schoolName: string; total: number; consented: number }[];
}
