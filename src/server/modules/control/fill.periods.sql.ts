/**
 * The statements of the fill of many periods at once (fill.periods.ts), with the same arithmetic
 * as pageCounts (fill.repo.ts) for each period, in one set of statements instead of one set per
 * period. Each reads its rows once for all periods:
 * - lessons: grouped by page and segment (the periods and Mondays cut the time into segments;
 *   each lesson is in one, a period adds up its own);
 * - last N lessons: one scan per page from its N-th last lesson before the earliest period end; a
 *   lesson's slot among the sorted period ends (width_bucket) and the slot of the lesson N places
 *   later say in which periods' windows it lies, so each marked cell is read once and its pupil
 *   gets a bit per period (for one end, set-based);
 * - summative columns of the pages with their marks, whatever the ends;
 * - pages and rosters (with the semesters): once.
 * Parameters: those of fill.sql.ts ($1-$11), then $12 the segments' boundaries, $13 the distinct
 * period ends sorted, $14 the earliest end.
 */
import { ARGS, LESSONS, PAGES } from './fill.sql.js';

/** A marked cell, as in the single-period density (fill.repo.ts): a confirmed mark. */
const MARKED = `jc.mark <> '' AND NOT jc.tentative`;

/**
 * $12 the boundaries of the segments the periods cut the time into (every start and every day
 * after an end, sorted), $13 the distinct ends sorted, $14 the earliest end.
 */
const PERIODS = `pargs AS (SELECT $12::date[], $13::date[], $14::date)`;

export const PAGES_SQL = `WITH ${PAGES}, ${PERIODS}
  SELECT pg.school_id AS "schoolId", pg.id AS "pageId", pg.class_id AS "classId", pg.group_id AS "groupId", pg.year_id AS "yearId",
         y.starts_on::text AS "yearFrom", y.ends_on::text AS "yearTo"
  FROM pg JOIN school_year y ON y.school_id = pg.school_id AND y.id = pg.year_id`;

/** Lesson counts per page and segment (a lesson is in one segment; a period adds up its segments). */
export const LESSONS_SQL = `WITH ${PAGES}, ${LESSONS}, ${PERIODS}
  SELECT pl.school_id AS "schoolId", pl.page_id AS "pageId", width_bucket(pl.lesson_date, $12::date[]) AS segment,
         count(*)::int AS planned, count(*) FILTER (WHERE held)::int AS held,
         count(*) FILTER (WHERE has_topic)::int AS "withTopic", count(*) FILTER (WHERE hw_expected)::int AS "homeworkExpected",
         count(*) FILTER (WHERE hw_expected AND has_hw)::int AS "withHomework", count(*) FILTER (WHERE att)::int AS "withAttendance",
         count(*) FILTER (WHERE on_time)::int AS "onTime"
  FROM pl
  GROUP BY pl.school_id, pl.page_id, width_bucket(pl.lesson_date, $12::date[])`;

export const ROSTERS_SQL = `WITH ${PAGES}, ${PERIODS}
  SELECT (SELECT COALESCE(json_agg(json_build_array(e.school_id, e.class_id, e.pupil_id, e.from_date, e.to_date)), '[]')
          FROM enrollment e WHERE e.school_id = ANY($1::int[]) AND (e.school_id, e.class_id) IN (SELECT school_id, class_id FROM pg))::text AS enrollments,
         (SELECT COALESCE(json_agg(json_build_array(gm.school_id, gm.group_id, gm.pupil_id)), '[]')
          FROM group_member gm WHERE gm.school_id = ANY($1::int[]) AND (gm.school_id, gm.group_id) IN (SELECT school_id, group_id FROM pg))::text AS members,
         (SELECT COALESCE(json_agg(json_build_array(s.school_id, s.year_id, s.starts_on, s.ends_on)), '[]')
          FROM semester s WHERE s.school_id = ANY($1::int[]))::text AS semesters`;

/**
 * Per page: the first day of its last N lessons at each end (null when it had fewer), and each
 * pupil with a mark with a bit per end whose window holds that mark. Slots: a lesson's slot is the
 * number of ends before its day, so it lies in the window of end j (1-based) when
 * slot < j <= slot of the lesson N places later (or every later end when there is none).
 */
