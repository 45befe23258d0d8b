/**
 * Fill figures kept in fill_snapshot (migration 063), so the city's dashboard and the head's
 * analysis recompute only the schools, periods and parts whose inputs changed since they were
 * computed. Kept per school: the figures of a period (`fill`), its quality flags (`quality`), its
 * counts by page (`pages`, the analysis), the lesson counts by page of a segment of days
 * (`lessons`) and the summative counts by column of a school year (`due`).
 *
 * Invalidation: every write to lessons (and through them to cells), summary columns (and their
 * marks), pages, enrolments, groups, classes, subjects, years and semesters appends a row to
 * fill_dirty with its school, what changed, the day it touched (none: the whole school) and its
 * transaction id. A kept row holds the snapshot of the transaction that began computing it and is
 * stale when a log row of its school that this snapshot did not see reaches it (see
 * currentRows). The quality flags also count entries on lessons after today, so a day after today
 * makes them stale as well, and today is part of their key. The city's settings (weights, N,
 * subjects without homework) are part of every key.
 *
 * Kept rows are replaced, not added up: a period of the current week or quarter whose end moved
 * to a new yesterday is a new computation (from kept segments).
 */
import { createHash } from 'node:crypto';
import type { TFillSettings, TQualityCounts } from '../../../shared/api/control.js';
import type { Database } from '../../db/database.js';
import { type Client, todayOf, withSystem } from '../../db/tenancy.js';
import { COUNT_KEYS, type PageCounts, pageCounts, pageLabels, type Run } from './fill.repo.js';
import { type ComputedParts, type DueCount, type FillParts, pageCountsByPeriod, SEGMENT_ROW, type SegmentRows } from './fill.periods.js';
import { emptyFigures, rollUp, scopeOf, type TFillFigures } from './fill.service.js';
import { type ResolvedPeriod, resolvePeriod } from './period.js';
import { EMPTY_QUALITY, qualityCounts } from './quality.repo.js';
import { fillSettingsOfCity, SCHOOL_TIME_ZONE } from './settings.js';

type Kind = 'fill' | 'quality' | 'lessons' | 'due' | 'pages';

interface Wanted {
  schoolId: number;
  from: string;
  to: string;
  effectiveTo: string;
}

/** Snapshot rows kept longer than this are dropped, so the log behind them can be pruned. */
const KEEP_DAYS = 14;

function keyOf(settings: TFillSettings, extra = ''): string {
  return createHash('md5').update(JSON.stringify(settings)).update(`|${extra}`).digest('hex');
}

/** A log row the kept row's snapshot did not see. */
const UNSEEN = `d.xid >= f.snap_xmin AND NOT pg_visible_in_snapshot(d.xid, f.snap)`;

/** The stored figures still current, by `school:from:to`. */
async function currentRows(c: Client, kind: Kind, key: string, wanted: Wanted[], today: string): Promise<Map<string, unknown>> {
  if (!wanted.length) return new Map();
  const r = await c.query<{ schoolId: number; from: string; to: string; data: unknown; bin: string | null }>(
    `SELECT f.school_id AS "schoolId", f.period_from::text AS "from", f.period_to::text AS "to", f.data, encode(f.bin, 'base64') AS bin
     FROM fill_snapshot f
     JOIN unnest($3::int[], $4::date[], $5::date[], $6::date[]) AS w(school_id, period_from, period_to, effective_to)
       ON w.school_id = f.school_id AND w.period_from = f.period_from AND w.period_to = f.period_to AND w.effective_to = f.effective_to
     WHERE f.kind = $1 AND f.key = $2
       -- a log row this snapshot did not see (UNSEEN) that reaches the figures: for lesson counts,
       -- a day of their segment; for figures of a period, a day up to its end (for the quality
       -- flags also after today); rows of summary columns and whole schools (no day, or a
       -- thematic column's day) for everything but lesson counts, which only whole schools reach
       AND NOT EXISTS (
         SELECT 1 FROM fill_dirty d
         WHERE d.school_id = f.school_id AND $1 = 'lessons' AND d.source = 'l' AND d.day BETWEEN f.period_from AND f.effective_to AND ${UNSEEN})
       AND NOT EXISTS (
         SELECT 1 FROM fill_dirty d
         WHERE d.school_id = f.school_id AND $1 IN ('fill', 'pages', 'quality') AND d.day <= f.effective_to AND ${UNSEEN})
       AND NOT EXISTS (
         SELECT 1 FROM fill_dirty d
         WHERE d.school_id = f.school_id AND $1 = 'quality' AND d.day > $7::date AND ${UNSEEN})
       AND NOT EXISTS (
         SELECT 1 FROM fill_dirty d
         WHERE d.school_id = f.school_id AND d.source <> 'l' AND (d.source = 's' OR $1 <> 'lessons') AND ${UNSEEN})`,
    [kind, key, wanted.map((w) => w.schoolId), wanted.map((w) => w.from), wanted.map((w) => w.to), wanted.map((w) => w.effectiveTo), today],
  );
  return new Map(r.rows.map((x) => [`${x.schoolId}:${x.from}:${x.to}`, x.bin ? fromBinary(x.bin) : x.data]));
}

