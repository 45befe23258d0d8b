import type { Client } from '../../db/tenancy.js';
import { CONSENT_SCOPE } from './repo.js';

/** `cur`: the pupils enrolled today in a class of the open year, of the schools `schools` (SQL, int[]), with that class. */
export const enrolledToday = (schools: string) => `
  cur AS MATERIALIZED (
    SELECT DISTINCT ON (e.school_id, e.pupil_id) e.school_id, e.pupil_id, e.class_id
    FROM enrollment e
    JOIN school_class k ON k.school_id = e.school_id AND k.id = e.class_id
    JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id AND y.status = 'open'
    WHERE e.school_id = ANY(${schools}) AND e.from_date <= app_today() AND (e.to_date IS NULL OR e.to_date >= app_today())
    ORDER BY e.school_id, e.pupil_id, e.from_date DESC
  )`;

/** `latest`: each current guardian's latest answer about a pupil (given or withdrawn, and to which notice), of the schools `schools`. */
export const latestAnswers = (schools: string) => `
  latest AS MATERIALIZED (
    SELECT DISTINCT ON (cr.school_id, cr.pupil_id, cr.guardian_id) cr.school_id, cr.pupil_id, cr.guardian_id, cr.action, cr.notice_id
    FROM consent_record cr
    JOIN pupil_guardian pg ON pg.school_id = cr.school_id AND pg.pupil_id = cr.pupil_id AND pg.guardian_id = cr.guardian_id
    WHERE cr.school_id = ANY(${schools}) AND cr.scope = '${CONSENT_SCOPE}'
    ORDER BY cr.school_id, cr.pupil_id, cr.guardian_id, cr.id DESC
  )`;

/**
 * Per pupil enrolled today in a class of the open year, of the schools $1: whether the pupil has
 * valid consent (some current guardian's latest answer is "given") and whether someone withdrew.
 */
const CONSENT_STATUS = `${enrolledToday('$1::int[]')},${latestAnswers('$1::int[]')},
  st AS MATERIALIZED (
    SELECT cur.school_id, cur.pupil_id, cur.class_id,
           COALESCE(bool_or(l.action = 'given'), false) AS valid,
           COALESCE(bool_or(l.action = 'withdrawn'), false) AS withdrawn
    FROM cur LEFT JOIN latest l ON l.school_id = cur.school_id AND l.pupil_id = cur.pupil_id
    GROUP BY cur.school_id, cur.pupil_id, cur.class_id
  )`;

export interface DashboardRows {
  classes: { classId: number; label: string; total: number; consented: number }[];
  missing: { pupilId: number; lastName: string; firstName: string; classId: number; classLabel: string; withdrawn: boolean; guardians: number }[];
  /** pupils whose valid consent was given only to an older version of the notice */
  olderVersion: number;
}

/**
 * The whole dashboard of one school in one statement: every step is a set (each computed once,
 * MATERIALIZED, and joined by hash): pupils enrolled today in a class of the open year (only
 * classIds, when given), each guardian's latest answer, per pupil whether consent is valid and
 * whether it is to the current notice ($3), then the per-class counts, the missing pupils and
 * the count of consents to an older notice. Before, the counts and the list were two statements
 * and the guardians were counted by a subquery per missing pupil.
 */
export async function schoolDashboard(c: Client, schoolId: number, classIds: number[] | null, currentNoticeId: number): Promise<DashboardRows> {
  const r = await c.query(
    `WITH ${enrolledToday('ARRAY[$1::int]')},${latestAnswers('ARRAY[$1::int]')},
     per_pupil AS MATERIALIZED (
       SELECT pupil_id, bool_or(action = 'given') AS valid, bool_or(action = 'withdrawn') AS withdrawn,
              bool_or(action = 'given' AND notice_id = $3) AS current_notice
       FROM latest GROUP BY pupil_id
     ),
     st AS MATERIALIZED (
       SELECT cur.pupil_id, cur.class_id, COALESCE(pp.valid, false) AS valid, COALESCE(pp.withdrawn, false) AS withdrawn,
              COALESCE(pp.current_notice, false) AS current_notice
       FROM cur LEFT JOIN per_pupil pp ON pp.pupil_id = cur.pupil_id
       WHERE $2::int[] IS NULL OR cur.class_id = ANY($2::int[])
     ),
     classes AS MATERIALIZED (
       SELECT k.id, k.grade, k.letter, k.grade || '-' || k.letter AS label
       FROM school_class k JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id AND y.status = 'open'
       WHERE k.school_id = $1 AND ($2::int[] IS NULL OR k.id = ANY($2::int[]))
     ),
     counts AS (
       SELECT st.class_id, count(*)::int AS total, (count(*) FILTER (WHERE st.valid))::int AS consented FROM st GROUP BY st.class_id
     ),
     guardians AS MATERIALIZED (
       SELECT pg.pupil_id, count(*)::int AS n FROM pupil_guardian pg
       WHERE pg.school_id = $1 AND pg.pupil_id IN (SELECT pupil_id FROM st WHERE NOT valid) GROUP BY pg.pupil_id
     )
     SELECT
       (SELECT COALESCE(json_agg(json_build_object('classId', k.id, 'label', k.label, 'total', COALESCE(n.total, 0),
                                                   'consented', COALESCE(n.consented, 0)) ORDER BY k.grade, k.letter), '[]')
        FROM classes k LEFT JOIN counts n ON n.class_id = k.id) AS classes,
       (SELECT COALESCE(json_agg(json_build_object('pupilId', p.id, 'lastName', p.last_name, 'firstName', p.first_name,
                                                   'classId', k.id, 'classLabel', k.label, 'withdrawn', st.withdrawn,
                                                   'guardians', COALESCE(g.n, 0))), '[]')
        FROM st JOIN pupil p ON p.school_id = $1 AND p.id = st.pupil_id
        JOIN classes k ON k.id = st.class_id
        LEFT JOIN guardians g ON g.pupil_id = st.pupil_id
        WHERE NOT st.valid) AS missing,
       (SELECT count(*)::int FROM st WHERE st.valid AND NOT st.current_notice) AS "olderVersion"`,
    [schoolId, classIds, currentNoticeId],
  );
  return r.rows[0] as DashboardRows;
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
