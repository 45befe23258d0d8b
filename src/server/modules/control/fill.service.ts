/**
 * Fill level (domain.md "Filling level"): per journal page and period, each component a share of
 * what was expected; a page's level is the weighted mean of its applicable shares; roll-ups weigh
 * page levels by planned lessons. The arithmetic over rows is in SQL (fill.repo.ts); this file
 * turns counts into shares and levels.
 */
import type { TFillSettings } from '../../../shared/api/control.js';
import type { Database } from '../../db/database.js';
import { type Client, todayOf, withSchool, withSystem } from '../../db/tenancy.js';
import { COUNT_KEYS, type FillScope, type PageCounts, pageCounts, type Run } from './fill.repo.js';
import { pageCountsByPeriod } from './fill.periods.js';
import { type ResolvedPeriod, resolvePeriod } from './period.js';
import { fillSettingsOfCity, fillSettingsOfSchool, SCHOOL_TIME_ZONE } from './settings.js';

export interface TFillFigures {
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
  shares: { held: number; topic: number; homework: number; attendance: number; timeliness: number; density: number; summative: number };
  level: number /* 0..1 */;
}

export type FillBy = 'page' | 'teacher' | 'class' | 'subject' | 'school';

type Counts = Omit<TFillFigures, 'shares' | 'level'>;

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Each component as [present, expected]; a component with nothing expected is left out of the level. */
function components(n: Counts): Record<keyof TFillFigures['shares'], [number, number]> {
  return {
    held: [n.held, n.planned],
    topic: [n.withTopic, n.planned],
    homework: [n.withHomework, n.homeworkExpected],
    attendance: [n.withAttendance, n.planned],
    timeliness: [n.onTime, n.planned],
    density: [n.pupils - n.pupilsWithoutRecentMark, n.pupils],
    summative: [n.summativePresent, n.summativeExpected],
  };
}

/**
 * Shares and the weighted level of one set of counts. A share with nothing expected is 1 (nothing
 * is missing) and does not count in the level; with nothing expected at all the level is 1.
 */
export function figuresOf(n: Counts, settings: TFillSettings): TFillFigures {
  const shares = {} as TFillFigures['shares'];
  for (const [name, [present, expected]] of Object.entries(components(n)) as [keyof TFillFigures['shares'], [number, number]][]) {
    shares[name] = round4(expected > 0 ? present / expected : 1);
  }
  const counts = Object.fromEntries(COUNT_KEYS.map((k) => [k, n[k]])) as Counts;
  return { ...counts, shares, level: levelOf(n, settings) };
}

/**
 * The weighted level alone, without allocating (roll-ups call it for every page: 140,000 times
 * for the city's quarter and weeks). The components in the order of `components`.
 */
export function levelOf(n: Counts, settings: TFillSettings): number {
  const w = settings.weights;
  let weighted = 0;
  let weights = 0;
  // [weight, present, expected] in the order of `components`; no closure (created per call, and
  // this runs for every page of every period)
  const parts = [
    w.held, n.held, n.planned,
    w.topic, n.withTopic, n.planned,
    w.homework, n.withHomework, n.homeworkExpected,
    w.attendance, n.withAttendance, n.planned,
    w.timeliness, n.onTime, n.planned,
    w.density, n.pupils - n.pupilsWithoutRecentMark, n.pupils,
    w.summative, n.summativePresent, n.summativeExpected,
  ];
  for (let i = 0; i < parts.length; i += 3) {
    if (parts[i + 2] > 0) {
      weighted += parts[i] * (parts[i + 1] / parts[i + 2]);
      weights += parts[i];
    }
  }
  return round4(weights > 0 ? weighted / weights : 1);
}

/** The figures of nothing expected: zero counts, every share 1, level 1. */
export function emptyFigures(settings: TFillSettings): TFillFigures {
  return figuresOf(Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Counts, settings);
}

interface KeyOf {
  id: number;
  name: string;
}

function keyOf(p: PageCounts, by: FillBy, schoolNames: Map<number, string>): KeyOf {
  switch (by) {
    case 'page':
      return { id: p.pageId, name: p.pageLabel };
    case 'teacher':
      return { id: p.teacherId ?? 0, name: p.teacherName || '—' };
    case 'class':
      return { id: p.classId, name: p.classLabel };
    case 'subject':
      return { id: p.subjectId, name: p.subjectName };
    case 'school':
      return { id: p.schoolId, name: schoolNames.get(p.schoolId) ?? String(p.schoolId) };
  }
}

const collator = new Intl.Collator('uk');

/**
 * Rolls page counts up by a key: counts add up, shares come from the sums, and the level is the
 * mean of page levels weighted by planned lessons (from the sums when no lesson was planned).
 * Sorted by level, lowest (most behind) first.
 */
export function rollUp(pages: PageCounts[], by: FillBy, settings: TFillSettings, schoolNames = new Map<number, string>()) {
  const groups = new Map<number, { key: KeyOf; counts: Counts; levelSum: number }>();
  for (const p of pages) {
    const key = keyOf(p, by, schoolNames);
    let g = groups.get(key.id);
    if (!g) {
      g = { key, counts: Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Counts, levelSum: 0 };
      groups.set(key.id, g);
    }
    for (const k of COUNT_KEYS) g.counts[k] += p[k];
    g.levelSum += levelOf(p, settings) * p.planned;
  }
  return [...groups.values()]
    .map((g) => {
      const figures = figuresOf(g.counts, settings);
      if (g.counts.planned > 0) figures.level = round4(g.levelSum / g.counts.planned);
      return { key: g.key, figures };
    })
    .sort((a, b) => a.figures.level - b.figures.level || collator.compare(a.key.name, b.key.name));
}