/**
 * Lesson counts (fill.periods.ts SegmentRows) as bytes: per page its id (32 bits) and the seven
 * counts (16 bits each; a segment is at most a week, so they stay small), little-endian; read
 * as base64 (hex, PostgreSQL's text form of bytea, doubled the ~3 MB a city's quarter needs).
 */
const ROW_BYTES = 4 + 7 * 2;

function toBinary(rows: SegmentRows): Buffer {
  const n = rows.length / SEGMENT_ROW;
  const out = Buffer.alloc(n * ROW_BYTES);
  for (let i = 0; i < n; i++) {
    out.writeInt32LE(rows[i * SEGMENT_ROW], i * ROW_BYTES);
    for (let k = 1; k < SEGMENT_ROW; k++) out.writeUInt16LE(Math.min(rows[i * SEGMENT_ROW + k], 0xffff), i * ROW_BYTES + 4 + (k - 1) * 2);
  }
  return out;
}

function fromBinary(base64: string): SegmentRows {
  const bin = Buffer.from(base64, 'base64');
  const n = Math.floor(bin.length / ROW_BYTES);
  const rows = new Int32Array(n * SEGMENT_ROW);
  for (let i = 0; i < n; i++) {
    rows[i * SEGMENT_ROW] = bin.readInt32LE(i * ROW_BYTES);
    for (let k = 1; k < SEGMENT_ROW; k++) rows[i * SEGMENT_ROW + k] = bin.readUInt16LE(i * ROW_BYTES + 4 + (k - 1) * 2);
  }
  return rows;
}

async function store(c: Client, kind: Kind, key: string, snap: string, rows: (Wanted & { data: unknown })[]): Promise<void> {
  if (!rows.length) return;
  const binary = kind === 'lessons';
  await c.query(
    `INSERT INTO fill_snapshot (school_id, kind, period_from, period_to, effective_to, key, snap, snap_xmin, data, bin)
     SELECT w.school_id, $1, w.period_from, w.period_to, w.effective_to, $2, $3::pg_snapshot, pg_snapshot_xmin($3::pg_snapshot), w.data, w.bin
     FROM unnest($4::int[], $5::date[], $6::date[], $7::date[], $8::jsonb[], $9::bytea[]) AS w(school_id, period_from, period_to, effective_to, data, bin)
     ON CONFLICT (school_id, kind, period_from, period_to) DO UPDATE
       SET effective_to = excluded.effective_to, key = excluded.key, snap = excluded.snap, snap_xmin = excluded.snap_xmin,
           data = excluded.data, bin = excluded.bin, computed_at = now()`,
    [
      kind,
      key,
      snap,
      rows.map((w) => w.schoolId),
      rows.map((w) => w.from),
      rows.map((w) => w.to),
      rows.map((w) => w.effectiveTo),
      rows.map((w) => (binary ? null : JSON.stringify(w.data))),
      rows.map((w) => (binary ? toBinary(w.data as SegmentRows) : null)),
    ],
  );
}

/**
 * Drops old snapshot rows, then the log rows every remaining snapshot has seen (those of
 * transactions that had ended before the oldest of them began).
 */
