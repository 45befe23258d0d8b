/**
 * The city specialist's quarterly monitoring: per school of the city, shares only (fill level,
 * data-quality flags per 100 lessons, overdue remarks, consent coverage, readiness). Built from
 * aggregates: no pupil, no teacher, no mark ever enters the result.
 *
 * Speed: the computed dashboard is cached per (city, quarter) with a fingerprint of its inputs
 * (repo.fingerprint: one query of indexed max/count look-ups); a call whose fingerprint matches
 * the cached one returns the stored JSON, otherwise the dashboard is recomputed and stored.
 */
import type { TMonitoring, TMonitoringSchool } from '../../../shared/api/monitoring.js';
import type { Database } from '../../db/database.js';
import { todayOf, withSystem } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { registerJobHandler, registerRecurringJob } from '../../jobs/worker.js';
import { consentCoverageBySchool } from '../consent/service.js';
import { cityFillSnapshot, fillChangedSince, snapshotNow } from '../control/fill.snapshot.js';
import { EMPTY_QUALITY } from '../control/quality.repo.js';
import { CITY_PREPARE_JOB, SCHOOL_TIME_ZONE } from '../control/settings.js';
import { remarkCounts } from '../control/remarks.repo.js';
import { addDays } from '../control/period.js';
import { quarterBounds, quarterOf, quarterWeeks } from './quarter.js';
import * as repo from './repo.js';

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const ratio = (a: number, b: number | null | undefined): number | null => (b ? r4(a / b) : null);

async function compute(db: Database, cityId: number, cityName: string, quarter: string): Promise<Omit<TMonitoring, 'cached' | 'computedAt'>> {
  const today = todayOf(db);
  const { from, to } = quarterBounds(quarter);
  const weeks = quarterWeeks(quarter, today);
  const ids = await withSystem(db, async (c) => (await c.query<{ id: number }>('SELECT id FROM school WHERE city_id = $1', [cityId])).rows.map((r) => r.id));
  // side by side, each in its own transaction: the fill of the quarter and of each of its weeks
  // with the quarter's quality flags (kept per school and period, computed where changed),
  // consent coverage and the small counts
  const [snapshot, consentRows, { remarks, ready }] = await Promise.all([
    cityFillSnapshot(db, cityId, [{ from, to }, ...weeks.map((w) => ({ from: w.from, to: w.to }))]),
    consentCoverageBySchool(db, cityId),
    withSystem(db, async (c) => ({
      remarks: await remarkCounts(c, ids),
      ready: await repo.readinessBySchool(c, cityId),
    })),
  ]);
  const [fill, ...byWeek] = snapshot?.fill ?? [[]];
  const quality = snapshot?.quality ?? new Map();
  const weekly = byWeek.map((w) => new Map(w.map((x) => [x.schoolId, x.figures])));
  const consent = new Map(consentRows.map((x) => [x.schoolId, x.total ? x.share : null]));
  const schools: TMonitoringSchool[] = fill.map((f) => {
    const q = quality.get(f.schoolId) ?? { ...EMPTY_QUALITY };
    const flags = Object.values(q).reduce((a: number, b) => a + (b as number), 0);
    const rm = remarks.get(f.schoolId) ?? { open: 0, overdue: 0 };
    const rd = ready.get(f.schoolId);
    return {
      schoolId: f.schoolId,
      schoolName: f.schoolName,
      rank: 0,
      fillLevel: r4(f.figures.level),
      plannedLessons: f.figures.planned,
      weekly: weeks.map((w, i) => {
        const fig = weekly[i].get(f.schoolId);
        return { week: w.week, level: fig && fig.planned > 0 ? r4(fig.level) : null };
      }),
      qualityPer100: f.figures.planned ? r4((flags * 100) / f.figures.planned) : null,
      quality: q,
      remarksOpen: rm.open,
      remarksOverdue: rm.overdue,
      remarksOverdueShare: ratio(rm.overdue, rm.open),
      consentShare: consent.get(f.schoolId) ?? null,
      planDoneShare: rd ? ratio(rd.measuresDone, rd.measures) : null,
      computersPerTeacher: rd?.teacherComputers != null ? ratio(rd.teacherComputers, rd.teachers) : null,
      classroomsWithComputerShare: rd?.classroomsWithComputer != null ? ratio(rd.classroomsWithComputer, rd.classroomsTotal) : null,
      internetMbps: rd?.internetMbps ?? null,
      network: rd?.network ?? null,
      surveyAnsweredShare: rd ? ratio(rd.answered, rd.teachers) : null,
      needTrainingShare: rd ? ratio(rd.needTraining, rd.answered) : null,
    };
  });
  schools.sort((a, b) => b.fillLevel - a.fillLevel || a.schoolName.localeCompare(b.schoolName, 'uk'));
  schools.forEach((s, i) => {
    s.rank = i + 1;
  });
  return { cityId, cityName, quarter, from, to, weeks: weeks.map((w) => w.week), schools };
}

