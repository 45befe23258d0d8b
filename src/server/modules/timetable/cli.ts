import type { Database } from '../../db/database.js';
import { todayOf, withSchool } from '../../db/tenancy.js';
import { regenerateSchoolDates } from './regenerate.service.js';
import * as repo from './repo.js';

/**
 * `timetable regenerate --school ID [--from YYYY-MM-DD]`: brings the journals' lessons of the
 * school's current year in step with its timetable and calendar from a date (today by
 * default) on, as a timetable change would: empty lessons come and go, lessons with entries stay.
 */
export async function timetableFromCli(db: Database, o: { sub?: string; schoolId: number; from?: string }, print: (line: string) => void): Promise<number> {
  if (o.sub !== 'regenerate') {
    print('Usage: timetable regenerate --school ID [--from YYYY-MM-DD]');
    return 1;
  }
  if (!Number.isInteger(o.schoolId) || o.schoolId <= 0) {
    print('--school ID is required');
    return 1;
  }
  if (o.from !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.from)) {
    print('--from must be a date YYYY-MM-DD');
    return 1;
  }
  const from = o.from ?? todayOf(db);
  const started = Date.now();
  const result = await withSchool(db, { schoolId: o.schoolId, userId: 0 }, async (c) => {
    const year = await repo.yearFor(c, o.schoolId, from);
    if (!year) return null;
    return { year, lessons: await regenerateSchoolDates(c, o.schoolId, year.id, from, year.endsOn) };
  });
  if (!result) {
    print(`School ${o.schoolId} has no school year.`);
    return 2;
  }
  const { added, removed, flagged } = result.lessons;
  print(`School ${o.schoolId}, year ${result.year.name}, from ${from}: ${added} lessons added, ${removed} empty ones removed, ${flagged} with entries flagged (${Date.now() - started} ms).`);
  return 0;
}
