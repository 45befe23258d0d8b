import type { TGapKind } from '../../../shared/api/control.js';
import type { Client } from '../../db/tenancy.js';

/** What a fill computation looks at: schools, the period up to yesterday, the city's N, and optional narrowing. */
export interface FillScope {
  schoolIds: number[];
  from: string;
  /** the period's end, never later than yesterday */
  effectiveTo: string;
  timelinessDays: number;
  densityLessons: number;
  timeZone: string;
  /** subject names (any case) whose lessons expect no homework */
  homeworkFreeSubjects: string[];
  pageId?: number;
  teacherId?: number;
  classId?: number;
  subjectId?: number;
}

function scopeParams(s: FillScope): unknown[] {
  return [
    s.schoolIds,
    s.from,
    s.effectiveTo,
    s.timelinessDays,
    s.densityLessons,
    s.timeZone,
    s.pageId ?? null,
    s.teacherId ?? null,
    s.classId ?? null,
    s.subjectId ?? null,
    s.homeworkFreeSubjects.map((x) => x.toLowerCase()),
  ];
}

/** Pupils on a page at a date: enrolled in its class then and, for a group page, members of the group. */
const ON_PAGE = (alias: string, day: string) => `
  JOIN enrollment e ON e.school_id = ${alias}.school_id AND e.class_id = ${alias}.class_id
   AND e.from_date <= ${day} AND (e.to_date IS NULL OR e.to_date >= ${day})
   AND (${alias}.group_id IS NULL OR EXISTS (SELECT 1 FROM group_member gm
        WHERE gm.school_id = ${alias}.school_id AND gm.group_id = ${alias}.group_id AND gm.pupil_id = e.pupil_id))`;

/**
 * The set-based core ($1 school ids, $2 from, $3 effective to, $4 timeliness days, $5 density
 * lessons, $6 time zone, $7-$10 page/teacher/class/subject filters, $11 subjects without homework):
 * pg the pages of the years overlapping the period; pl the planned lessons (scheduled, not
 * cancelled, in the period) with what each has; lastn/win/roster/density the marks density over
 * each page's last N lessons; due/sumexp the summative marks due by the period's end.
 */
const CORE = `
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
),
pl AS (
  SELECT l.school_id, l.page_id, l.id, l.lesson_date, l.period, l.first_entry_at,
         (l.topic <> '' OR l.homework <> '' OR l.attendance_taken
          OR EXISTS (SELECT 1 FROM journal_cell jc WHERE jc.school_id = l.school_id AND jc.lesson_id = l.id AND (jc.mark <> '' OR jc.absent))) AS held,
         l.topic <> '' AS has_topic,
         pg.hw_expected,
         l.homework <> '' AS has_hw,
         l.attendance_taken AS att,
         (l.first_entry_at IS NOT NULL AND (l.first_entry_at AT TIME ZONE $6::text)::date <= l.lesson_date + $4::int) AS on_time
  FROM pg JOIN lesson l ON l.school_id = pg.school_id AND l.page_id = pg.id
  WHERE l.lesson_date BETWEEN $2::date AND $3::date AND NOT l.cancelled AND l.kind = 'scheduled'
),
lastn AS (
  SELECT pg.school_id, pg.id AS page_id, pg.class_id, pg.group_id, x.id AS lesson_id, x.lesson_date
  FROM pg CROSS JOIN LATERAL (
    SELECT l.id, l.lesson_date FROM lesson l
    WHERE l.school_id = pg.school_id AND l.page_id = pg.id AND NOT l.cancelled AND l.lesson_date <= $3::date
    ORDER BY l.lesson_date DESC, l.period DESC, l.id DESC LIMIT $5::int) x
  WHERE pg.scale_code <> 'verbal'
),
win AS (
  SELECT school_id, page_id, class_id, group_id, min(lesson_date) AS first_day FROM lastn
  GROUP BY school_id, page_id, class_id, group_id HAVING count(*) = $5::int
),
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
    FROM lastn n JOIN journal_cell jc ON jc.school_id = n.school_id AND jc.lesson_id = n.lesson_id AND jc.mark <> ''
  ) x
  GROUP BY school_id, page_id, pupil_id
),
ylast AS (
  SELECT school_id, year_id, max(ends_on) AS last_day FROM semester WHERE school_id = ANY($1::int[]) GROUP BY school_id, year_id
),
-- materialized: the columns due are found first, and only then matched with the pupils on the page
due AS MATERIALIZED (
  SELECT * FROM (
    SELECT sc.school_id, sc.page_id, pg.class_id, pg.group_id, sc.id AS column_id, sc.title, sc.position,
           CASE sc.kind WHEN 'thematic' THEN sc.after_date WHEN 'semester' THEN sem.ends_on ELSE yl.last_day END AS due_on
    FROM pg
    JOIN summary_column sc ON sc.school_id = pg.school_id AND sc.page_id = pg.id AND sc.kind IN ('thematic', 'semester', 'annual')
    LEFT JOIN semester sem ON sem.school_id = pg.school_id AND sem.year_id = pg.year_id AND sem.number = sc.semester
    LEFT JOIN ylast yl ON yl.school_id = pg.school_id AND yl.year_id = pg.year_id
    WHERE pg.scale_code <> 'verbal'
  ) c
  WHERE c.due_on IS NOT NULL AND c.due_on + $4::int <= $3::date
),
sumexp AS (
  SELECT DISTINCT d.school_id, d.page_id, d.column_id, d.title, d.position, d.due_on, e.pupil_id,
         EXISTS (SELECT 1 FROM summary_mark sm WHERE sm.school_id = d.school_id AND sm.column_id = d.column_id
                 AND sm.pupil_id = e.pupil_id AND sm.mark <> '') AS present
  FROM due d
  ${ON_PAGE('d', 'd.due_on')}
)`;

