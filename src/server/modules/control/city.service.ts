/**
 * Aggregates of the control module for the city's quarterly monitoring: per school counts only,
 * never a page, a person or a mark (the city engineer builds the dashboard on these).
 */
import type { TQualityCounts } from '../../../shared/api/control.js';
import type { Database } from '../../db/database.js';
import { todayOf, withSystem } from '../../db/tenancy.js';
import { resolvePeriod } from './period.js';
import { EMPTY_QUALITY, qualityCounts } from './quality.repo.js';
import { remarkCounts } from './remarks.repo.js';
import { SCHOOL_TIME_ZONE } from './settings.js';

async function schoolsOf(db: Database, cityId: number) {
  return withSystem(db, async (c) => (await c.query<{ id: number; name: string }>('SELECT id, short_name AS name FROM school WHERE city_id = $1 ORDER BY id', [cityId])).rows);
}

/** Data-quality flag counts of every school of a city for a period. */
export async function cityQualityBySchool(db: Database, cityId: number, period: { from: string; to: string }): Promise<{ schoolId: number; schoolName: string; counts: TQualityCounts }[]> {
  const today = todayOf(db);
  const p = resolvePeriod(today, period);
  const schools = await schoolsOf(db, cityId);
  const ids = schools.map((s) => s.id);
  const counts =
    ids.length && p.effectiveTo >= p.from
      ? await withSystem(db, (c) => qualityCounts(c, { schoolIds: ids, from: p.from, effectiveTo: p.effectiveTo, today, timeZone: SCHOOL_TIME_ZONE }))
      : new Map<number, TQualityCounts>();
  return schools.map((s) => ({ schoolId: s.id, schoolName: s.name, counts: counts.get(s.id) ?? { ...EMPTY_QUALITY } }));
}

/** Open and overdue controller's remarks of every school of a city, now. */
export async function cityRemarksBySchool(db: Database, cityId: number): Promise<{ schoolId: number; schoolName: string; open: number; overdue: number }[]> {
  const schools = await schoolsOf(db, cityId);
  const counts = schools.length ? await withSystem(db, (c) => remarkCounts(c, schools.map((s) => s.id))) : new Map();
  return schools.map((s) => ({ schoolId: s.id, schoolName: s.name, ...(counts.get(s.id) ?? { open: 0, overdue: 0 }) }));
}
