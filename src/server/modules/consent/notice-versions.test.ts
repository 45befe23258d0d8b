import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { consentFromCli, parseNoticeFile } from './cli.js';
import { mailPublishedNotices } from './notice-mail.js';

// A school publishes its own version of the privacy notice; guardians who consented to an
// older version keep access but are asked to read the new one and confirm; the dashboard
// counts them.
let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
const ids: Record<string, number> = {};
let base: string;

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-15' });
  const cityId = await f.buildCity(db);
  const a = await f.buildSchool(db, cityId, 'Ліцей № 3');
  const b = await f.buildSchool(db, cityId, 'Гімназія № 4');
  ids.school = a.schoolId;
  ids.schoolB = b.schoolId;
  base = `/api/schools/${a.schoolId}`;
  await f.buildStaff(db, a.schoolId, 'admin', ['admin']);
  await f.buildStaff(db, a.schoolId, 'teacher', ['teacher']);
  await f.buildStaff(db, b.schoolId, 'admin.b', ['admin']);
  const ct = await f.buildStaff(db, a.schoolId, 'ct', ['teacher']);
  const cls = await f.buildClass(db, a, 6, 'А', ct);
  ids.olia = await f.buildPupil(db, a.schoolId, cls, ['Коваль', 'Оля']);
  await f.buildGuardian(db, a.schoolId, ids.olia, await f.buildUser(db, 'mama'), { name: ['Коваль', 'Ірина'], email: 'iryna@example.com' });
  ids.petro = await f.buildPupil(db, a.schoolId, cls, ['Шевчук', 'Петро']);
  await f.buildGuardian(db, a.schoolId, ids.petro, null, { consent: false, email: 'shevchuk@example.com' });
  for (const login of ['admin', 'teacher', 'admin.b', 'ct', 'mama']) as[login] = await actAs(app, login);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const notices = () => withSystem(db, async (c) => (await c.query('SELECT count(*)::int AS n FROM privacy_notice')).rows[0].n);
const draft = {
  title: 'Повідомлення ліцею № 3 про обробку персональних даних',
  body: 'Володілець персональних даних — Ліцей № 3.\n\nДані обробляються для ведення електронного щоденника.',
  purposes: ['Перегляд щоденника', 'Повідомлення батькам електронною поштою'],
};