export const DENSITY_SQL = `WITH ${ARGS}, ${PERIODS},
-- the pages alone (PAGES joins classes and subjects for the lessons' figures; joined here, the
-- planner paired every class with every subject of a school first: 150 ms of 500)
pg AS MATERIALIZED (
  SELECT jp.school_id, jp.id, jp.scale_code FROM journal_page jp JOIN school_year y ON y.school_id = jp.school_id AND y.id = jp.year_id
  WHERE jp.school_id = ANY($1::int[]) AND y.starts_on <= $3::date AND y.ends_on >= $2::date AND jp.scale_code <> 'verbal'
)
SELECT COALESCE(json_agg(json_build_array(pg.school_id, pg.id, d.firsts, COALESCE(d.marks, '[]'))), '[]')::text AS data
FROM pg
-- where the page's numbering starts: its N-th last lesson before the earliest end
CROSS JOIN LATERAL (
  SELECT min(x.lesson_date) AS d0 FROM (
    SELECT l0.lesson_date FROM lesson l0
    WHERE l0.school_id = pg.school_id AND l0.page_id = pg.id AND NOT l0.cancelled AND l0.lesson_date <= $14::date
    ORDER BY l0.lesson_date DESC, l0.period DESC, l0.id DESC LIMIT $5::int) x
) s
-- page by page, so every step is small: its lessons, their windows, its marked cells by primary key
CROSS JOIN LATERAL (
  WITH lr AS (
    SELECT l.id AS lesson_id, l.lesson_date, width_bucket(l.lesson_date - 1, $13::date[]) AS slot,
           lead(width_bucket(l.lesson_date - 1, $13::date[]), $5::int - 1) OVER w AS slot_last,
           COALESCE(lead(width_bucket(l.lesson_date - 1, $13::date[]), $5::int) OVER w, cardinality($13::date[])) AS slot_next
    FROM lesson l
    WHERE l.school_id = pg.school_id AND l.page_id = pg.id AND NOT l.cancelled AND l.lesson_date <= $3::date
      AND l.lesson_date >= COALESCE(s.d0, '-infinity'::date)
    WINDOW w AS (ORDER BY l.lesson_date, l.period, l.id)
  )
  SELECT (SELECT json_agg(json_build_array(j, lr.lesson_date)) FROM lr CROSS JOIN LATERAL generate_series(lr.slot_last + 1, lr.slot_next) j
          WHERE lr.slot_last IS NOT NULL) AS firsts,
         (SELECT json_agg(json_build_array(m.pupil_id, m.bits)) FROM (
            SELECT jc.pupil_id, bit_or((1::bigint << lr.slot_next) - (1::bigint << lr.slot)) AS bits
            FROM lr JOIN journal_cell jc ON jc.school_id = pg.school_id AND jc.lesson_id = lr.lesson_id AND ${MARKED}
            WHERE lr.slot_next > lr.slot
            GROUP BY jc.pupil_id) m) AS marks
  -- OFFSET 0: kept as a subquery, so the windows' subquery runs once per page, not again for the WHERE
  OFFSET 0
) d
WHERE pg.scale_code <> 'verbal' AND d.firsts IS NOT NULL`;

/**
 * The same for one end (a new day's quarter and week, or any single period), set-based: each
 * page's last N lessons up to the end, and the pupils marked in them (~25% faster than the
 * windows above, and half the JSON). Rows: [school, page, first day, pupils marked].
 */
export const DENSITY_ONE_SQL = `WITH ${ARGS}, ${PERIODS},
pg AS MATERIALIZED (
  SELECT jp.school_id, jp.id FROM journal_page jp JOIN school_year y ON y.school_id = jp.school_id AND y.id = jp.year_id
  WHERE jp.school_id = ANY($1::int[]) AND y.starts_on <= $3::date AND y.ends_on >= $2::date AND jp.scale_code <> 'verbal'
),
lastn AS MATERIALIZED (
  SELECT pg.school_id, pg.id AS page_id, x.id AS lesson_id, x.lesson_date
  FROM pg CROSS JOIN LATERAL (
    SELECT l.id, l.lesson_date FROM lesson l
    WHERE l.school_id = pg.school_id AND l.page_id = pg.id AND NOT l.cancelled AND l.lesson_date <= $14::date
    ORDER BY l.lesson_date DESC, l.period DESC, l.id DESC LIMIT $5::int) x
),
win AS (SELECT school_id, page_id, min(lesson_date) AS first_day FROM lastn GROUP BY school_id, page_id HAVING count(*) = $5::int),
marks AS (
  SELECT n.school_id, n.page_id, array_agg(DISTINCT jc.pupil_id) AS pupils
  FROM lastn n JOIN journal_cell jc ON jc.school_id = n.school_id AND jc.lesson_id = n.lesson_id AND ${MARKED}
  GROUP BY n.school_id, n.page_id
)
SELECT COALESCE(json_agg(json_build_array(w.school_id, w.page_id, w.first_day, COALESCE(m.pupils, '{}'))), '[]')::text AS data
FROM win w LEFT JOIN marks m ON m.school_id = w.school_id AND m.page_id = w.page_id`;

/**
 * Summative columns of the pages (their due day, year) with the pupils marked, whatever the ends:
 * a column's counts do not depend on the period, so they are kept per school and year (FillParts)
 * and the columns due at each end are picked in memory.
 */
export const DUE_SQL = `WITH ${PAGES},
ylast AS (SELECT school_id, year_id, max(ends_on) AS last_day FROM semester WHERE school_id = ANY($1::int[]) GROUP BY school_id, year_id),
cols AS (
  SELECT sc.school_id, sc.page_id, pg.year_id, sc.id AS column_id,
         CASE sc.kind WHEN 'thematic' THEN sc.after_date WHEN 'semester' THEN sem.ends_on ELSE yl.last_day END AS due_on
  FROM pg
  JOIN summary_column sc ON sc.school_id = pg.school_id AND sc.page_id = pg.id AND sc.kind IN ('thematic', 'semester', 'annual')
  LEFT JOIN semester sem ON sem.school_id = pg.school_id AND sem.year_id = pg.year_id AND sem.number = sc.semester
  LEFT JOIN ylast yl ON yl.school_id = pg.school_id AND yl.year_id = pg.year_id
  WHERE pg.scale_code <> 'verbal'
)
SELECT COALESCE(json_agg(json_build_array(c.school_id, c.page_id, c.column_id, c.due_on, c.year_id,
          (SELECT COALESCE(json_agg(sm.pupil_id), '[]') FROM summary_mark sm
           WHERE sm.school_id = c.school_id AND sm.column_id = c.column_id AND sm.mark <> ''))), '[]')::text AS data
FROM cols c
WHERE c.due_on IS NOT NULL`;
