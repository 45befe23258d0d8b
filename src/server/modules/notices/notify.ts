import type { TNotifyMode } from '../../../shared/api/notices.js';
import type { Database } from '../../db/database.js';
import { type Client, withSystem } from '../../db/tenancy.js';
import { queueEmail } from '../../jobs/outbox.js';
import { audiencePupilIds } from './announcements.repo.js';
import { announcementEmail, announcementLine, type NotificationKind, newsEmail, newsLine } from './mail.js';
import * as repo from './notify.repo.js';
import { lastDigestMoment, localDate, quietUntil } from './time.js';

/** What a parent gets when they have not chosen: everything at once, quiet from 21:00 to 07:00, digest at 19:00. */
export const DEFAULT_PREFS = { marks: 'instant', absences: 'instant', announcements: 'instant', quietFrom: '21:00', quietTo: '07:00', digestAt: '19:00' } as const;

/** A change younger than this may still have an older id committing after it: read it again next run. */
const SETTLE_MS = 2 * 60_000;

interface Prefs {
  marks: TNotifyMode;
  absences: TNotifyMode;
  announcements: TNotifyMode;
  quietFrom: string | null;
  quietTo: string | null;
  digestAt: string;
}

function prefsOf(r: repo.RecipientRow): Prefs {
  if (!r.hasSettings) return { ...DEFAULT_PREFS };
  return {
    marks: r.marks as TNotifyMode,
    absences: r.absences as TNotifyMode,
    announcements: r.announcements as TNotifyMode,
    quietFrom: r.quietFrom,
    quietTo: r.quietTo,
    digestAt: r.digestAt ?? DEFAULT_PREFS.digestAt,
  };
}

const modeFor = (p: Prefs, kind: NotificationKind): TNotifyMode => (kind === 'mark' ? p.marks : kind === 'absence' ? p.absences : p.announcements);

/** One transaction as the owner, with the school named, so the school's SQL functions see it. */
function inSchool<T>(db: Database, schoolId: number, fn: (c: Client) => Promise<T>): Promise<T> {
  return withSystem(db, async (c) => {
    await c.query(`SELECT set_config('app.school_id', $1, true)`, [String(schoolId)]);
    return fn(c);
  });
}

interface News {
  kind: NotificationKind;
  pupilId: number;
  sourceKey: string;
  line: (lang: 'uk' | 'en') => string;
}

interface Counts {
  instant: number;
  pending: number;
  digests: number;
  cancelled: number;
}

/**
 * Records news for every parent of its pupil who wants it (and may have it: valid consent, an
 * active account, an e-mail address); instant ones go to the outbox as one e-mail per parent and
 * pupil, after the parent's quiet hours.
 */
async function deliver(c: Client, schoolId: number, news: News[], now: Date, counts: Counts): Promise<void> {
  const recipients = await repo.parentsOf(c, schoolId, [...new Set(news.map((n) => n.pupilId))]);
  const instant = new Map<string, { r: repo.RecipientRow; prefs: Prefs; ids: number[]; lines: string[] }>();
  for (const n of news) {
    for (const r of recipients.filter((x) => x.pupilId === n.pupilId && x.email)) {
      const prefs = prefsOf(r);
      const mode = modeFor(prefs, n.kind);
      if (mode === 'off') continue;
      const line = n.line(r.locale);
      const id = await repo.insertNotification(c, { schoolId, userId: r.userId, pupilId: n.pupilId, kind: n.kind, sourceKey: n.sourceKey, line, mode, now });
      if (id === null) continue;
      if (mode === 'digest') {
        counts.pending++;
        continue;
      }
      const key = `${r.userId}:${r.pupilId}`;
      const group = instant.get(key) ?? { r, prefs, ids: [], lines: [] };
      group.ids.push(id);
      group.lines.push(line);
      instant.set(key, group);
    }
  }
  for (const g of instant.values()) {
    const mail = newsEmail({ lang: g.r.locale, pupilName: g.r.pupilName, lines: g.lines });
    const outboxId = await queueEmail(c, {
      to: g.r.email!,
      ...mail,
      schoolId,
      sendAfter: quietUntil(now, g.prefs.quietFrom, g.prefs.quietTo) ?? now,
      dedupeKey: `notification:${schoolId}:${g.ids[0]}`,
    });
    await repo.attachOutbox(c, schoolId, g.ids, outboxId);
    counts.instant++;
  }
}

/** New marks and absences since the school's cursor. */
async function scanJournal(c: Client, schoolId: number, now: Date, counts: Counts): Promise<void> {
  const cursor = await repo.lockCursor(c, schoolId, now);
  if (!cursor) return;
  const changes = (await repo.changesAfter(c, schoolId, cursor.lastChangeId)).filter((x) =>
    x.field === 'attendance' ? x.newValue === 'н' : x.newValue !== '',
  );
  const news: News[] = changes.map((x) => {
    const kind = x.field === 'attendance' ? ('absence' as const) : ('mark' as const);
    return {
      kind,
      pupilId: x.pupilId,
      sourceKey: `change:${x.id}`,
      line: (lang) => newsLine({ kind, subject: x.subject, date: x.date, column: x.column, value: x.newValue }, lang),
    };
  });
  await deliver(c, schoolId, news, now, counts);
  await repo.moveCursor(c, schoolId, await repo.settledChangeId(c, schoolId, cursor.lastChangeId, new Date(now.getTime() - SETTLE_MS)), now);
}