describe(`publishing a school's notice version (${testEngine})`, () => {
  it('answers 401, and 403 to a teacher, a class teacher and another school’s administrator; nothing is published', async () => {
    const before = await notices();
    expect((await anonymous(app, 'POST', `${base}/consent/notices`, draft)).statusCode).toBe(401);
    expect((await as.teacher.post(`${base}/consent/notices`, draft)).statusCode).toBe(403);
    expect((await as.ct.post(`${base}/consent/notices`, draft)).statusCode).toBe(403);
    expect((await as['admin.b'].post(`${base}/consent/notices`, draft)).statusCode).toBe(403);
    expect((await as['admin.b'].get(`${base}/consent/notices`)).statusCode).toBe(403);
    expect(await notices()).toBe(before);
  });

  it('refuses an empty purpose with its field named, in the asked language', async () => {
    const before = await notices();
    const res = await as.admin.post(`${base}/consent/notices`, { ...draft, purposes: ['Перегляд щоденника', ' '] }, 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe('purposes.1');
    expect(await notices()).toBe(before);
  });

  it('before: the consent is to the version in force and nobody is asked again', async () => {
    const mine = (await as.mama.get('/api/consent/mine')).json().items[0];
    expect(mine).toMatchObject({ valid: true, reconfirm: false });
    const dash = (await as.admin.get(`${base}/consent/dashboard`)).json();
    expect(dash).toMatchObject({ school: { total: 2, consented: 1 }, olderVersion: 0, notice: { level: 'default', version: 1 } });
  });

  it('publishes version 1 of the school; the consent stays valid but the guardian is asked to confirm', async () => {
    const res = await as.admin.post(`${base}/consent/notices`, draft);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ level: 'school', version: 1, title: draft.title, purposes: draft.purposes });
    const mine = (await as.mama.get('/api/consent/mine')).json().items[0];
    expect(mine).toMatchObject({ valid: true, reconfirm: true, notice: { id: res.json().id, level: 'school' } });
    // access stays open meanwhile: the child is still the guardian's
    expect((await as.mama.get('/api/auth/me')).json().schools[0].children).toEqual([expect.objectContaining({ pupilId: ids.olia })]);
    const dash = (await as.admin.get(`${base}/consent/dashboard`)).json();
    expect(dash).toMatchObject({ school: { consented: 1 }, olderVersion: 1, notice: { level: 'school', version: 1 } });
    // the other school still shows the default notice
    expect((await as['admin.b'].get(`/api/schools/${ids.schoolB}/consent/notice`)).json().level).toBe('default');
  });

  it('e-mails the new version once to the guardians who consented to an older one (not to those who never did)', async () => {
    const letters = () =>
      withSystem(db, async (c) => (await c.query(`SELECT to_address AS "to", subject, text_body AS text FROM outbox_email WHERE dedupe_key LIKE 'notice:%' ORDER BY id`)).rows);
    expect(await mailPublishedNotices(db)).toBe(1);
    const sent = await letters();
    expect(sent.map((m: { to: string }) => m.to)).toEqual(['iryna@example.com']);
    expect(sent[0].subject).toBe('Ліцей № 3: нова редакція повідомлення про обробку персональних даних');
    expect(sent[0].text).toContain('нову редакцію (версію 1)');
    expect(sent[0].text).toContain('(Оля)');
    expect(sent[0].text).toContain('«Згода на обробку даних»');
    // the next run finds nothing new to mail
    expect(await mailPublishedNotices(db)).toBe(0);
    expect(await letters()).toHaveLength(1);
  });

  it('refuses to publish the same text again: everyone would be asked for nothing', async () => {
    const before = await notices();
    const res = await as.admin.post(`${base}/consent/notices`, draft, 'uk');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Текст не змінився порівняно з чинною версією: публікувати нічого.');
    expect(await notices()).toBe(before);
  });

  it('the guardian confirms the new version: asked no more, history keeps both answers', async () => {
    const mine = (await as.mama.get('/api/consent/mine')).json().items[0];
    const res = await as.mama.post('/api/consent/mine', { schoolId: ids.school, pupilId: ids.olia, action: 'given', noticeId: mine.notice.id });
    expect(res.statusCode).toBe(200);
    expect((await as.mama.get('/api/consent/mine')).json().items[0]).toMatchObject({ valid: true, reconfirm: false });
    expect((await as.admin.get(`${base}/consent/dashboard`)).json().olderVersion).toBe(0);
    const history = (await as.admin.get(`${base}/pupils/${ids.olia}/consent`)).json().records;
    expect(history.map((r: { noticeVersion: number; action: string }) => [r.action, r.noticeVersion])).toEqual([
      ['given', 1],
      ['given', 1],
    ]);
  });

  it('a second version is numbered 2 and lists before the first', async () => {
    const res = await as.admin.post(`${base}/consent/notices`, { ...draft, body: `${draft.body}\n\nСтрок зберігання — 5 років.` });
    expect(res.json()).toMatchObject({ level: 'school', version: 2 });
    const list = (await as.admin.get(`${base}/consent/notices`)).json();
    expect(list.versions.map((n: { level: string; version: number }) => `${n.level} ${n.version}`)).toEqual(['school 2', 'school 1', 'default 1']);
    expect((await as.mama.get('/api/consent/mine')).json().items[0].reconfirm).toBe(true);
  });
});

describe(`publishing from the command line (${testEngine})`, () => {
  it('reads the title, the text and the purposes from a text file; a bad file publishes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notice-'));
    const file = join(dir, 'notice.txt');
    writeFileSync(file, 'Повідомлення (редакція з файлу)\n\nПерший абзац.\n\nДругий абзац.\n\n- Щоденник\n- Пошта\n');
    expect(parseNoticeFile('Заголовок\r\n\r\nТекст.\r\n- Мета')).toEqual({ title: 'Заголовок', body: 'Текст.', purposes: ['Мета'] });
    const lines: string[] = [];
    const before = await notices();
    expect(await consentFromCli(db, { sub: 'notice', schoolId: ids.school, file, dryRun: true }, (l) => lines.push(l))).toBe(0);
    expect(await notices()).toBe(before);
    expect(await consentFromCli(db, { sub: 'notice', schoolId: ids.school, file }, (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toMatch(/^Published version 3 /);
    // versions 2 and 3 were not mailed yet: the guardian who consented to version 1 gets one letter, of version 3
    expect(lines.at(-1)).toMatch(/\(e-mails queued: 1\)\.$/);
    const current = (await as.admin.get(`${base}/consent/notice`)).json();
    expect(current).toMatchObject({ title: 'Повідомлення (редакція з файлу)', body: 'Перший абзац.\n\nДругий абзац.', purposes: ['Щоденник', 'Пошта'] });
    writeFileSync(file, 'Лише заголовок\n');
    expect(await consentFromCli(db, { sub: 'notice', schoolId: ids.school, file }, (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toMatch(/Nothing was published/);
    expect(await notices()).toBe(before + 1);
  });
});
