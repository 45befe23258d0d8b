/**
 * Page counts of many periods at once (the city dashboard: a quarter and each of its weeks), with
 * the same arithmetic as pageCounts (fill.repo.ts) for each period, in one set of five statements
 * instead of five per period. Each statement reads its rows once for all periods:
 * - lessons: one scan of the union of the periods, grouped by page and segment (the periods cut
 *   the time into segments; each lesson is in one, a period adds up its own);
 * - last N lessons: one scan per page from its N-th last lesson before the earliest period end; a
 *   lesson's slot among the sorted period ends (width_bucket) and the slot of the lesson N places
 *   later say in which periods' windows it lies, so each marked cell is read once and its pupil
 *   gets a bit per period;
 * - summative columns: read once with their marks, the due ones picked per period in memory;
 * - pages and rosters: once.
 * JIT is off for these statements (compiling cost 277 ms of a 710 ms statement on the city).
 */
import { buildRosters, type DueRow, type PageRef, pupilsOnPage, summativeCounts } from './fill.compute.js';
import type { FillScope, PageCounts, Run } from './fill.repo.js';
import { LESSONS, PAGES } from './fill.sql.js';

/** A period of the computation: from, and its end clipped to yesterday. */
export interface CountPeriod {
  from: string;
  effectiveTo: string;
}

/** A marked cell, as in the single-period density (fill.repo.ts): a confirmed mark. */
const MARKED = `jc.mark <> '' AND NOT jc.tentative`;

/**
 * $12 the boundaries of the segments the periods cut the time into (every start and every day
 * after an end, sorted), $13 the distinct ends sorted, $14 the earliest end.
 */
const PERIODS = `pargs AS (SELECT $12::date[], $13::date[], $14::date)`;

const PAGES_SQL = `WITH ${PAGES}, ${PERIODS}
  SELECT pg.school_id AS "schoolId", pg.id AS "pageId", pg.class_id AS "classId", pg.group_id AS "groupId", pg.year_id AS "yearId",
         y.starts_on::text AS "yearFrom", y.ends_on::text AS "yearTo"
  FROM pg JOIN school_year y ON y.school_id = pg.school_id AND y.id = pg.year_id`;

/** Lesson counts per page and segment (a lesson is in one segment; a period adds up its segments). */
const LESSONS_SQL = `WITH ${PAGES}, ${LESSONS}, ${PERIODS}
  SELECT pl.school_id AS "schoolId", pl.page_id AS "pageId", width_bucket(pl.lesson_date, $12::date[]) AS segment,
         count(*)::int AS planned, count(*) FILTER (WHERE held)::int AS held,
         count(*) FILTER (WHERE has_topic)::int AS "withTopic", count(*) FILTER (WHERE hw_expected)::int AS "homeworkExpected",
         count(*) FILTER (WHERE hw_expected AND has_hw)::int AS "withHomework", count(*) FILTER (WHERE att)::int AS "withAttendance",
         count(*) FILTER (WHERE on_time)::int AS "onTime"
  FROM pl
  GROUP BY pl.school_id, pl.page_id, width_bucket(pl.lesson_date, $12::date[])`;

const ROSTERS_SQL = `WITH ${PAGES}, ${PERIODS}
  SELECT (SELECT COALESCE(json_agg(json_build_array(e.school_id, e.class_id, e.pupil_id, e.from_date, e.to_date)), '[]')
          FROM enrollment e WHERE e.school_id = ANY($1::int[]) AND (e.school_id, e.class_id) IN (SELECT school_id, class_id FROM pg))::text AS enrollments,
         (SELECT COALESCE(json_agg(json_build_array(gm.school_id, gm.group_id, gm.pupil_id)), '[]')
          FROM group_member gm WHERE gm.school_id = ANY($1::int[]) AND (gm.school_id, gm.group_id) IN (SELECT school_id, group_id FROM pg))::text AS members`;

