import type { TGapKind } from '../../../shared/api/control.js';
import type { Client } from '../../db/tenancy.js';
import { buildRosters, type DensityRow, type DueRow, densityCounts, type PageRef, summativeCounts } from './fill.compute.js';
import { DENSITY, LABELS, LASTN, LESSONS, PAGE_LABEL, PAGES, SUMEXP, SUMMATIVE, TEACHER_NAME } from './fill.sql.js';

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

/** Runs work in a transaction of its own (bound to a school or the system by the caller). */
export type Run = <T>(fn: (c: Client) => Promise<T>) => Promise<T>;

export const LABELS_SQL = `WITH ${PAGES}
  SELECT pg.school_id AS "schoolId", pg.id AS "pageId", ${PAGE_LABEL} AS "pageLabel",
         pg.class_id AS "classId", pg.group_id AS "groupId", k.grade || '-' || k.letter AS "classLabel", k.grade::int AS grade,
         pg.subject_id AS "subjectId", s.name AS "subjectName", pg.teacher_id AS "teacherId", ${TEACHER_NAME} AS "teacherName"
  FROM pg ${LABELS}
  ORDER BY pg.school_id, k.grade, k.letter, s.name, pg.id`;

const LESSONS_SQL = `WITH ${PAGES}, ${LESSONS}
  SELECT school_id AS "schoolId", page_id AS "pageId", count(*)::int AS planned, count(*) FILTER (WHERE held)::int AS held,
         count(*) FILTER (WHERE has_topic)::int AS "withTopic", count(*) FILTER (WHERE hw_expected)::int AS "homeworkExpected",
         count(*) FILTER (WHERE hw_expected AND has_hw)::int AS "withHomework", count(*) FILTER (WHERE att)::int AS "withAttendance",
         count(*) FILTER (WHERE on_time)::int AS "onTime"
  FROM pl GROUP BY school_id, page_id`;

/** Enrollments of the pages' classes and members of their groups, as one JSON text. */
const ROSTERS_SQL = `WITH ${PAGES}
  SELECT (SELECT COALESCE(json_agg(json_build_array(e.school_id, e.class_id, e.pupil_id, e.from_date, e.to_date)), '[]')
          FROM enrollment e WHERE e.school_id = ANY($1::int[]) AND (e.school_id, e.class_id) IN (SELECT school_id, class_id FROM pg))::text AS enrollments,
         (SELECT COALESCE(json_agg(json_build_array(gm.school_id, gm.group_id, gm.pupil_id)), '[]')
          FROM group_member gm WHERE gm.school_id = ANY($1::int[]) AND (gm.school_id, gm.group_id) IN (SELECT school_id, group_id FROM pg))::text AS members`;

/** Each page's last N lessons: their first day and the pupils with a mark in them. */
const DENSITY_DATA_SQL = `WITH ${PAGES}, ${LASTN}
  SELECT COALESCE(json_agg(json_build_array(w.school_id, w.page_id, w.first_day,
           (SELECT COALESCE(json_agg(DISTINCT jc.pupil_id), '[]') FROM journal_cell jc
            WHERE jc.school_id = w.school_id AND jc.lesson_id = ANY(w.lessons) AND jc.mark <> '' AND NOT jc.tentative))), '[]')::text AS data
  FROM win w`;

/** Each summative column due: its date and the pupils who have a mark in it. */
const DUE_DATA_SQL = `WITH ${PAGES}, ${SUMMATIVE}
  SELECT COALESCE(json_agg(json_build_array(d.school_id, d.page_id, d.column_id, d.due_on,
           (SELECT COALESCE(json_agg(sm.pupil_id), '[]') FROM summary_mark sm
            WHERE sm.school_id = d.school_id AND sm.column_id = d.column_id AND sm.mark <> ''))), '[]')::text AS data
  FROM due d`;

/** The labels of a scope's pages (classes, subjects, teachers): read fresh when the counts are kept. */
export async function pageLabels(run: Run, scope: FillScope): Promise<Omit<PageCounts, CountKey>[]> {
  return run(async (c) => (await c.query(LABELS_SQL, scopeParams(scope))).rows);
}

/** The counts of PageCounts, in the order they are kept (fill.snapshot.ts). */
export const COUNT_KEYS = [
  'planned',
  'held',
  'withTopic',
  'homeworkExpected',
  'withHomework',
  'withAttendance',
  'onTime',
  'pupils',
  'pupilsWithoutRecentMark',
  'summativeExpected',
  'summativePresent',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

const ZERO = { planned: 0, held: 0, withTopic: 0, homeworkExpected: 0, withHomework: 0, withAttendance: 0, onTime: 0, pupils: 0, pupilsWithoutRecentMark: 0, summativeExpected: 0, summativePresent: 0 };

/**
 * Every page's raw counts. Five statements run side by side (each in its own transaction): page
 * labels, lesson counts, and the compact data of the pupil-level parts, which fill.compute.ts
 * counts in memory. Pages with nothing expected in the period are left out.
 */
export async function pageCounts(run: Run, scope: FillScope): Promise<PageCounts[]> {
  const params = scopeParams(scope);
  const query = (sql: string) => run(async (c) => (await c.query(sql, params)).rows);
  const [labels, lessons, [rosterData], [density], [due]] = await Promise.all([
    query(LABELS_SQL),
    query(LESSONS_SQL),
    query(ROSTERS_SQL),
    query(DENSITY_DATA_SQL),
    query(DUE_DATA_SQL),
  ]);
  const pages = new Map<string, PageRef>(labels.map((p) => [`${p.schoolId}:${p.pageId}`, p as PageRef]));
  const rosters = buildRosters(JSON.parse(rosterData.enrollments), JSON.parse(rosterData.members));
  const parts = [
    new Map(lessons.map(({ schoolId, pageId, ...c }) => [`${schoolId}:${pageId}`, c])),
    densityCounts(rosters, pages, JSON.parse(density.data) as DensityRow[], scope.effectiveTo),
    summativeCounts(rosters, pages, JSON.parse(due.data) as DueRow[]),
  ];
  return labels.flatMap(({ groupId: _g, ...page }) => {
    const key = `${page.schoolId}:${page.pageId}`;
    const c = Object.assign({}, ZERO, ...parts.map((m) => m.get(key) ?? {}));
    if (!(c.planned > 0 || c.pupils > 0 || c.summativeExpected > 0)) return [];
    return [{ ...page, ...c } as PageCounts];
  });
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
    `WITH ${PAGES}, ${LESSONS}, ${LASTN}, ${DENSITY}, ${SUMMATIVE}, ${SUMEXP},
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
       SELECT 'summative_missing', x.school_id, x.page_id, NULL, x.due_on, 0, x.pupil_id, x.column_id, sc.title, NULL, sc.position
       FROM sumexp x JOIN summary_column sc ON sc.school_id = x.school_id AND sc.id = x.column_id
       WHERE NOT x.present
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
