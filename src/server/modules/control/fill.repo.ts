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
 * lessons, $6 time zone, $7-$10 page/teacher/class/subject filters):
 * pg the pages of the years overlapping the period; pl the planned lessons (scheduled, not
 * cancelled, in the period) with what each has; lastn/win/roster/marked the marks density over
 * each page's last N lessons; due/sumexp the summative marks due by the period's end.
 */
const CORE = `
pg AS (
  SELECT jp.school_id, jp.id, jp.class_id, jp.group_id, jp.subject_id, jp.teacher_id, jp.year_id, jp.scale_code, k.grade
  FROM journal_page jp
  JOIN school_year y ON y.school_id = jp.school_id AND y.id = jp.year_id
  JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
  WHERE jp.school_id = ANY($1::int[]) AND y.starts_on <= $3::date AND y.ends_on >= $2::date
    AND ($7::int IS NULL OR jp.id = $7::int) AND ($8::int IS NULL OR jp.teacher_id = $8::int)
    AND ($9::int IS NULL OR jp.class_id = $9::int) AND ($10::int IS NULL OR jp.subject_id = $10::int)
),
pl AS (
  SELECT l.school_id, l.page_id, l.id, l.lesson_date, l.period, l.first_entry_at,
         (l.topic <> '' OR l.homework <> '' OR l.attendance_taken
          OR EXISTS (SELECT 1 FROM journal_cell jc WHERE jc.school_id = l.school_id AND jc.lesson_id = l.id AND (jc.mark <> '' OR jc.absent))) AS held,
         l.topic <> '' AS has_topic,
         pg.grade >= 3 AS hw_expected,
         l.homework <> '' AS has_hw,
         l.attendance_taken AS att,
         (l.first_entry_at IS NOT NULL AND (l.first_entry_at AT TIME ZONE $6::text)::date <= l.lesson_date + $4::int) AS on_time
  FROM pg JOIN lesson l ON l.school_id = pg.school_id AND l.page_id = pg.id
  WHERE l.lesson_date BETWEEN $2::date AND $3::date AND NOT l.cancelled AND l.kind = 'scheduled'
),
lastn AS (
  SELECT pg.school_id, pg.id AS page_id, x.id AS lesson_id, x.lesson_date
  FROM pg CROSS JOIN LATERAL (
    SELECT l.id, l.lesson_date FROM lesson l
    WHERE l.school_id = pg.school_id AND l.page_id = pg.id AND NOT l.cancelled AND l.lesson_date <= $3::date
    ORDER BY l.lesson_date DESC, l.period DESC, l.id DESC LIMIT $5::int) x
  WHERE pg.scale_code <> 'verbal'
),
win AS (
  SELECT school_id, page_id, min(lesson_date) AS first_day FROM lastn GROUP BY school_id, page_id HAVING count(*) = $5::int
),
roster AS (
  SELECT DISTINCT pg.school_id, pg.id AS page_id, e.pupil_id
  FROM win w JOIN pg ON pg.school_id = w.school_id AND pg.id = w.page_id
  ${ON_PAGE('pg', 'w.first_day')} AND (e.to_date IS NULL OR e.to_date >= $3::date)
),
marked AS (
  SELECT DISTINCT n.school_id, n.page_id, jc.pupil_id
  FROM lastn n JOIN journal_cell jc ON jc.school_id = n.school_id AND jc.lesson_id = n.lesson_id AND jc.mark <> ''
),
due AS (
  SELECT sc.school_id, sc.page_id, sc.id AS column_id, sc.title, sc.position,
         CASE sc.kind WHEN 'thematic' THEN sc.after_date WHEN 'semester' THEN sem.ends_on ELSE yl.last_day END AS due_on
  FROM pg
  JOIN summary_column sc ON sc.school_id = pg.school_id AND sc.page_id = pg.id AND sc.kind IN ('thematic', 'semester', 'annual')
  LEFT JOIN semester sem ON sem.school_id = pg.school_id AND sem.year_id = pg.year_id AND sem.number = sc.semester
  LEFT JOIN LATERAL (SELECT max(s2.ends_on) AS last_day FROM semester s2 WHERE s2.school_id = pg.school_id AND s2.year_id = pg.year_id) yl ON true
  WHERE pg.scale_code <> 'verbal'
),
sumexp AS (
  SELECT DISTINCT d.school_id, d.page_id, d.column_id, d.title, d.position, d.due_on, e.pupil_id,
         EXISTS (SELECT 1 FROM summary_mark sm WHERE sm.school_id = d.school_id AND sm.column_id = d.column_id
                 AND sm.pupil_id = e.pupil_id AND sm.mark <> '') AS present
  FROM due d JOIN pg ON pg.school_id = d.school_id AND pg.id = d.page_id
  ${ON_PAGE('pg', 'd.due_on')}
  WHERE d.due_on IS NOT NULL AND d.due_on + $4::int <= $3::date
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
     ls AS (
       SELECT school_id, page_id, count(*)::int AS planned, count(*) FILTER (WHERE held)::int AS held,
              count(*) FILTER (WHERE has_topic)::int AS with_topic, count(*) FILTER (WHERE hw_expected)::int AS hw_expected,
              count(*) FILTER (WHERE hw_expected AND has_hw)::int AS with_hw, count(*) FILTER (WHERE att)::int AS with_att,
              count(*) FILTER (WHERE on_time)::int AS on_time
       FROM pl GROUP BY school_id, page_id
     ),
     ds AS (
       SELECT r.school_id, r.page_id, count(*)::int AS pupils, count(*) FILTER (WHERE m.pupil_id IS NULL)::int AS without
       FROM roster r LEFT JOIN marked m ON m.school_id = r.school_id AND m.page_id = r.page_id AND m.pupil_id = r.pupil_id
       GROUP BY r.school_id, r.page_id
     ),
     ss AS (
       SELECT school_id, page_id, count(*)::int AS expected, count(*) FILTER (WHERE present)::int AS present
       FROM sumexp GROUP BY school_id, page_id
     )
     SELECT pg.school_id AS "schoolId", pg.id AS "pageId", ${PAGE_LABEL} AS "pageLabel",
            pg.class_id AS "classId", k.grade || '-' || k.letter AS "classLabel", pg.grade::int AS grade,
            pg.subject_id AS "subjectId", s.name AS "subjectName", pg.teacher_id AS "teacherId", ${TEACHER_NAME} AS "teacherName",
            COALESCE(ls.planned, 0) AS planned, COALESCE(ls.held, 0) AS held, COALESCE(ls.with_topic, 0) AS "withTopic",
            COALESCE(ls.hw_expected, 0) AS "homeworkExpected", COALESCE(ls.with_hw, 0) AS "withHomework",
            COALESCE(ls.with_att, 0) AS "withAttendance", COALESCE(ls.on_time, 0) AS "onTime",
            COALESCE(ds.pupils, 0) AS pupils, COALESCE(ds.without, 0) AS "pupilsWithoutRecentMark",
            COALESCE(ss.expected, 0) AS "summativeExpected", COALESCE(ss.present, 0) AS "summativePresent"
     FROM pg
     LEFT JOIN ls ON ls.school_id = pg.school_id AND ls.page_id = pg.id
     LEFT JOIN ds ON ds.school_id = pg.school_id AND ds.page_id = pg.id
     LEFT JOIN ss ON ss.school_id = pg.school_id AND ss.page_id = pg.id
     ${LABELS}
     WHERE ls.planned > 0 OR ds.pupils > 0 OR ss.expected > 0
     ORDER BY pg.school_id, k.grade, k.letter, s.name, pg.id`,
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
       SELECT 'no_recent_mark', r.school_id, r.page_id, NULL, NULL, 0, r.pupil_id, NULL, NULL, NULL, 0
       FROM roster r
       WHERE NOT EXISTS (SELECT 1 FROM marked m WHERE m.school_id = r.school_id AND m.page_id = r.page_id AND m.pupil_id = r.pupil_id)
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
     JOIN pg ON pg.school_id = gaps.school_id AND pg.id = gaps.page_id
     ${LABELS}
     LEFT JOIN pupil p ON p.school_id = gaps.school_id AND p.id = gaps.pupil_id
     WHERE $11::text IS NULL OR gaps.kind = $11::text
     ORDER BY gaps.day NULLS LAST, gaps.period, k.grade, k.letter, s.name, gaps.page_id, gaps.pos, gaps.column_id, p.last_name, p.first_name, gaps.kind
     LIMIT $12::int`,
    [...scopeParams(scope), kind ?? null, limit],
  );
  return r.rows;
}