/** The scope of a fill computation for schools of one city. */
export function scopeOf(schoolIds: number[], period: ResolvedPeriod, settings: TFillSettings, narrow: Partial<FillScope> = {}): FillScope {
  return {
    schoolIds,
    from: period.from,
    effectiveTo: period.effectiveTo,
    timelinessDays: settings.timelinessDays,
    densityLessons: settings.densityLessons,
    homeworkFreeSubjects: settings.homeworkFreeSubjects,
    timeZone: SCHOOL_TIME_ZONE,
    ...narrow,
  };
}

/** Runs in transactions of one school, so row-level security applies as for any of its requests. */
export function schoolRun(db: Database, schoolId: number, userId = 0): Run {
  return (fn) => withSchool(db, { schoolId, userId }, fn);
}

/** Page counts of one school (its parts in parallel transactions of that school). */
export async function schoolPageCounts(run: Run, schoolId: number, period: ResolvedPeriod, settings: TFillSettings): Promise<PageCounts[]> {
  if (period.effectiveTo < period.from) return [];
  return pageCounts(run, scopeOf([schoolId], period, settings));
}

/** A school's fill level for a period, by page, teacher, class, subject or the whole school. */
export async function schoolFill(
  db: Database,
  schoolId: number,
  period: { from: string; to: string },
  by: FillBy,
): Promise<{ key: { id: number; name: string }; figures: TFillFigures }[]> {
  const resolved = resolvePeriod(todayOf(db), period);
  const run = schoolRun(db, schoolId);
  const { settings, names } = await run(async (c) => ({ settings: await fillSettingsOfSchool(c, schoolId), names: await schoolNames(c, [schoolId]) }));
  const pages = await schoolPageCounts(run, schoolId, resolved, settings);
  return rollUp(pages, by, settings, names);
}

async function schoolNames(c: Client, ids: number[]): Promise<Map<number, string>> {
  const r = await c.query<{ id: number; name: string }>('SELECT id, short_name AS name FROM school WHERE id = ANY($1::int[])', [ids]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

/**
 * Every school of a city for a period, aggregates only (no page, teacher or pupil in the result).
 * A school with nothing expected in the period has zero counts and level 1.
 */
export async function cityFillBySchool(
  db: Database,
  cityId: number,
  period: { from: string; to: string },
): Promise<{ schoolId: number; schoolName: string; figures: TFillFigures }[]> {
  const resolved = resolvePeriod(todayOf(db), period);
  const run: Run = (fn) => withSystem(db, fn);
  const meta = await run(async (c) => ({
    settings: await fillSettingsOfCity(c, cityId),
    schools: (await c.query<{ id: number; name: string }>('SELECT id, short_name AS name FROM school WHERE city_id = $1 ORDER BY id', [cityId])).rows,
  }));
  const { settings, schools } = meta;
  if (!settings) return [];
  const ids = schools.map((s) => s.id);
  const pages = ids.length && resolved.effectiveTo >= resolved.from ? await pageCounts(run, scopeOf(ids, resolved, settings)) : [];
  const names = new Map(schools.map((s) => [s.id, s.name]));
  const rolled = new Map(rollUp(pages, 'school', settings, names).map((r) => [r.key.id, r.figures]));
  return schools.map((s) => ({ schoolId: s.id, schoolName: s.name, figures: rolled.get(s.id) ?? emptyFigures(settings) }));
}

/**
 * Every school of a city for several periods at once (a quarter and its weeks): the same figures
 * as cityFillBySchool for each period, from one set of statements for all of them.
 */
export async function cityFillByPeriods(
  db: Database,
  cityId: number,
  periods: { from: string; to: string }[],
): Promise<{ schoolId: number; schoolName: string; figures: TFillFigures }[][]> {
  if (!periods.length) return [];
  const today = todayOf(db);
  const resolved = periods.map((p) => resolvePeriod(today, p));
  const run: Run = (fn) => withSystem(db, fn);
  const { settings, schools } = await run(async (c) => ({
    settings: await fillSettingsOfCity(c, cityId),
    schools: (await c.query<{ id: number; name: string }>('SELECT id, short_name AS name FROM school WHERE city_id = $1 ORDER BY id', [cityId])).rows,
  }));
  if (!settings) return periods.map(() => []);
  const { from: _f, effectiveTo: _t, ...scope } = scopeOf(
    schools.map((s) => s.id),
    resolved[0],
    settings,
  );
  const names = new Map(schools.map((s) => [s.id, s.name]));
  const byPeriod = await pageCountsByPeriod(run, scope, resolved);
  return byPeriod.map((pages) => {
    const rolled = new Map(rollUp(pages, 'school', settings, names).map((r) => [r.key.id, r.figures]));
    return schools.map((s) => ({ schoolId: s.id, schoolName: s.name, figures: rolled.get(s.id) ?? emptyFigures(settings) }));
  });
}
