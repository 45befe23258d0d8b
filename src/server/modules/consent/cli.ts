import { readFileSync } from 'node:fs';
import { ZPublishNoticeBody } from '../../../shared/api/consent.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { runNotifications } from '../notices/notify.js';
import { mailPublishedNotices } from './notice-mail.js';
import { consentCoverageBySchool, publishNotice } from './service.js';

/**
 * A notice written in a text file: the first line is the title, the lines starting with "- " at
 * the end are the purposes, everything between is the text (paragraphs split by empty lines).
 */
export function parseNoticeFile(text: string): { title: string; body: string; purposes: string[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  const title = (lines.shift() ?? '').trim();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const purposes: string[] = [];
  while (lines.length && /^\s*-\s+/.test(lines[lines.length - 1])) purposes.unshift(lines.pop()!.replace(/^\s*-\s+/, '').trim());
  return { title, body: lines.join('\n').trim(), purposes };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

/**
 * `consent coverage --city ID`: share of pupils with consent per school (counts only);
 * `consent notify [--now ISO]`: one run of the notification job (journal news, announcements, digests);
 * `consent notice --school ID --file F [--dry-run]`: publish a school's notice version from a text file.
 */
export async function consentFromCli(
  db: Database,
  o: { sub?: string; cityId?: number; now?: string; schoolId?: number; file?: string; dryRun?: boolean },
  print: (line: string) => void,
): Promise<number> {
  if (o.sub === 'notice') {
    if (!Number.isInteger(o.schoolId) || o.schoolId! <= 0 || !o.file) {
      print('Usage: consent notice --school ID --file notice.txt [--dry-run]');
      return 1;
    }
    const parsed = ZPublishNoticeBody.safeParse(parseNoticeFile(readFileSync(o.file, 'utf8')));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) print(`${issue.path.join('.') || 'file'}: ${issue.message}`);
      print('Expected: the title on the first line, the text, then the purposes as lines starting with "- ". Nothing was published.');
      return 1;
    }
    print(`${parsed.data.title}\n\n${parsed.data.body}\n\nPurposes:\n${parsed.data.purposes.map((p) => `  - ${p}`).join('\n')}`);
    if (o.dryRun) {
      print('Dry run: nothing was published.');
      return 0;
    }
    try {
      const n = await publishNotice(db, { schoolId: o.schoolId!, userId: 0 }, parsed.data);
      // the letters go to the outbox now; the app's worker sends them (SMTP_URL)
      const letters = await mailPublishedNotices(db);
      print(`Published version ${n.version} of the school's notice (id ${n.id}); guardians who consented to an older version are asked to confirm (e-mails queued: ${letters}).`);
      return 0;
    } catch (err) {
      if (err instanceof AppError && err.code === 'notice_unchanged') {
        print('The text is the same as the version in force: nothing was published.');
        return 1;
      }
      throw err;
    }
  }
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
  print('Usage: consent coverage --city ID | consent notify [--now ISO] | consent notice --school ID --file F [--dry-run]');
  return 1;
}
