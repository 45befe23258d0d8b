/**
 * SQL fragments of the fill computation, CTEs over $1 school ids, $2 from, $3 effective to,
 * $4 timeliness days, $5 density lessons, $6 time zone, $7-$10 page/teacher/class/subject filters,
 * $11 subjects without homework. PAGES (pg) comes first; the others build on it.
 */

/** Pupils on a page at a date: enrolled in its class then and, for a group page, members of the group. */
const ON_PAGE = (alias: string, day: string) => `
  JOIN enrollment e ON e.school_id = ${alias}.school_id AND e.class_id = ${alias}.class_id
   AND e.from_date <= ${day} AND (e.to_date IS NULL OR e.to_date >= ${day})
   AND (${alias}.group_id IS NULL OR EXISTS (SELECT 1 FROM group_member gm
        WHERE gm.school_id = ${alias}.school_id AND gm.group_id = ${alias}.group_id AND gm.pupil_id = e.pupil_id))`;

/**
 * pg: the pages of the years overlapping the period. `args` names every parameter with its type,
 * so a query that uses only some fragments still binds all eleven.
 */
export const ARGS = `args AS (SELECT $1::int[], $2::date, $3::date, $4::int, $5::int, $6::text, $7::int, $8::int, $9::int, $10::int, $11::text[])`;

export const PAGES = `
${ARGS},
pg AS (
  SELECT jp.school_id, jp.id, jp.class_id, jp.group_id, jp.subject_id, jp.teacher_id, jp.year_id, jp.scale_code, k.grade,
         k.grade >= 3 AND lower(sj.name) <> ALL($11::text[]) AS hw_expected
  FROM journal_page jp
  JOIN school_year y ON y.school_id = jp.school_id AND y.id = jp.year_id
  JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
  JOIN subject sj ON sj.school_id = jp.school_id AND sj.id = jp.subject_id
  WHERE jp.school_id = ANY($1::int[]) AND y.starts_on <= $3::date AND y.ends_on >= $2::date
    AND ($7::int IS NULL OR jp.id = $7::int) AND ($8::int IS NULL OR jp.teacher_id = $8::int)
    AND ($9::int IS NULL OR jp.class_id = $9::int) AND ($10::int IS NULL OR jp.subject_id = $10::int)
)`;

/** pl: the planned lessons (scheduled, not cancelled, in the period) with what each has. */
export const LESSONS = `
pl AS (
  SELECT l.school_id, l.page_id, l.id, l.lesson_date, l.period, l.first_entry_at,
         (l.topic <> '' OR l.homework <> '' OR l.attendance_taken
          OR EXISTS (SELECT 1 FROM journal_cell jc WHERE jc.school_id = l.school_id AND jc.lesson_id = l.id AND ((jc.mark <> '' AND NOT jc.tentative) OR jc.absent))) AS held,
         l.topic <> '' AS has_topic,
         pg.hw_expected,
         l.homework <> '' AS has_hw,
         l.attendance_taken AS att,
         (l.first_entry_at IS NOT NULL AND (l.first_entry_at AT TIME ZONE $6::text)::date <= l.lesson_date + $4::int) AS on_time
  FROM pg JOIN lesson l ON l.school_id = pg.school_id AND l.page_id = pg.id
  WHERE l.lesson_date BETWEEN $2::date AND $3::date AND NOT l.cancelled AND l.kind = 'scheduled'
)`;

/** lastn/win: each page's last N lessons up to the period's end (pages with fewer are not counted). */
export const LASTN = `
lastn AS (
  SELECT pg.school_id, pg.id AS page_id, pg.class_id, pg.group_id, x.id AS lesson_id, x.lesson_date
  FROM pg CROSS JOIN LATERAL (
    SELECT l.id, l.lesson_date FROM lesson l
    WHERE l.school_id = pg.school_id AND l.page_id = pg.id AND NOT l.cancelled AND l.lesson_date <= $3::date
    ORDER BY l.lesson_date DESC, l.period DESC, l.id DESC LIMIT $5::int) x
  WHERE pg.scale_code <> 'verbal'
),
win AS (
  SELECT school_id, page_id, class_id, group_id, min(lesson_date) AS first_day, array_agg(lesson_id) AS lessons FROM lastn
  GROUP BY school_id, page_id, class_id, group_id HAVING count(*) = $5::int
)`;