/**
 * Per page: the first day of its last N lessons at each end (null when it had fewer), and each
 * pupil with a mark with a bit per end whose window holds that mark. Slots: a lesson's slot is the
 * number of ends before its day, so it lies in the window of end j (1-based) when
 * slot < j <= slot of the lesson N places later (or every later end when there is none).
 */
const DENSITY_SQL = `WITH ${PAGES}, ${PERIODS}
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

/** Summative columns of the pages that can be due at some end (their due day, year) with the pupils marked; semesters too. */
const DUE_SQL = `WITH ${PAGES}, ${PERIODS},
ylast AS (SELECT school_id, year_id, max(ends_on) AS last_day FROM semester WHERE school_id = ANY($1::int[]) GROUP BY school_id, year_id),
-- per year, where the summative window of the earliest end starts: the end of the semester before
-- the one begun by then (the window only moves forward, so a column due before it is never due)
cur AS (SELECT school_id, year_id, max(starts_on) AS starts_on FROM semester WHERE school_id = ANY($1::int[]) AND starts_on <= $14::date GROUP BY school_id, year_id),
wstart AS (
  SELECT s.school_id, s.year_id, max(s.ends_on) AS first_day
  FROM semester s JOIN cur ON cur.school_id = s.school_id AND cur.year_id = s.year_id AND s.starts_on < cur.starts_on
  GROUP BY s.school_id, s.year_id
),
cols AS (
  SELECT sc.school_id, sc.page_id, pg.year_id, sc.id AS column_id,
         CASE sc.kind WHEN 'thematic' THEN sc.after_date WHEN 'semester' THEN sem.ends_on ELSE yl.last_day END AS due_on
  FROM pg
  JOIN summary_column sc ON sc.school_id = pg.school_id AND sc.page_id = pg.id AND sc.kind IN ('thematic', 'semester', 'annual')
  LEFT JOIN semester sem ON sem.school_id = pg.school_id AND sem.year_id = pg.year_id AND sem.number = sc.semester
  LEFT JOIN ylast yl ON yl.school_id = pg.school_id AND yl.year_id = pg.year_id
  WHERE pg.scale_code <> 'verbal'
)
SELECT (SELECT COALESCE(json_agg(json_build_array(c.school_id, c.page_id, c.column_id, c.due_on, c.year_id,
          (SELECT COALESCE(json_agg(sm.pupil_id), '[]') FROM summary_mark sm
           WHERE sm.school_id = c.school_id AND sm.column_id = c.column_id AND sm.mark <> ''))), '[]')
        FROM cols c LEFT JOIN wstart w ON w.school_id = c.school_id AND w.year_id = c.year_id
        WHERE c.due_on IS NOT NULL AND c.due_on + $4::int <= $3::date AND c.due_on >= COALESCE(w.first_day, '-infinity'::date))::text AS data,
       (SELECT COALESCE(json_agg(json_build_array(s.school_id, s.year_id, s.starts_on, s.ends_on)), '[]')
        FROM semester s WHERE s.school_id = ANY($1::int[]))::text AS semesters`;

type Semester = [number, number, string, string];

/** Where the summative window of a year starts at an end: the end of the semester before the current one (as SUMMATIVE in fill.sql.ts). */
function windowStart(semesters: Semester[], end: string): string {
  const starts = semesters.filter((s) => s[2] <= end).map((s) => s[2]);
  if (!starts.length) return '';
  const cur = starts.sort().at(-1)!;
  const before = semesters.filter((s) => s[2] < cur).map((s) => s[3]);
  return before.length ? before.sort().at(-1)! : '';
}

/**
 * Page counts of each period, in the order given; the scope's from/effectiveTo are ignored (the
 * periods set them). Only the fields needed to roll up by school are filled besides the counts:
 * page labels, class, subject and teacher names are empty.
 */
export async function pageCountsByPeriod(run: Run, scope: Omit<FillScope, 'from' | 'effectiveTo'>, periods: CountPeriod[]): Promise<PageCounts[][]> {
  const live = periods.filter((p) => p.effectiveTo >= p.from);
  if (!live.length || !scope.schoolIds.length) return periods.map(() => []);
  const minFrom = live.map((p) => p.from).sort()[0];
  const ends = [...new Set(live.map((p) => p.effectiveTo))].sort();
  // a pupil's bits of the ends travel as a bigint in SQL and a number in JSON (exact below 2^53)
  if (ends.length > 52) throw new Error(`pageCountsByPeriod: ${ends.length} distinct period ends, at most 52`);
  const maxEnd = ends.at(-1)!;
  // segments: [b(k), b(k+1)) between consecutive boundaries; a period [from, to] is the segments
  // from the boundary of its start to the one of the day after its end
  const bounds = [...new Set(live.flatMap((p) => [p.from, addDays(p.effectiveTo, 1)]))].sort();
  const params = [
    scope.schoolIds,
    minFrom,
    maxEnd,
    scope.timelinessDays,
    scope.densityLessons,
    scope.timeZone,
    null,
    null,
    null,
    null,
    scope.homeworkFreeSubjects.map((x) => x.toLowerCase()),
    bounds,
    ends,
    ends[0],
  ];
  const query = (sql: string, schoolIds = scope.schoolIds) =>
    run(async (c) => {
      // big analytical statements: compiling them costs more than it saves (~280 ms measured)
      await c.query('SET LOCAL jit = off');
      return (await c.query(sql, [schoolIds, ...params.slice(1)])).rows;
    });
  // the marks statement is the longest (2.2 s of 3.4 s for 40 schools): for many schools it runs
  // in two halves side by side, so both cores work on it
  const halves = scope.schoolIds.length >= 8 ? [0, 1].map((h) => scope.schoolIds.filter((_, i) => i % 2 === h)) : [scope.schoolIds];
  const [pageRows, lessons, [rosterData], [due], ...densityParts] = await Promise.all([
    query(PAGES_SQL),
    query(LESSONS_SQL),
    query(ROSTERS_SQL),
    query(DUE_SQL),
    ...halves.map((ids) => query(DENSITY_SQL, ids)),
  ]);
  const rosters = buildRosters(JSON.parse(rosterData.enrollments), JSON.parse(rosterData.members));
  // every page by its position in pageRows: arrays, not maps of string keys, in the loops below
  const refs = pageRows as (PageRef & { yearFrom: string; yearTo: string })[];
  const indexOf = new Map<string, number>(refs.map((x, n) => [`${x.schoolId}:${x.pageId}`, n]));
  // per page: the first day of the window of each end (by its 1-based index), each marked pupil's bits
  const densityPages = densityParts
    .flatMap(([part]) => JSON.parse(part.data) as [number, number, [number, string][], [number, number][]][])
    .map(([school, page, firsts, marks]) => ({ n: indexOf.get(`${school}:${page}`) ?? -1, firsts: new Map(firsts), bits: new Map(marks) }));
  const semesters = new Map<string, Semester[]>();
  for (const s of JSON.parse(due.semesters) as Semester[]) {
    const key = `${s[0]}:${s[1]}`;
    semesters.set(key, [...(semesters.get(key) ?? []), s]);
  }
  // a summative column's counts do not depend on the period (pupils on the page at its due day):
  // counted once, when a period first finds it due
  const allPages = new Map<string, PageRef>(refs.map((x) => [`${x.schoolId}:${x.pageId}`, x]));
  const dues = (JSON.parse(due.data) as [number, number, number, string, number, number[]][]).map(([school, page, column, dueOn, year, marked]) => ({
    n: indexOf.get(`${school}:${page}`) ?? -1,
    key: `${school}:${page}`,
    yearKey: `${school}:${year}`,
    dueOn,
    dueBy: addDays(dueOn, scope.timelinessDays),
    row: [school, page, column, dueOn, marked] as DueRow,
    counts: undefined as { summativeExpected: number; summativePresent: number } | undefined,
  }));
  type LessonCounts = Pick<PageCounts, 'planned' | 'held' | 'withTopic' | 'homeworkExpected' | 'withHomework' | 'withAttendance' | 'onTime'>;
  const lessonsBy: (LessonCounts | undefined)[][] = refs.map(() => []);
  for (const { schoolId, pageId, segment, ...c } of lessons) {
    const n = indexOf.get(`${schoolId}:${pageId}`);
    if (n !== undefined) lessonsBy[n][segment] = c;
  }

  return periods.map((p) => {
    if (p.effectiveTo < p.from) return [];
    const end = p.effectiveTo;
    const j = ends.indexOf(end) + 1;
    // width_bucket numbers a day by the boundaries up to it: segment k starts at bounds[k - 1]
    const firstSegment = bounds.indexOf(p.from) + 1;
    const lastSegment = bounds.indexOf(addDays(end, 1));
    const bit = 2 ** (j - 1);
    // the pages of the school years that overlap this period, as PAGES selects them
    const inPeriod = refs.map((x) => x.yearFrom <= end && x.yearTo >= p.from);
    // as densityCounts (fill.compute.ts), reading each pupil's bit of this end
    const pupils = new Int32Array(refs.length);
    const without = new Int32Array(refs.length);
    for (const d of densityPages) {
      const first = d.firsts.get(j);
      if (first === undefined || d.n < 0 || !inPeriod[d.n]) continue;
      const roster = pupilsOnPage(rosters, refs[d.n], first, end);
      let w = 0;
      for (const pupil of roster) if (Math.floor((d.bits.get(pupil) ?? 0) / bit) % 2 === 0) w++;
      pupils[d.n] = roster.size;
      without[d.n] = w;
    }
    const starts = new Map<string, string>();
    const sumExpected = new Int32Array(refs.length);
    const sumPresent = new Int32Array(refs.length);
    for (const d of dues) {
      if (d.n < 0 || !inPeriod[d.n] || d.dueBy > end) continue;
      if (!starts.has(d.yearKey)) starts.set(d.yearKey, windowStart(semesters.get(d.yearKey) ?? [], end));
      if (d.dueOn < starts.get(d.yearKey)!) continue;
      d.counts ??= summativeCounts(rosters, allPages, [d.row]).get(d.key) ?? { summativeExpected: 0, summativePresent: 0 };
      sumExpected[d.n] += d.counts.summativeExpected;
      sumPresent[d.n] += d.counts.summativePresent;
    }
    const out: PageCounts[] = [];
    for (let n = 0; n < refs.length; n++) {
      if (!inPeriod[n]) continue;
      const l: LessonCounts = { planned: 0, held: 0, withTopic: 0, homeworkExpected: 0, withHomework: 0, withAttendance: 0, onTime: 0 };
      const segments = lessonsBy[n];
      for (let k = firstSegment; k <= lastSegment; k++) {
        const c = segments[k];
        if (!c) continue;
        l.planned += c.planned;
        l.held += c.held;
        l.withTopic += c.withTopic;
        l.homeworkExpected += c.homeworkExpected;
        l.withHomework += c.withHomework;
        l.withAttendance += c.withAttendance;
        l.onTime += c.onTime;
      }
      if (!(l.planned > 0 || pupils[n] > 0 || sumExpected[n] > 0)) continue;
      const x = refs[n];
      // one object of a fixed shape per page (140,000 of them for a city's quarter and weeks)
      out.push({
        schoolId: x.schoolId,
        pageId: x.pageId,
        pageLabel: '',
        classId: x.classId,
        classLabel: '',
        grade: 0,
        subjectId: 0,
        subjectName: '',
        teacherId: null,
        teacherName: '',
        ...l,
        pupils: pupils[n],
        pupilsWithoutRecentMark: without[n],
        summativeExpected: sumExpected[n],
        summativePresent: sumPresent[n],
      });
    }
    return out;
  });
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