export async function prune(c: Client): Promise<void> {
  await c.query(`DELETE FROM fill_snapshot WHERE computed_at < now() - make_interval(days => $1)`, [KEEP_DAYS]);
  await c.query(`DELETE FROM monitoring_cache WHERE computed_at < now() - make_interval(days => $1)`, [KEEP_DAYS]);
  await c.query(
    `DELETE FROM fill_dirty
     WHERE xid < LEAST((SELECT min(snap_xmin) FROM fill_snapshot), (SELECT min(snap_xmin) FROM monitoring_cache),
                       pg_snapshot_xmin(pg_current_snapshot()))`,
  );
}

export interface CityFill {
  settings: TFillSettings;
  schools: { id: number; name: string }[];
  /** per period asked, every school of the city with its figures */
  fill: { schoolId: number; schoolName: string; figures: TFillFigures }[][];
  /** the quality flags of the first period asked, per school */
  quality: Map<number, TQualityCounts>;
  /** what was computed now rather than read: school-periods of fill, schools of quality */
  computed: { fill: number; quality: number; lessons: number; due: number };
}

/**
 * Fill figures of every school of a city for several periods (the first is the quarter), and the
 * quality flags of the first period: read from fill_snapshot where current, the rest computed
 * (all missing schools and periods in one set of statements) and stored.
 */
export async function cityFillSnapshot(db: Database, cityId: number, asked: { from: string; to: string }[]): Promise<CityFill | null> {
  const today = todayOf(db);
  const periods = asked.map((p) => resolvePeriod(today, p));
  const head = await withSystem(db, async (c) => {
    const settings = await fillSettingsOfCity(c, cityId);
    if (!settings) return null;
    const schools = (await c.query<{ id: number; name: string }>('SELECT id, short_name AS name FROM school WHERE city_id = $1 ORDER BY id', [cityId])).rows;
    // taken before anything is computed: every later statement sees at least what it saw
    const snap = await snapshotNow(c);
    const fillKey = keyOf(settings);
    const qualityKey = keyOf(settings, today);
    const wantedFill = schools.flatMap((s) => periods.filter(live).map((p) => wanted(s.id, p)));
    const wantedQuality = periods.length && live(periods[0]) ? schools.map((s) => wanted(s.id, periods[0])) : [];
    return {
      settings,
      schools,
      snap,
      fillKey,
      qualityKey,
      wantedFill,
      wantedQuality,
      fill: await currentRows(c, 'fill', fillKey, wantedFill, today),
      quality: await currentRows(c, 'quality', qualityKey, wantedQuality, today),
    };
  });
  if (!head) return null;
  const { settings, schools, snap } = head;
  const missingFill = head.wantedFill.filter((w) => !head.fill.has(id(w)));
  const missingQuality = head.wantedQuality.filter((w) => !head.quality.has(id(w)));

  const run: Run = (fn) => withSystem(db, fn);
  const [{ figures: computedFill, parts }, computedQuality] = await Promise.all([
    computeFill(db, run, head.fillKey, today, settings, schools, periods, missingFill),
    computeQuality(run, today, missingQuality),
  ]);
  for (const w of computedFill) head.fill.set(id(w), w.data);
  for (const w of computedQuality) head.quality.set(id(w), w.data);
  if (computedFill.length || computedQuality.length) {
    await withSystem(db, async (c) => {
      await store(c, 'fill', head.fillKey, snap, computedFill);
      await store(c, 'quality', head.qualityKey, snap, computedQuality);
      await store(c, 'lessons', head.fillKey, snap, parts.lessons.map((x) => ({ ...x, effectiveTo: x.to, data: x.rows })));
      await store(c, 'due', head.fillKey, snap, parts.due.map((x) => ({ ...x, effectiveTo: x.to, data: x.rows })));
      await prune(c);
    });
  }

  const empty = emptyFigures(settings);
  const fill = periods.map((p) =>
    schools.map((s) => ({ schoolId: s.id, schoolName: s.name, figures: live(p) ? ((head.fill.get(id(wanted(s.id, p))) as TFillFigures | undefined) ?? empty) : empty })),
  );
  const quality = new Map(
    head.wantedQuality.map((w) => [w.schoolId, { ...EMPTY_QUALITY, ...((head.quality.get(id(w)) as TQualityCounts | undefined) ?? {}) }]),
  );
  return { settings, schools, fill, quality, computed: { fill: computedFill.length, quality: computedQuality.length, lessons: parts.lessons.length, due: parts.due.length } };
}

