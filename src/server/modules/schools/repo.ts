import type { Client } from '../../db/tenancy.js';

/** The school and its current (latest open, else latest) school year with semesters. */
export async function schoolWithYear(c: Client, schoolId: number) {
  const r = await c.query(
    `SELECT s.id, s.name, s.short_name AS "shortName", s.address,
            (SELECT json_build_object('id', y.id, 'name', y.name, 'startsOn', y.starts_on, 'endsOn', y.ends_on,
                     'status', y.status,
                     'semesters', (SELECT COALESCE(json_agg(json_build_object('number', m.number, 'startsOn', m.starts_on, 'endsOn', m.ends_on) ORDER BY m.number), '[]')
                                   FROM semester m WHERE m.school_id = y.school_id AND m.year_id = y.id))
             FROM school_year y WHERE y.school_id = s.id
             ORDER BY (y.status = 'open') DESC, y.starts_on DESC LIMIT 1) AS year
     FROM school s WHERE s.id = $1`,
    [schoolId],
  );
  return r.rows[0];
}

/** The schools of a city with counts only: no pupil is named. */
export async function citySchools(c: Client, cityId: number) {
  const r = await c.query(
    `SELECT ci.id AS "cityId", ci.name AS "cityName",
            COALESCE((SELECT json_agg(json_build_object(
               'id', s.id, 'name', s.name, 'shortName', s.short_name,
               'classes', (SELECT count(*) FROM school_class k JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id AND y.status = 'open' WHERE k.school_id = s.id),
               'pupils', (SELECT count(DISTINCT e.pupil_id) FROM enrollment e WHERE e.school_id = s.id AND e.from_date <= app_today() AND (e.to_date IS NULL OR e.to_date >= app_today())),
               'staff', (SELECT count(*) FROM staff st WHERE st.school_id = s.id AND st.active)) ORDER BY s.name)
             FROM school s WHERE s.city_id = ci.id), '[]') AS schools
     FROM city ci WHERE ci.id = $1`,
    [cityId],
  );
  return r.rows[0];
}
