import type { Client } from '../../db/tenancy.js';

/**
 * A fingerprint of the dashboard's inputs besides the journals, from cheap indexed aggregates:
 * remarks, consent answers and enrolments, staff roles, readiness rows, the city's settings and
 * today's date. Any change to them changes at least one part. The journals' changes are checked
 * against the fill log instead (control/fill.snapshot.ts fillChangedSince).
 */
export async function fingerprint(c: Client, cityId: number): Promise<string> {
  const r = await c.query<{ f: string }>(
    `WITH s AS (SELECT id FROM school WHERE city_id = $1)
     SELECT concat_ws('|',
       app_today()::text,
       (SELECT md5(COALESCE(settings::text, '')) FROM city WHERE id = $1),
       (SELECT count(*) || ':' || COALESCE(max(id), 0) FROM school WHERE city_id = $1),
       (SELECT count(*) || ':' || COALESCE(max(updated_at)::text, '') FROM control_remark WHERE school_id IN (SELECT id FROM s)),
       -- consent answers are append-only (a trigger refuses UPDATE and DELETE): the newest id per school says it all
       (SELECT COALESCE(sum(m), 0) FROM (SELECT (SELECT max(r.id) FROM consent_record r WHERE r.school_id = s.id) AS m FROM s) x),
       -- enrollments, guardians, staff and their roles: versions bumped by statement triggers (migration 060)
       (SELECT string_agg(table_name || ':' || version, ',' ORDER BY table_name) FROM monitoring_version),
       (SELECT count(*) || ':' || COALESCE(max(updated_at)::text, '') FROM readiness_measure WHERE school_id IN (SELECT id FROM s)),
       (SELECT count(*) || ':' || COALESCE(max(updated_at)::text, '') FROM readiness_inventory WHERE school_id IN (SELECT id FROM s)),
       (SELECT count(*) || ':' || COALESCE(max(updated_at)::text, '') FROM readiness_survey WHERE school_id IN (SELECT id FROM s))
     ) AS f`,
    [cityId],
  );
  return r.rows[0].f;
}

export async function cached(c: Client, cityId: number, quarter: string): Promise<{ fingerprint: string; snap: string | null; data: string } | undefined> {
  const r = await c.query('SELECT fingerprint, snap::text AS snap, data FROM monitoring_cache WHERE city_id = $1 AND quarter = $2', [cityId, quarter]);
  return r.rows[0];
}

export async function store(c: Client, cityId: number, quarter: string, fp: string, snap: string, data: string): Promise<void> {
  await c.query(
    `INSERT INTO monitoring_cache (city_id, quarter, fingerprint, snap, snap_xmin, data) VALUES ($1, $2, $3, $4::pg_snapshot, pg_snapshot_xmin($4::pg_snapshot), $5)
     ON CONFLICT (city_id, quarter) DO UPDATE
       SET fingerprint = excluded.fingerprint, snap = excluded.snap, snap_xmin = excluded.snap_xmin, data = excluded.data, computed_at = now()`,
    [cityId, quarter, fp, snap, data],
  );
}

/** Readiness aggregates per school of the city: counts only, never a teacher's name or answer. */
export async function readinessBySchool(c: Client, cityId: number) {
  const r = await c.query<{
    schoolId: number;
    measures: number;
    measuresDone: number;
    teachers: number;
    teacherComputers: number | null;
    classroomsWithComputer: number | null;
    classroomsTotal: number | null;
    network: string | null;
    internetMbps: number | null;
    answered: number;
    needTraining: number;
  }>(
    `SELECT s.id AS "schoolId",
       (SELECT count(*)::int FROM readiness_measure m WHERE m.school_id = s.id) AS measures,
       (SELECT count(*)::int FROM readiness_measure m WHERE m.school_id = s.id AND m.status = 'done') AS "measuresDone",
       (SELECT count(DISTINCT r.user_id)::int FROM staff_role r JOIN staff st ON st.school_id = r.school_id AND st.user_id = r.user_id AND st.active
          WHERE r.school_id = s.id AND r.role = 'teacher') AS teachers,
       i.teacher_computers AS "teacherComputers", i.classrooms_with_computer AS "classroomsWithComputer", i.classrooms_total AS "classroomsTotal",
       i.network, i.internet_mbps::float8 AS "internetMbps",
       (SELECT count(*)::int FROM readiness_survey rs JOIN school_year y ON y.school_id = rs.school_id AND y.id = rs.year_id AND y.status = 'open'
          WHERE rs.school_id = s.id) AS answered,
       (SELECT count(*)::int FROM readiness_survey rs JOIN school_year y ON y.school_id = rs.school_id AND y.id = rs.year_id AND y.status = 'open'
          WHERE rs.school_id = s.id AND rs.needs_training) AS "needTraining"
     FROM school s LEFT JOIN readiness_inventory i ON i.school_id = s.id
     WHERE s.city_id = $1`,
    [cityId],
  );
  return new Map(r.rows.map((x) => [x.schoolId, x]));
}