/**
 * The dashboard of a quarter (default: the current one), from the cache when nothing changed: the
 * fingerprint of the small inputs is the same and no fill input changed since its snapshot.
 */
export async function monitoring(db: Database, cityId: number, asked?: string): Promise<TMonitoring> {
  const today = todayOf(db);
  const quarter = asked ?? quarterOf(today);
  const effectiveTo = [quarterBounds(quarter).to, addDays(today, -1)].sort()[0];
  const head = await withSystem(db, async (c) => {
    const city = (await c.query<{ name: string }>('SELECT name FROM city WHERE id = $1', [cityId])).rows[0];
    if (!city) return null;
    const fp = await repo.fingerprint(c, cityId);
    const snap = await snapshotNow(c);
    const hit = await repo.cached(c, cityId, quarter);
    const fresh = !!hit && hit.fingerprint === fp && !!hit.snap && !(await fillChangedSince(c, cityId, hit.snap, effectiveTo, today));
    return { city, fp, snap, hit: fresh ? hit : undefined };
  });
  if (!head) throw new AppError('not_found');
  if (head.hit) return { ...(JSON.parse(head.hit.data) as TMonitoring), cached: true };
  const data: TMonitoring = { ...(await compute(db, cityId, head.city.name, quarter)), computedAt: new Date().toISOString(), cached: false };
  await withSystem(db, (c) => repo.store(c, cityId, quarter, head.fp, head.snap, JSON.stringify(data)));
  return data;
}

export const PREPARE_KIND = CITY_PREPARE_JOB;

/**
 * Each night the figures of the current quarter are prepared for every city: a new day moves the
 * end of the open periods (the quarter, its current week) for all schools at once, which is the
 * largest recomputation of the day. Afterwards a call recomputes only what changed since.
 */
export async function prepareAll(db: Database): Promise<{ cities: number }> {
  const ids = await withSystem(db, async (c) => (await c.query<{ id: number }>('SELECT id FROM city ORDER BY id')).rows.map((r) => r.id));
  for (const id of ids) await monitoring(db, id);
  return { cities: ids.length };
}

let registered = false;

/** The nightly preparation: a recurring job per day (Kyiv time), after 01:00 so the day has turned. */
export function registerPrepareJob(): void {
  if (registered) return;
  registered = true;
  // nightly: every city; after a city's settings changed: that city
  registerJobHandler(PREPARE_KIND, async (ctx) => {
    const cityId = ctx.job.payload.cityId;
    if (typeof cityId !== 'number') return prepareAll(ctx.db);
    await monitoring(ctx.db, cityId);
    return { cities: 1 };
  });
  registerRecurringJob({ kind: PREPARE_KIND, key: prepareKey });
}

/** The day (Kyiv time) whose preparation is due at a moment: from 01:00, none before. */
export function prepareKey(now: Date): string | null {
  const [day, hour] = new Intl.DateTimeFormat('sv-SE', { timeZone: SCHOOL_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(now).split(' ');
  return hour >= '01:00' ? day : null;
}