/** New announcements: to the parents of the pupils they reach (the text in full, at once or in the digest). */
async function scanAnnouncements(c: Client, schoolId: number, now: Date, counts: Counts): Promise<void> {
  for (const a of await repo.unnotifiedAnnouncements(c, schoolId)) {
    const pupils = await audiencePupilIds(c, schoolId, a.id);
    const recipients = await repo.parentsOf(c, schoolId, pupils);
    // one e-mail per parent, whatever the number of their children it reaches
    const seen = new Set<number>();
    for (const r of recipients) {
      if (seen.has(r.userId) || !r.email) continue;
      seen.add(r.userId);
      const prefs = prefsOf(r);
      const mode = prefs.announcements;
      if (mode === 'off') continue;
      const line = announcementLine(a.title, r.locale);
      const id = await repo.insertNotification(c, { schoolId, userId: r.userId, pupilId: r.pupilId, kind: 'announcement', sourceKey: `announcement:${a.id}`, line, mode, now });
      if (id === null) continue;
      if (mode === 'digest') {
        counts.pending++;
        continue;
      }
      const outboxId = await queueEmail(c, {
        to: r.email,
        ...announcementEmail({ lang: r.locale, schoolName: a.schoolName, title: a.title, body: a.body, author: a.author }),
        schoolId,
        sendAfter: quietUntil(now, prefs.quietFrom, prefs.quietTo) ?? now,
        dedupeKey: `notification:${schoolId}:${id}`,
      });
      await repo.attachOutbox(c, schoolId, [id], outboxId);
      counts.instant++;
    }
    await repo.markAnnouncementNotified(c, schoolId, a.id, now);
  }
}

/** Daily digests that are due: one e-mail per parent and pupil; consent is checked again now. */
async function sendDigests(c: Client, schoolId: number, now: Date, counts: Counts): Promise<void> {
  const items = await repo.pendingDigestItems(c, schoolId);
  if (!items.length) return;
  const recipients = await repo.parentsOf(c, schoolId, [...new Set(items.map((i) => i.pupilId))]);
  const groups = new Map<string, typeof items>();
  for (const i of items) groups.set(`${i.userId}:${i.pupilId}`, [...(groups.get(`${i.userId}:${i.pupilId}`) ?? []), i]);
  for (const [key, group] of groups) {
    const r = recipients.find((x) => `${x.userId}:${x.pupilId}` === key);
    if (!r?.email) {
      // consent withdrawn, account closed or no address: these will never go
      await repo.cancel(c, schoolId, group.map((i) => i.id));
      counts.cancelled += group.length;
      continue;
    }
    const prefs = prefsOf(r);
    const moment = lastDigestMoment(now, prefs.digestAt);
    const due = group.filter((i) => i.createdAt.getTime() < moment.getTime());
    if (!due.length) continue;
    const mail = newsEmail({ lang: r.locale, pupilName: r.pupilName, lines: due.map((i) => i.line), digestDate: localDate(moment) });
    const outboxId = await queueEmail(c, {
      to: r.email,
      ...mail,
      schoolId,
      sendAfter: quietUntil(now, prefs.quietFrom, prefs.quietTo) ?? now,
      dedupeKey: `digest:${schoolId}:${due[0].id}`,
    });
    await repo.attachOutbox(c, schoolId, due.map((i) => i.id), outboxId);
    counts.digests++;
  }
}

/** One run for every school: journal news, announcements, then digests. `now` is injectable for tests. */
export async function runNotifications(db: Database, now = new Date()): Promise<Counts> {
  const counts: Counts = { instant: 0, pending: 0, digests: 0, cancelled: 0 };
  const schools = await withSystem(db, (c) => repo.schoolIds(c));
  for (const schoolId of schools) {
    await inSchool(db, schoolId, (c) => scanJournal(c, schoolId, now, counts));
    await inSchool(db, schoolId, (c) => scanAnnouncements(c, schoolId, now, counts));
    await inSchool(db, schoolId, (c) => sendDigests(c, schoolId, now, counts));
  }
  return counts;
}

const RUN_EVERY_MS = 60_000;
let lastRun = 0;

/** The worker's periodic task: runs at most once a minute in each process (schools' cursors are locked, so processes never overlap). */
export async function notificationsTick(db: Database): Promise<void> {
  if (Date.now() - lastRun < RUN_EVERY_MS) return;
  lastRun = Date.now();
  await runNotifications(db);
}
