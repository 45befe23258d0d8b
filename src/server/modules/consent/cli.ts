import type { Database } from '../../db/database.js';
import { runNotifications } from '../notices/notify.js';
import { consentCoverageBySchool } from './service.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

/**
 * `consent coverage --city ID`: share of pupils with consent per school (counts only);
 * `consent notify [--now ISO]`: one run of the notification job (journal news, announcements, digests).
 */
export async function consentFromCli(db: Database, o: { sub?: string; cityId?: number; now?: string }, print: (line: string) => void): Promise<number> {
  if (o.sub === 'coverage') {
    if (!Number.isInteger(o.cityId) || o.cityId! <= 0) {
      print('--city ID is required');
      return 1;
    }
    const rows = await consentCoverageBySchool(db, o.cityId!);
    print(`${'share'.padStart(7)} ${'consent'.padStart(7)} ${'pupils'.padStart(7)}  school`);
    for (const r of rows) print(`${pct(r.share)} ${String(r.consented).padStart(7)} ${String(r.total).padStart(7)}  ${r.schoolName}`);
    return 0;
  }
  if (o.sub === 'notify') {
    const now = o.now ? new Date(o.now) : new Date();
    if (Number.isNaN(now.getTime())) {
      print('--now must be a date and time, e.g. 2026-11-28T19:00:00+02:00');
      return 1;
    }
    const c = await runNotifications(db, now);
    print(`Instant e-mails: ${c.instant}; waiting for a digest: ${c.pending}; digests: ${c.digests}; cancelled: ${c.cancelled}.`);
    return 0;
  }
  print('Usage: consent coverage --city ID | consent notify [--now ISO]');
  return 1;
}