const live = (p: ResolvedPeriod) => p.effectiveTo >= p.from;
const wanted = (schoolId: number, p: ResolvedPeriod): Wanted => ({ schoolId, from: p.from, to: p.to, effectiveTo: p.effectiveTo });
const id = (w: { schoolId: number; from: string; to: string }) => `${w.schoolId}:${w.from}:${w.to}`;

/**
 * The missing school-periods: every school missing any, with every period any of them misses;
 * lesson counts of kept segments and summative counts of kept years are read, not recomputed.
 */
async function computeFill(
  db: Database,
  run: Run,
  key: string,
  today: string,
  settings: TFillSettings,
  schools: { id: number; name: string }[],
  periods: ResolvedPeriod[],
  missing: Wanted[],
): Promise<{ figures: (Wanted & { data: TFillFigures })[]; parts: ComputedParts }> {
  if (!missing.length) return { figures: [], parts: { lessons: [], due: [] } };
  const schoolIds = [...new Set(missing.map((w) => w.schoolId))];
  const todo = periods.filter((p) => live(p) && missing.some((w) => w.from === p.from && w.to === p.to));
  const { from: _f, effectiveTo: _t, ...scope } = scopeOf(schoolIds, todo[0], settings);
  const parts: FillParts = {
    lessons: (ids, segments) =>
      withSystem(db, async (c) => {
        const wanted = ids.flatMap((schoolId) => segments.map(([from, to]) => ({ schoolId, from, to, effectiveTo: to })));
        return (await currentRows(c, 'lessons', key, wanted, today)) as Map<string, SegmentRows>;
      }),
    due: (ids) => withSystem(db, async (c) => (await keptYears(c, key, ids, today)) as Map<string, DueCount[]>),
  };
  const byPeriod = await pageCountsByPeriod(run, scope, todo, parts);
  const names = new Map(schools.map((s) => [s.id, s.name]));
  const want = new Set(missing.map(id));
  const out: (Wanted & { data: TFillFigures })[] = [];
  todo.forEach((p, i) => {
    const rolled = new Map(rollUp(byPeriod[i], 'school', settings, names).map((r) => [r.key.id, r.figures]));
    for (const schoolId of schoolIds) {
      const w = wanted(schoolId, p);
      if (want.has(id(w))) out.push({ ...w, data: rolled.get(schoolId) ?? emptyFigures(settings) });
    }
  });
  return { figures: out, parts: byPeriod.computed ?? { lessons: [], due: [] } };
}

/** The kept summative counts of the schools' years, whatever years they are: `school:from:to`. */
async function keptYears(c: Client, key: string, schoolIds: number[], today: string): Promise<Map<string, unknown>> {
  const years = await c.query<{ schoolId: number; from: string; to: string }>(
    `SELECT school_id AS "schoolId", period_from::text AS "from", period_to::text AS "to" FROM fill_snapshot WHERE kind = 'due' AND school_id = ANY($1::int[])`,
    [schoolIds],
  );
  return currentRows(c, 'due', key, years.rows.map((y) => ({ ...y, effectiveTo: y.to })), today);
}

async function computeQuality(run: Run, today: string, missing: Wanted[]): Promise<(Wanted & { data: TQualityCounts })[]> {
  if (!missing.length) return [];
  const { from, effectiveTo } = missing[0];
  const counts = await run(async (c) => {
    await c.query('SET LOCAL jit = off');
    return qualityCounts(c, { schoolIds: missing.map((w) => w.schoolId), from, effectiveTo, today, timeZone: SCHOOL_TIME_ZONE });
  });
  return missing.map((w) => ({ ...w, data: counts.get(w.schoolId) ?? { ...EMPTY_QUALITY } }));
}

/**
 * Whether a fill input of the city's schools changed since the snapshot (the city dashboard's
 * own cache): a log row the snapshot did not see, with no day, a day up to the end, or after today.
 */