/** roster/density: the pupils on each page for all its last N lessons, marked there or not (the drill-down's rows). */
export const DENSITY = `
-- one enrollment covers the whole window (enrollments of a class do not overlap), so no DISTINCT
roster AS (
  SELECT w.school_id, w.page_id, e.pupil_id
  FROM win w
  ${ON_PAGE('w', 'w.first_day')} AND (e.to_date IS NULL OR e.to_date >= $3::date)
),
-- one row per pupil on the roster and per pupil marked in the last N lessons, grouped: no join
-- between two estimated sets, so the planner cannot pick a nested loop over them
density AS (
  SELECT school_id, page_id, pupil_id, bool_or(marked) AS marked, bool_or(NOT marked) AS on_roster
  FROM (
    SELECT school_id, page_id, pupil_id, false AS marked FROM roster
    UNION ALL
    SELECT n.school_id, n.page_id, jc.pupil_id, true
    FROM lastn n JOIN journal_cell jc ON jc.school_id = n.school_id AND jc.lesson_id = n.lesson_id AND jc.mark <> '' AND NOT jc.tentative
  ) x
  GROUP BY school_id, page_id, pupil_id
)`;

/** ysem/ywin/due: the summative columns due by the period's end, since the previous semester ended. */
export const SUMMATIVE = `
-- per year: the last day (annual marks are due then) and where the weekly view of summative marks
-- starts: the end of the previous semester (in semester 2 the semester-1 marks are still checked,
-- its thematic columns no longer), or the year's beginning in semester 1
ysem AS (
  SELECT school_id, year_id, max(ends_on) AS last_day, max(starts_on) FILTER (WHERE starts_on <= $3::date) AS cur_start
  FROM semester WHERE school_id = ANY($1::int[]) GROUP BY school_id, year_id
),
ywin AS (
  SELECT y.school_id, y.year_id, y.last_day,
         COALESCE((SELECT max(s.ends_on) FROM semester s
                   WHERE s.school_id = y.school_id AND s.year_id = y.year_id AND s.starts_on < y.cur_start), '-infinity'::date) AS window_start
  FROM ysem y
),
-- materialized: the columns due are found first, and only then matched with the pupils on the page
due AS MATERIALIZED (
  SELECT * FROM (
    SELECT sc.school_id, sc.page_id, pg.class_id, pg.group_id, sc.id AS column_id,
           CASE sc.kind WHEN 'thematic' THEN sc.after_date WHEN 'semester' THEN sem.ends_on ELSE yl.last_day END AS due_on,
           yl.window_start
    FROM pg
    JOIN summary_column sc ON sc.school_id = pg.school_id AND sc.page_id = pg.id AND sc.kind IN ('thematic', 'semester', 'annual')
    LEFT JOIN semester sem ON sem.school_id = pg.school_id AND sem.year_id = pg.year_id AND sem.number = sc.semester
    LEFT JOIN ywin yl ON yl.school_id = pg.school_id AND yl.year_id = pg.year_id
    WHERE pg.scale_code <> 'verbal'
  ) c
  WHERE c.due_on IS NOT NULL AND c.due_on + $4::int <= $3::date AND c.due_on >= COALESCE(c.window_start, '-infinity'::date)
)`;

/** sumexp: each pupil due a summative mark, and whether it is there (the drill-down's rows). */
export const SUMEXP = `
-- as for the roster: one enrollment covers a date, so each pupil comes once per column
sumexp AS (
  SELECT d.school_id, d.page_id, d.column_id, d.due_on, e.pupil_id,
         EXISTS (SELECT 1 FROM summary_mark sm WHERE sm.school_id = d.school_id AND sm.column_id = d.column_id
                 AND sm.pupil_id = e.pupil_id AND sm.mark <> '') AS present
  FROM due d
  ${ON_PAGE('d', 'd.due_on')}
)`;

/** Labels of a page, its class, subject and teacher (aliases jp-less: pg, k, s, g, u). */
export const LABELS = `
  JOIN school_class k ON k.school_id = pg.school_id AND k.id = pg.class_id
  JOIN subject s ON s.school_id = pg.school_id AND s.id = pg.subject_id
  LEFT JOIN class_group g ON g.school_id = pg.school_id AND g.id = pg.group_id
  LEFT JOIN app_user u ON u.id = pg.teacher_id`;
export const PAGE_LABEL = `k.grade || '-' || k.letter || ' ' || s.name || COALESCE(' (' || g.name || ')', '')`;
export const TEACHER_NAME = `COALESCE(trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name), '')`;

