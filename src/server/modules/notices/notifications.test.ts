import { once } from 'node:events';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { configureMailer, sendDueEmails } from '../../jobs/outbox.js';
import { type Agent, actAs, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { runNotifications } from './notify.js';
import { localParts, zonedTime } from './time.js';

let db: Database;
let app: FastifyInstance;
let smtp: SMTPServer;
let smtpUrl: string;
const received: { to: string[]; data: string }[] = [];
const as: Record<string, Agent> = {};
const ids: Record<string, number> = {};
let base: string;
let pageUrl: string;
let lessons: number[];

/** A moment in Kyiv time, days from today (yesterday is -1), so e-mails due then are due now. */
function at(days: number, hhmm: string): Date {
  const t = localParts(new Date());
  const [h, m] = hhmm.split(':').map(Number);
  return zonedTime(t.year, t.month, t.day + days, h * 60 + m);
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      let data = '';
      stream.on('data', (d) => {
        data += d;
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        cb();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;

  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-15' });
  const cityId = await f.buildCity(db);
  const s = await f.buildSchool(db, cityId, 'Ліцей № 9');
  base = `/api/schools/${s.schoolId}`;
  const math = await f.buildStaff(db, s.schoolId, 'math', ['teacher']);
  await f.buildStaff(db, s.schoolId, 'admin', ['admin']);
  ids.classId = await f.buildClass(db, s, 5, 'А', await f.buildStaff(db, s.schoolId, 'ct', ['teacher']));
  ids.olia = await f.buildPupil(db, s.schoolId, ids.classId, ['Коваль', 'Оля']);
  ids.mamaG = await f.buildGuardian(db, s.schoolId, ids.olia, await f.buildUser(db, 'mama'), { email: 'mama@example.com' });
  ids.tatoG = await f.buildGuardian(db, s.schoolId, ids.olia, await f.buildUser(db, 'tato'), { email: 'tato@example.com' });
  ids.petro = await f.buildPupil(db, s.schoolId, ids.classId, ['Шевчук', 'Петро']);
  await f.buildGuardian(db, s.schoolId, ids.petro, await f.buildUser(db, 'batko'), { consent: false, email: 'batko@example.com' });
  const pageId = await f.buildPage(db, s, { classId: ids.classId, subject: 'Математика', teacherId: math });
  lessons = await f.buildLessons(db, s.schoolId, pageId, ['2025-10-13', '2025-10-14', '2025-10-15']);
  pageUrl = `${base}/journal/pages/${pageId}`;
  for (const login of ['math', 'admin', 'ct', 'mama', 'tato', 'batko']) as[login] = await actAs(app, login);
});
afterAll(async () => {
  configureMailer(undefined);
  smtp.close();
  await app.close();
  await db.close();
});

const outbox = async () =>
  (await db.pool.query(`SELECT id, to_address AS "to", subject, text_body AS text, status, send_after AS "sendAfter" FROM outbox_email ORDER BY id`)).rows;
const save = (cells: { lessonId: number; pupilId: number; mark: string; absent: boolean }[]) =>
  as.math.put(`${pageUrl}/entries`, { cells: cells.map((c) => ({ ...c, version: 0 })) });

describe(`notification settings (${testEngine})`, () => {
  it('starts from the defaults and the account’s address, and refuses bad times', async () => {
    const url = `${base}/notification-settings`;
    expect((await as.tato.get(url)).json()).toEqual({
      email: 'tato@example.com', marks: 'instant', absences: 'instant', announcements: 'instant', quietFrom: '21:00', quietTo: '07:00', digestAt: '19:00',
    });
    const settings = { email: '', marks: 'digest', absences: 'digest', announcements: 'instant', quietFrom: '21:00', quietTo: '07:00', digestAt: '19:00' };
    const bad = await as.tato.put(url, { ...settings, quietFrom: '25:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields).toEqual([{ path: 'quietFrom', message: 'Час у форматі ГГ:ХХ, наприклад 21:00.' }]);
    expect((await as.tato.put(url, { ...settings, quietTo: null })).json().error.details.fields[0].path).toBe('quietTo');
    expect((await as.math.put(url, settings)).statusCode).toBe(403);
    // no consent, no parent role here
    expect((await as.batko.get(url)).statusCode).toBe(403);
    const saved = await as.tato.put(url, settings);
    expect(saved.json()).toMatchObject({ marks: 'digest', email: 'tato@example.com' });
  });
});

describe(`new marks and absences (${testEngine})`, () => {
  it('queues one e-mail per parent and pupil at once, keeps digest news pending, and none without consent', async () => {
    // history older than a day before the first run (an import, last week's marks) is never sent as news,
    // even where the family had consented back then
    await db.pool.query(
      `INSERT INTO consent_record (school_id, pupil_id, guardian_id, scope, purposes, notice_id, action, channel, signed_on, recorded_at)
       SELECT school_id, pupil_id, guardian_id, scope, purposes, notice_id, action, channel, signed_on, now() - interval '10 days'
       FROM consent_record WHERE pupil_id = $1`,
      [ids.olia],
    );
    await db.pool.query(
      `INSERT INTO journal_change (school_id, at, page_id, lesson_id, pupil_id, field, old_value, new_value)
       SELECT school_id, now() - interval '3 days', page_id, id, $2, 'mark', '', '5' FROM lesson WHERE id = $1`,
      [lessons[2], ids.olia],
    );
    expect((await save([
      { lessonId: lessons[0], pupilId: ids.olia, mark: '11', absent: false },
      { lessonId: lessons[1], pupilId: ids.olia, mark: '', absent: true },
      { lessonId: lessons[0], pupilId: ids.petro, mark: '9', absent: false },
    ])).statusCode).toBe(200);
    const counts = await runNotifications(db, at(-1, '10:00'));
    expect(counts).toEqual({ instant: 1, pending: 2, digests: 0, cancelled: 0 });
    const [mail] = await outbox();
    expect(mail).toMatchObject({ to: 'mama@example.com', subject: 'Коваль Оля: нових записів у щоденнику — 2', status: 'queued' });
    expect(mail.text).toContain('• Математика, 13.10: оцінка 11');
    expect(mail.text).toContain('• Математика, 14.10: відсутність (н)');
    expect(mail.text).not.toContain('оцінка 5');
    expect(new Date(mail.sendAfter).toISOString()).toBe(at(-1, '10:00').toISOString());
    // a second run finds nothing new
    expect(await runNotifications(db, at(-1, '10:01'))).toEqual({ instant: 0, pending: 0, digests: 0, cancelled: 0 });
    expect(await outbox()).toHaveLength(1);
  });

  it('delivers through SMTP, retrying a failed delivery', async () => {
    configureMailer('smtp://127.0.0.1:1');
    expect(await sendDueEmails(db)).toBe(0);
    expect((await outbox())[0].status).toBe('queued');
    await db.pool.query('UPDATE outbox_email SET send_after = now()');
    configureMailer(smtpUrl);
    expect(await sendDueEmails(db)).toBe(1);
    expect(received.map((r) => r.to)).toEqual([['mama@example.com']]);
    expect((await outbox())[0].status).toBe('sent');
  });

  it('sends the daily digest at the parent’s hour, with everything since the last one', async () => {
    expect((await runNotifications(db, at(-1, '18:00'))).digests).toBe(0);
    const counts = await runNotifications(db, at(-1, '19:30'));
    expect(counts.digests).toBe(1);
    const digest = (await outbox()).at(-1);
    expect(digest.to).toBe('tato@example.com');
    expect(digest.subject).toMatch(/^Коваль Оля: підсумок дня в щоденнику, \d\d\.\d\d\.\d{4}$/);
    expect(digest.text).toContain('• Математика, 13.10: оцінка 11');
    expect(digest.text).toContain('• Математика, 14.10: відсутність (н)');
    expect(new Date(digest.sendAfter).toISOString()).toBe(at(-1, '19:30').toISOString());
    expect((await runNotifications(db, at(-1, '20:00'))).digests).toBe(0);
  });

  it('holds an instant e-mail until the quiet hours end; the digest takes it the next day', async () => {
    await save([{ lessonId: lessons[2], pupilId: ids.olia, mark: '10', absent: false }]);
    expect(await runNotifications(db, at(-1, '22:30'))).toEqual({ instant: 1, pending: 1, digests: 0, cancelled: 0 });
    const quiet = (await outbox()).at(-1);
    expect(quiet).toMatchObject({ to: 'mama@example.com', subject: 'Коваль Оля: Математика, 15.10: оцінка 10' });
    expect(new Date(quiet.sendAfter).toISOString()).toBe(at(0, '07:00').toISOString());
    expect((await runNotifications(db, at(0, '18:59'))).digests).toBe(0);
    expect((await runNotifications(db, at(0, '19:00'))).digests).toBe(1);
    const digest = (await outbox()).at(-1);
    expect(digest.to).toBe('tato@example.com');
    expect(digest.text).toContain('оцінка 10');
    expect(digest.text).not.toContain('оцінка 11');
  });
});

describe(`a withdrawn consent stops e-mails (${testEngine})`, () => {
  it('cancels what waits in the outbox and queues nothing new', async () => {
    await db.pool.query(`UPDATE outbox_email SET status = 'sent' WHERE status = 'queued'`);
    const l4 = (await f.buildLessons(db, (await as.math.get('/api/auth/me')).json().schools[0].schoolId, Number(pageUrl.split('/').pop()), ['2025-10-10']))[0];
    await save([{ lessonId: l4, pupilId: ids.olia, mark: '8', absent: false }]);
    await runNotifications(db, at(-1, '23:00'));
    const waiting = (await outbox()).filter((m) => m.status === 'queued');
    expect(waiting.map((m) => m.to)).toEqual(['mama@example.com']);
    const pending = await db.pool.query(`SELECT count(*)::int AS n FROM notification WHERE status = 'pending'`);
    expect(pending.rows[0].n).toBe(1);

    const url = `${base}/pupils/${ids.olia}/consent`;
    const first = await as.ct.post(url, { guardianId: ids.tatoG, action: 'withdrawn', signedOn: '2025-10-15' });
    // the mother still consents: the pupil's consent stays valid, but the father's own news stops
    expect(first.json()).toMatchObject({ valid: true, cancelledNotifications: 1 });
    expect((await outbox()).find((m) => m.id === waiting[0].id).status).toBe('queued');
    const last = await as.ct.post(url, { guardianId: ids.mamaG, action: 'withdrawn', signedOn: '2025-10-15' });
    expect(last.json()).toMatchObject({ valid: false, cancelledNotifications: 1 });
    expect((await outbox()).find((m) => m.id === waiting[0].id).status).toBe('cancelled');

    const before = received.length;
    expect(await sendDueEmails(db)).toBe(0);
    expect(received).toHaveLength(before);
    const l5 = (await f.buildLessons(db, Number(base.split('/').pop()), Number(pageUrl.split('/').pop()), ['2025-10-09']))[0];
    await save([{ lessonId: l5, pupilId: ids.olia, mark: '7', absent: true }]);
    expect(await runNotifications(db, at(0, '12:00'))).toEqual({ instant: 0, pending: 0, digests: 0, cancelled: 0 });
  });

  it('drops digest news whose pupil lost consent before the digest went', async () => {
    await f.buildConsent(db, Number(base.split('/').pop()), ids.olia, ids.mamaG, 'given');
    await f.buildConsent(db, Number(base.split('/').pop()), ids.olia, ids.tatoG, 'given');
    const l6 = (await f.buildLessons(db, Number(base.split('/').pop()), Number(pageUrl.split('/').pop()), ['2025-10-08']))[0];
    await save([{ lessonId: l6, pupilId: ids.olia, mark: '12', absent: false }]);
    const counts = await runNotifications(db, at(0, '13:00'));
    expect(counts).toMatchObject({ instant: 1, pending: 1 });
    // withdrawn behind the service's back (no cancellation): the digest run still checks consent
    await f.buildConsent(db, Number(base.split('/').pop()), ids.olia, ids.mamaG, 'withdrawn');
    await f.buildConsent(db, Number(base.split('/').pop()), ids.olia, ids.tatoG, 'withdrawn');
    expect(await runNotifications(db, at(1, '19:30'))).toMatchObject({ digests: 0, cancelled: 1 });
  });
});

describe(`announcements by e-mail (${testEngine})`, () => {
  it('sends an announcement to the parents it reaches, in full', async () => {
    await f.buildConsent(db, Number(base.split('/').pop()), ids.olia, ids.mamaG, 'given');
    const res = await as.admin.post(`${base}/announcements`, { audience: 'class', classId: ids.classId, title: 'Батьківські збори', body: 'У четвер о 18:00, кабінет 12.' });
    expect(res.statusCode).toBe(200);
    const before = (await outbox()).length;
    const counts = await runNotifications(db, at(0, '14:00'));
    // the mother wants it at once; the father has withdrawn; Петро's father never consented
    expect(counts).toMatchObject({ instant: 1 });
    const mail = (await outbox()).slice(before);
    expect(mail.map((m) => [m.to, m.subject])).toEqual([['mama@example.com', 'Ліцей № 9: Батьківські збори']]);
    expect(mail[0].text).toContain('У четвер о 18:00, кабінет 12.');
    expect(await runNotifications(db, at(0, '14:05'))).toMatchObject({ instant: 0 });
  });
});