/** Labels of a page, its class, subject and teacher (aliases jp-less: pg, k, s, g, u). */
const LABELS = `
  JOIN school_class k ON k.school_id = pg.school_id AND k.id = pg.class_id
  JOIN subject s ON s.school_id = pg.school_id AND s.id = pg.subject_id
  LEFT JOIN class_group g ON g.school_id = pg.school_id AND g.id = pg.group_id
  LEFT JOIN app_user u ON u.id = pg.teacher_id`;
const PAGE_LABEL = `k.grade || '-' || k.letter || ' ' || s.name || COALESCE(' (' || g.name || ')', '')`;
const TEACHER_NAME = `COALESCE(trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name), '')`;

export interface PageCounts {
  schoolId: number;
  pageId: number;
  pageLabel: string;
  classId: number;
  classLabel: string;
  grade: number;
  subjectId: number;
  subjectName: string;
  teacherId: number | null;
  teacherName: string;
  planned: number;
  held: number;
  withTopic: number;
  homeworkExpected: number;
  withHomework: number;
  withAttendance: number;
  onTime: number;
  pupils: number;
  pupilsWithoutRecentMark: number;
  summativeExpected: number;
  summativePresent: number;
}

/** Every page's raw counts in one statement; pages with nothing expected in the period are left out. */
export async function pageCounts(c: Client, scope: FillScope): Promise<PageCounts[]> {
  const r = await c.query<PageCounts>(
    `WITH ${CORE},
     parts AS (
       SELECT school_id, page_id, count(*)::int AS planned, count(*) FILTER (WHERE held)::int AS held,
              count(*) FILTER (WHERE has_topic)::int AS with_topic, count(*) FILTER (WHERE hw_expected)::int AS hw_expected,
              count(*) FILTER (WHERE hw_expected AND has_hw)::int AS with_hw, count(*) FILTER (WHERE att)::int AS with_att,
              count(*) FILTER (WHERE on_time)::int AS on_time, 0 AS pupils, 0 AS without, 0 AS expected, 0 AS present
       FROM pl GROUP BY school_id, page_id
       UNION ALL
       SELECT school_id, page_id, 0, 0, 0, 0, 0, 0, 0,
              count(*) FILTER (WHERE on_roster)::int, count(*) FILTER (WHERE on_roster AND NOT marked)::int, 0, 0
       FROM density GROUP BY school_id, page_id
       UNION ALL
       SELECT school_id, page_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*)::int, count(*) FILTER (WHERE present)::int
       FROM sumexp GROUP BY school_id, page_id
     ),
     agg AS MATERIALIZED (
       SELECT school_id, page_id, sum(planned)::int AS planned, sum(held)::int AS held, sum(with_topic)::int AS with_topic,
              sum(hw_expected)::int AS hw_expected, sum(with_hw)::int AS with_hw, sum(with_att)::int AS with_att,
              sum(on_time)::int AS on_time, sum(pupils)::int AS pupils, sum(without)::int AS without,
              sum(expected)::int AS expected, sum(present)::int AS present
       FROM parts GROUP BY school_id, page_id
       HAVING sum(planned) > 0 OR sum(pupils) > 0 OR sum(expected) > 0
     )
     SELECT a.school_id AS "schoolId", a.page_id AS "pageId", ${PAGE_LABEL} AS "pageLabel",
            pg.class_id AS "classId", k.grade || '-' || k.letter AS "classLabel", k.grade::int AS grade,
            pg.subject_id AS "subjectId", s.name AS "subjectName", pg.teacher_id AS "teacherId", ${TEACHER_NAME} AS "teacherName",
            a.planned, a.held, a.with_topic AS "withTopic", a.hw_expected AS "homeworkExpected", a.with_hw AS "withHomework",
            a.with_att AS "withAttendance", a.on_time AS "onTime", a.pupils, a.without AS "pupilsWithoutRecentMark",
            a.expected AS "summativeExpected", a.present AS "summativePresent"
     FROM agg a
     JOIN journal_page pg ON pg.school_id = a.school_id AND pg.id = a.page_id
     ${LABELS}
     ORDER BY a.school_id, k.grade, k.letter, s.name, a.page_id`,
    scopeParams(scope),
  );
  return r.rows;
}

