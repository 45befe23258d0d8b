/**
 * Page counts of many periods at once (the city dashboard: a quarter and each of its weeks), with
 * the same arithmetic as pageCounts (fill.repo.ts) for each period: the statements of
 * fill.periods.sql.ts read the rows once for all periods, and the counts of each period are put
 * together here in memory. Parts kept between calls (fill.snapshot.ts) are read, not computed.
 * JIT is off for these statements (compiling cost 277 ms of a 710 ms statement on the city).
 */
import { buildRosters, type DueRow, type PageRef, pupilsOnPage, summativeCounts } from './fill.compute.js';
import type { FillScope, PageCounts, Run } from './fill.repo.js';
import { DENSITY_ONE_SQL, DENSITY_SQL, DUE_SQL, LESSONS_SQL, PAGES_SQL, ROSTERS_SQL } from './fill.periods.sql.js';
import { addDays } from './period.js';

/** A period of the computation: from, and its end clipped to yesterday. */
export interface CountPeriod {
  from: string;
  effectiveTo: string;
}

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
 * Lesson counts of a school's pages in a segment, 8 integers a page: page, planned, held,
 * withTopic, homeworkExpected, withHomework, withAttendance, onTime (flat, so ~150,000 pages of a
 * city's quarter are one typed array per segment rather than as many arrays).
 */
export type SegmentRows = Int32Array;
export const SEGMENT_ROW = 8;
/** A summative column's counts: [page, column, due day, pupils expected (on the page that day), pupils marked of them]. */
export type DueCount = [number, number, string, number, number];

/** A segment of the time the periods cut: [from, to], both inclusive. */
export type Segment = [string, string];

/**
 * Parts of the computation kept between calls (fill.snapshot.ts): the lesson counts of a school's
 * segment and the summative counts of a school's year, each read back while its inputs are
 * unchanged. Keys: `school:from:to` (the segment; the year's first and last day).
 */
export interface FillParts {
  lessons(schoolIds: number[], segments: Segment[]): Promise<Map<string, SegmentRows>>;
  due(schoolIds: number[]): Promise<Map<string, DueCount[]>>;
}

/** What was computed rather than read, for the caller to keep. */
export interface ComputedParts {
  lessons: { schoolId: number; from: string; to: string; rows: SegmentRows }[];
  due: { schoolId: number; from: string; to: string; rows: DueCount[] }[];
}

const NO_PARTS: FillParts = { lessons: async () => new Map(), due: async () => new Map() };

/**
 * Page counts of each period, in the order given; the scope's from/effectiveTo are ignored (the
 * periods set them). Only the fields needed to roll up by school are filled besides the counts:
 * page labels, class, subject and teacher names are empty. With `parts`, lesson counts of kept
 * segments and summative counts of kept years are read instead of computed; what was computed is
 * returned in `computed`.
 */
export async function pageCountsByPeriod(
  run: Run,
  scope: Omit<FillScope, 'from' | 'effectiveTo'>,
  periods: CountPeriod[],
  parts: FillParts = NO_PARTS,
): Promise<PageCounts[][] & { computed?: ComputedParts }> {
  const live = periods.filter((p) => p.effectiveTo >= p.from);
  if (!live.length || !scope.schoolIds.length) return periods.map(() => []);
  const minFrom = live.map((p) => p.from).sort()[0];
  const ends = [...new Set(live.map((p) => p.effectiveTo))].sort();
  // a pupil's bits of the ends travel as a bigint in SQL and a number in JSON (exact below 2^53)
  if (ends.length > 52) throw new Error(`pageCountsByPeriod: ${ends.length} distinct period ends, at most 52`);
  const maxEnd = ends.at(-1)!;
  // segments: [b(k), b(k+1)) between consecutive boundaries; a period [from, to] is the segments
  // from the boundary of its start to the one of the day after its end. Every Monday is a
  // boundary too, so the segments of a week stay the same from one day to the next (and are kept).
  const bounds = [...new Set([...live.flatMap((p) => [p.from, addDays(p.effectiveTo, 1)]), ...mondays(minFrom, maxEnd)])].sort();
  const segments: Segment[] = bounds.slice(1).map((b, k) => [bounds[k], addDays(b, -1)]);
  const params = (from: string, to: string) => [
    scope.schoolIds,
    from,
    to,
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
  const query = (sql: string, schoolIds = scope.schoolIds, range: [string, string] = [minFrom, maxEnd], count = 14) =>
    run(async (c) => {
      // big analytical statements: compiling them costs more than it saves (~280 ms measured)
      await c.query('SET LOCAL jit = off');
      return (await c.query(sql, [schoolIds, ...params(...range).slice(1, count)])).rows;
    });
  // the marks statement is the longest: for many schools it runs in two halves side by side, so
  // both cores work on it
  const halves = scope.schoolIds.length >= 8 ? [0, 1].map((h) => scope.schoolIds.filter((_, i) => i % 2 === h)) : [scope.schoolIds];
  // the kept parts are read first (a few ms), so what is missing is computed while the long
  // statements run: lesson counts of the segments from the first missing to the last (of the
  // schools missing any), summative counts of the school years missing (known from the pages)
  // the longest statements first: the pool has a few connections (2 x cores + 2), and a statement
  // that waits for one waits at the end of the queue
  const densityP = halves.map((ids) => settled(query(ends.length === 1 ? DENSITY_ONE_SQL : DENSITY_SQL, ids)));
  const pagesP = query(PAGES_SQL);
  const keptLessonsP = parts.lessons(scope.schoolIds, segments);
  const keptDueP = parts.due(scope.schoolIds);
  const lessonsP = keptLessonsP.then((kept) => {
    const missing = scope.schoolIds.flatMap((school) => segments.filter(([f, t]) => !kept.has(`${school}:${f}:${t}`)).map((seg) => ({ school, seg })));
    const schools = [...new Set(missing.map((m) => m.school))];
    const range: [string, string] = [missing.map((m) => m.seg[0]).sort()[0], missing.map((m) => m.seg[1]).sort().at(-1)!];
    return { schools, range, rows: settled(schools.length ? query(LESSONS_SQL, schools, range) : Promise.resolve([])) };
  });
  const dueP = Promise.all([pagesP, keptDueP]).then(([pageRows, kept]) => {
    const years = new Map<string, { schoolId: number; yearId: number; from: string; to: string }>();
    for (const x of pageRows) years.set(`${x.schoolId}:${x.yearFrom}:${x.yearTo}`, { schoolId: x.schoolId, yearId: x.yearId, from: x.yearFrom, to: x.yearTo });
    const schools = [...new Set([...years.entries()].filter(([key]) => !kept.has(key)).map(([, y]) => y.schoolId))];
    return { years, rows: settled(schools.length ? query(DUE_SQL, schools, [minFrom, maxEnd], 11) : Promise.resolve([])) };
  });
  const [pageRows, [rosterData], keptLessons, keptDue, missingLessons, missingDue, ...densityParts] = await Promise.all([
    pagesP,
    query(ROSTERS_SQL),
    keptLessonsP,
    keptDueP,
    lessonsP,
    dueP,
    ...densityP,
  ]);
  const [lessons, dueData] = await Promise.all([missingLessons.rows, missingDue.rows]);
  const { schools: lessonSchools, range } = missingLessons;
  const { years } = missingDue;
  const rosters = buildRosters(JSON.parse(rosterData.enrollments), JSON.parse(rosterData.members));
  // every page by its position in pageRows: arrays, not maps of string keys, in the loops below
  const refs = pageRows as (PageRef & { yearId: number; yearFrom: string; yearTo: string })[];
  const indexOf = new Map<number, number>(refs.map((x, n) => [pageKey(x.schoolId, x.pageId), n]));
  const semesters = new Map<string, Semester[]>();
  for (const s of JSON.parse(rosterData.semesters) as Semester[]) {
    const key = `${s[0]}:${s[1]}`;
    semesters.set(key, [...(semesters.get(key) ?? []), s]);
  }
  const computed: ComputedParts = { lessons: [], due: [] };

  // lesson counts by page and segment: computed where missing, kept otherwise
  type LessonCounts = Pick<PageCounts, 'planned' | 'held' | 'withTopic' | 'homeworkExpected' | 'withHomework' | 'withAttendance' | 'onTime'>;
  // page n's seven counts of segment k (1-based) at ((n * segments) + k - 1) * 7: one typed array,
  // not an object per page and segment (160,000 of them for a city's quarter)
  const COUNTS = SEGMENT_ROW - 1;
  const lessonsBy = new Int32Array(refs.length * segments.length * COUNTS);
  const freshRows = new Map<string, number[]>();
  for (const { schoolId, pageId, segment, ...c } of lessons) {
    const [f, t] = segments[segment - 1] ?? [];
    if (!f) continue;
    const key = `${schoolId}:${f}:${t}`;
    const list = freshRows.get(key) ?? [];
    if (!freshRows.has(key)) freshRows.set(key, list);
    list.push(pageId, c.planned, c.held, c.withTopic, c.homeworkExpected, c.withHomework, c.withAttendance, c.onTime);
  }
  for (const school of scope.schoolIds) {
    segments.forEach(([f, t], k) => {
      const key = `${school}:${f}:${t}`;
      let rows = keptLessons.get(key);
      if (!rows && lessonSchools.includes(school) && f >= range[0] && t <= range[1]) {
        rows = Int32Array.from(freshRows.get(key) ?? []);
        computed.lessons.push({ schoolId: school, from: f, to: t, rows });
      }
      if (!rows) return;
      for (let o = 0; o + SEGMENT_ROW <= rows.length; o += SEGMENT_ROW) {
        const n = indexOf.get(pageKey(school, rows[o]));
        if (n === undefined) continue;
        lessonsBy.set(rows.subarray(o + 1, o + SEGMENT_ROW), (n * segments.length + k) * COUNTS);
      }
    });
  }

  // summative counts by column: kept per school and year, or counted now on the rosters
  const allPages = new Map<string, PageRef>(refs.map((x) => [`${x.schoolId}:${x.pageId}`, x]));
  const freshDue = new Map<string, DueCount[]>();
  const yearKeyOf = new Map<string, string>([...years.entries()].map(([key, y]) => [`${y.schoolId}:${y.yearId}`, key]));
  for (const [school, page, column, dueOn, year, marked] of JSON.parse(dueData[0]?.data ?? '[]') as [number, number, number, string, number, number[]][]) {
    const key = yearKeyOf.get(`${school}:${year}`);
    if (!key) continue;
    const c = summativeCounts(rosters, allPages, [[school, page, column, dueOn, marked] as DueRow]).get(`${school}:${page}`) ?? { summativeExpected: 0, summativePresent: 0 };
    const list = freshDue.get(key) ?? [];
    if (!freshDue.has(key)) freshDue.set(key, list);
    list.push([page, column, dueOn, c.summativeExpected, c.summativePresent]);
  }
  // a due day and its N days later: a few hundred distinct days for ~40,000 columns
  const later = new Map<string, string>();
  const dueByOf = (day: string) => {
    const by = later.get(day) ?? addDays(day, scope.timelinessDays);
    later.set(day, by);
    return by;
  };
  const dues: { n: number; yearKey: string; dueOn: string; dueBy: string; expected: number; present: number }[] = [];
  for (const [key, y] of years) {
    let rows = keptDue.get(key);
    if (!rows) {
      rows = freshDue.get(key) ?? [];
      computed.due.push({ schoolId: y.schoolId, from: y.from, to: y.to, rows });
    }
    const yearKey = `${y.schoolId}:${y.yearId}`;
    for (const [page, , dueOn, expected, present] of rows) {
      const n = indexOf.get(pageKey(y.schoolId, page));
      if (n !== undefined) dues.push({ n, yearKey, dueOn, dueBy: dueByOf(dueOn), expected, present });
    }
  }

  // per page: the first day of the window of each end (by its 1-based index), each marked pupil's bits
  const densityPages =
    ends.length === 1
      ? densityParts
          .flatMap(([part]) => JSON.parse(part.data) as [number, number, string, number[]][])
          .map(([school, page, first, marked]) => ({ n: indexOf.get(pageKey(school, page)) ?? -1, firsts: new Map([[1, first]]), bits: new Map(marked.map((p) => [p, 1])) }))
      : densityParts
          .flatMap(([part]) => JSON.parse(part.data) as [number, number, [number, string][], [number, number][]][])
          .map(([school, page, firsts, marks]) => ({ n: indexOf.get(pageKey(school, page)) ?? -1, firsts: new Map(firsts), bits: new Map(marks) }));

  const byEnd = new Map<number, { pupils: Int32Array; without: Int32Array }>();
  const densityAt = (j: number, end: string) => {
    const kept = byEnd.get(j);
    if (kept) return kept;
    const bit = 2 ** (j - 1);
    const pupils = new Int32Array(refs.length);
    const without = new Int32Array(refs.length);
    for (const d of densityPages) {
      const first = d.firsts.get(j);
      if (first === undefined || d.n < 0) continue;
      const roster = pupilsOnPage(rosters, refs[d.n], first, end);
      let w = 0;
      for (const pupil of roster) if (Math.floor((d.bits.get(pupil) ?? 0) / bit) % 2 === 0) w++;
      pupils[d.n] = roster.size;
      without[d.n] = w;
    }
    byEnd.set(j, { pupils, without });
    return byEnd.get(j)!;
  };
  const out = periods.map((p) => {
    if (p.effectiveTo < p.from) return [];
    const end = p.effectiveTo;
    const j = ends.indexOf(end) + 1;
    // width_bucket numbers a day by the boundaries up to it: segment k starts at bounds[k - 1]
    const firstSegment = bounds.indexOf(p.from) + 1;
    const lastSegment = bounds.indexOf(addDays(end, 1));
    // the pages of the school years that overlap this period, as PAGES selects them
    const inPeriod = refs.map((x) => x.yearFrom <= end && x.yearTo >= p.from);
    // as densityCounts (fill.compute.ts), reading each pupil's bit of this end: once per end
    // (the quarter and its last week share theirs), then only the pages of this period's years
    const atEnd = densityAt(j, end);
    const pupils = atEnd.pupils.map((x, n) => (inPeriod[n] ? x : 0));
    const without = atEnd.without.map((x, n) => (inPeriod[n] ? x : 0));
    // summative columns due by this end (and its N days), within the window of this end's year
    const starts = new Map<string, string>();
    const sumExpected = new Int32Array(refs.length);
    const sumPresent = new Int32Array(refs.length);
    for (const d of dues) {
      if (!inPeriod[d.n] || d.dueBy > end) continue;
      if (!starts.has(d.yearKey)) starts.set(d.yearKey, windowStart(semesters.get(d.yearKey) ?? [], end));
      if (d.dueOn < starts.get(d.yearKey)!) continue;
      sumExpected[d.n] += d.expected;
      sumPresent[d.n] += d.present;
    }
    const counts: PageCounts[] = [];
    for (let n = 0; n < refs.length; n++) {
      if (!inPeriod[n]) continue;
      const l: LessonCounts = { planned: 0, held: 0, withTopic: 0, homeworkExpected: 0, withHomework: 0, withAttendance: 0, onTime: 0 };
      for (let k = firstSegment; k <= lastSegment; k++) {
        const o = (n * segments.length + k - 1) * COUNTS;
        l.planned += lessonsBy[o];
        l.held += lessonsBy[o + 1];
        l.withTopic += lessonsBy[o + 2];
        l.homeworkExpected += lessonsBy[o + 3];
        l.withHomework += lessonsBy[o + 4];
        l.withAttendance += lessonsBy[o + 5];
        l.onTime += lessonsBy[o + 6];
      }
      if (!(l.planned > 0 || pupils[n] > 0 || sumExpected[n] > 0)) continue;
      const x = refs[n];
      // one object of a fixed shape per page (140,000 of them for a city's quarter and weeks)
      counts.push({
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
    return counts;
  });
  return Object.assign(out, { computed });
}

/** A promise awaited later: its failure is reported there, not as an unhandled rejection meanwhile. */
function settled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** A page of a school as one number (page ids stay far below 10^9): map keys without building strings. */
const pageKey = (school: number, page: number) => school * 1_000_000_000 + page;

/** Every Monday in [from, to]. */
function mondays(from: string, to: string): string[] {
  const out: string[] = [];
  const d0 = new Date(`${from}T00:00:00Z`);
  let d = addDays(from, (8 - d0.getUTCDay()) % 7);
  while (d <= to) {
    out.push(d);
    d = addDays(d, 7);
  }
  return out;
}
