import type { Database } from '../../db/database.js';
import { todayOf } from '../../db/tenancy.js';
import { type FillBy, schoolFill } from './fill.service.js';
import { previousWeek, resolvePeriod } from './period.js';
import { prepareWeeklyReport } from './report.service.js';

const BY = ['page', 'teacher', 'class', 'subject', 'school'];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

/**
 * `control fill --school ID [--from D] [--to D] [--by teacher]`: prints the fill level table;
 * `control weekly-report --school ID [--week 2025-W41] [--email]`: builds (once) a week's report.
 */
export async function controlFromCli(
  db: Database,
  o: { sub?: string; schoolId: number; from?: string; to?: string; by?: string; week?: string; email?: boolean },
  print: (line: string) => void,
): Promise<number> {
  if (!Number.isInteger(o.schoolId) || o.schoolId <= 0) {
    print('--school ID is required');
    return 1;
  }
  if (o.sub === 'fill') {
    const by = (o.by ?? 'teacher') as FillBy;
    if (!BY.includes(by)) {
      print(`--by must be one of: ${BY.join(', ')}`);
      return 1;
    }
    const period = resolvePeriod(todayOf(db), { from: o.from, to: o.to });
    const started = Date.now();
    const rows = await schoolFill(db, o.schoolId, period, by);
    print(`Fill level ${period.from} – ${period.to} (counted to ${period.effectiveTo}), by ${by}: ${rows.length} rows in ${Date.now() - started} ms`);
    print(`${'level'.padStart(7)} ${'planned'.padStart(7)} ${'held'.padStart(7)} ${'topic'.padStart(7)} ${'attend'.padStart(7)} ${'ontime'.padStart(7)}  name`);
    for (const r of rows) {
      const f = r.figures;
      print(`${pct(f.level)} ${String(f.planned).padStart(7)} ${pct(f.shares.held)} ${pct(f.shares.topic)} ${pct(f.shares.attendance)} ${pct(f.shares.timeliness)}  ${r.key.name}`);
    }
    return 0;
  }
  if (o.sub === 'weekly-report') {
    const week = o.week ?? previousWeek(todayOf(db));
    if (!/^\d{4}-W\d{2}$/.test(week)) {
      print('--week must look like 2025-W41');
      return 1;
    }
    const r = await prepareWeeklyReport(db, o.schoolId, week, { email: !!o.email });
    print(r.created ? `Report ${week} stored; e-mails queued: ${r.emails}` : `Report ${week} already exists: nothing done`);
    return 0;
  }
  print('control fill | control weekly-report');
  return 1;
}