export interface GapRow {
  kind: TGapKind;
  schoolId: number;
  pageId: number;
  pageLabel: string;
  teacherId: number | null;
  teacherName: string;
  lessonId: number | null;
  date: string | null;
  pupilId: number | null;
  pupilName: string | null;
  columnId: number | null;
  columnTitle: string | null;
  enteredAt: string | null;
  total: number;
}

/** The exact missing entries behind the figures (one row per missing thing), oldest first. */
export async function gapRows(c: Client, scope: FillScope, kind: TGapKind | undefined, limit: number): Promise<GapRow[]> {
  const r = await c.query<GapRow>(
    `WITH ${CORE},
     gaps AS (
       SELECT v.kind, pl.school_id, pl.page_id, pl.id AS lesson_id, pl.lesson_date AS day, pl.period, NULL::int AS pupil_id,
              NULL::int AS column_id, NULL::text AS column_title, pl.first_entry_at AS entered_at, 0 AS pos
       FROM pl CROSS JOIN LATERAL (VALUES ('not_held', NOT pl.held), ('no_topic', NOT pl.has_topic),
              ('no_homework', pl.hw_expected AND NOT pl.has_hw), ('no_attendance', NOT pl.att), ('late_entry', NOT pl.on_time)) v(kind, missing)
       WHERE v.missing
       UNION ALL
       SELECT 'no_recent_mark', d.school_id, d.page_id, NULL, NULL, 0, d.pupil_id, NULL, NULL, NULL, 0
       FROM density d WHERE d.on_roster AND NOT d.marked
       UNION ALL
       SELECT 'summative_missing', x.school_id, x.page_id, NULL, x.due_on, 0, x.pupil_id, x.column_id, x.title, NULL, x.position
       FROM sumexp x WHERE NOT x.present
     )
     SELECT gaps.kind, gaps.school_id AS "schoolId", gaps.page_id AS "pageId", ${PAGE_LABEL} AS "pageLabel",
            pg.teacher_id AS "teacherId", ${TEACHER_NAME} AS "teacherName",
            gaps.lesson_id AS "lessonId", gaps.day AS date, gaps.pupil_id AS "pupilId",
            CASE WHEN p.id IS NULL THEN NULL ELSE p.last_name || ' ' || p.first_name END AS "pupilName",
            gaps.column_id AS "columnId", gaps.column_title AS "columnTitle", gaps.entered_at::text AS "enteredAt",
            count(*) OVER ()::int AS total
     FROM gaps
     JOIN journal_page pg ON pg.school_id = gaps.school_id AND pg.id = gaps.page_id
     ${LABELS}
     LEFT JOIN pupil p ON p.school_id = gaps.school_id AND p.id = gaps.pupil_id
     WHERE $12::text IS NULL OR gaps.kind = $12::text
     ORDER BY gaps.day NULLS LAST, gaps.period, k.grade, k.letter, s.name, gaps.page_id, gaps.pos, gaps.column_id, p.last_name, p.first_name, gaps.kind
     LIMIT $13::int`,
    [...scopeParams(scope), kind ?? null, limit],
  );
  return r.rows;
}