export async function fillChangedSince(c: Client, cityId: number, snap: string, effectiveTo: string, today: string): Promise<boolean> {
  const r = await c.query<{ changed: boolean }>(
    `WITH s AS (SELECT id FROM school WHERE city_id = $1)
     SELECT EXISTS (
       SELECT 1 FROM s JOIN fill_dirty d ON d.school_id = s.id
       WHERE (d.day <= $3::date OR d.day > $4::date) AND d.xid >= pg_snapshot_xmin($2::pg_snapshot) AND NOT pg_visible_in_snapshot(d.xid, $2::pg_snapshot)
     ) OR EXISTS (
       SELECT 1 FROM s JOIN fill_dirty d ON d.school_id = s.id
       WHERE d.source <> 'l' AND d.xid >= pg_snapshot_xmin($2::pg_snapshot) AND NOT pg_visible_in_snapshot(d.xid, $2::pg_snapshot)
     ) AS changed`,
    [cityId, snap, effectiveTo, today],
  );
  return r.rows[0].changed;
}

/** The snapshot of now, for a cache computed from here on. */
export async function snapshotNow(c: Client): Promise<string> {
  return (await c.query<{ snap: string }>('SELECT pg_current_snapshot()::text AS snap')).rows[0].snap;
}

/**
 * A school's page counts for a period (the head's weekly analysis), kept like the city's figures:
 * the counts by page are read back while no change reaches the period, and the labels (classes,
 * subjects, teachers' names) are read fresh, so a renamed teacher shows at once. The snapshot
 * tables belong to the owner role; the school is the caller's, already authorised.
 */
export async function keptPageCounts(db: Database, run: Run, schoolId: number, period: ResolvedPeriod, settings: TFillSettings): Promise<PageCounts[]> {
  if (period.effectiveTo < period.from) return [];
  const scope = scopeOf([schoolId], period, settings);
  const r = await readOrCompute(
    db,
    'pages',
    keyOf(settings),
    wanted(schoolId, period),
    () => pageCounts(run, scope),
    (pages) => pages.map((p) => [p.pageId, ...COUNT_KEYS.map((k) => p[k])]),
  );
  if (r.value) return r.value;
  const labels = await pageLabels(run, scope);
  const counts = new Map((r.kept as number[][]).map((x) => [x[0], x]));
  return labels.flatMap((l) => {
    const x = counts.get(l.pageId);
    return x ? [{ ...l, ...Object.fromEntries(COUNT_KEYS.map((k, i) => [k, x[i + 1]])) } as PageCounts] : [];
  });
}

/** The quality flags of a school for a period, kept the same way (today is in their key). */
export async function keptQuality(db: Database, run: Run, schoolId: number, period: ResolvedPeriod, settings: TFillSettings): Promise<TQualityCounts | undefined> {
  if (period.effectiveTo < period.from) return undefined;
  const today = todayOf(db);
  const scope = { schoolIds: [schoolId], from: period.from, effectiveTo: period.effectiveTo, today, timeZone: SCHOOL_TIME_ZONE };
  const r = await readOrCompute(
    db,
    'quality',
    keyOf(settings, today),
    wanted(schoolId, period),
    async () => (await run((c) => qualityCounts(c, scope))).get(schoolId) ?? { ...EMPTY_QUALITY },
    (counts) => counts,
  );
  return r.value ?? { ...EMPTY_QUALITY, ...(r.kept as TQualityCounts) };
}

/**
 * One school's part for one period: read back while current, otherwise computed and kept (as
 * `keep` turns it) with the snapshot taken before computing.
 */
async function readOrCompute<T>(db: Database, kind: Kind, key: string, w: Wanted, compute: () => Promise<T>, keep: (value: T) => unknown): Promise<{ kept?: unknown; value?: T }> {
  const today = todayOf(db);
  const head = await withSystem(db, async (c) => ({ snap: await snapshotNow(c), kept: (await currentRows(c, kind, key, [w], today)).get(id(w)) }));
  if (head.kept !== undefined) return { kept: head.kept };
  const value = await compute();
  await withSystem(db, (c) => store(c, kind, key, head.snap, [{ ...w, data: keep(value) }]));
  return { value };
}
