import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSchool } from '../../db/tenancy.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { consentCoverageBySchool } from './service.js';
import { embedsDejaVu, PNG_BYTES, pdfText } from './test-helpers.js';

let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
const ids: Record<string, number> = {};
let base: string;
const scan = { fileName: 'zgoda.png', contentBase64: PNG_BYTES.toString('base64') };

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-15' });
  ids.city = await f.buildCity(db);
  const a = await f.buildSchool(db, ids.city, 'Ліцей № 1');
  const b = await f.buildSchool(db, ids.city, 'Гімназія № 2');
  ids.school = a.schoolId;
  ids.schoolB = b.schoolId;
  base = `/api/schools/${a.schoolId}`;
  await f.buildStaff(db, a.schoolId, 'head', ['head']);
  await f.buildStaff(db, a.schoolId, 'admin', ['admin']);
  await f.buildStaff(db, a.schoolId, 'math', ['teacher']);
  await f.buildStaff(db, b.schoolId, 'admin.b', ['admin']);
  ids.classA = await f.buildClass(db, a, 5, 'А', await f.buildStaff(db, a.schoolId, 'ct.a', ['teacher']));
  ids.classB = await f.buildClass(db, a, 5, 'Б', await f.buildStaff(db, a.schoolId, 'ct.b', ['teacher']));
  ids.olia = await f.buildPupil(db, a.schoolId, ids.classA, ['Коваль', 'Оля'], await f.buildUser(db, 'olia'));
  ids.mamaG = await f.buildGuardian(db, a.schoolId, ids.olia, await f.buildUser(db, 'mama'), { name: ['Коваль', 'Ірина'] });
  ids.petro = await f.buildPupil(db, a.schoolId, ids.classA, ['Шевчук', 'Петро']);
  ids.myroslava = await f.buildGuardian(db, a.schoolId, ids.petro, null, { consent: false, name: ['Шевчук', 'Мирослава'] });
  ids.marta = await f.buildPupil(db, a.schoolId, ids.classA, ['Ґудзь', 'Марта']);
  ids.ivan = await f.buildPupil(db, a.schoolId, ids.classB, ['Бойко', 'Іван']);
  await f.buildGuardian(db, a.schoolId, ids.ivan, null);
  const bClass = await f.buildClass(db, b, 7, 'В');
  await f.buildPupil(db, b.schoolId, bClass, ['Чужий', 'Учень']);
  const page = await f.buildPage(db, a, { classId: ids.classA, subject: 'Математика', teacherId: null });
  await f.buildLessons(db, a.schoolId, page, ['2025-10-13']);
  for (const login of ['head', 'admin', 'math', 'admin.b', 'ct.a', 'ct.b', 'olia', 'mama']) as[login] = await actAs(app, login);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const count = async (table: string) => (await db.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

describe(`privacy notice (${testEngine})`, () => {
  it('shows the default notice until the school publishes its own version', async () => {
    const first = await as.mama.get(`${base}/consent/notice`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ level: 'default', version: 1, scope: 'online_journal' });
    expect(first.json().body).toContain('Про захист персональних даних');
    expect((await as.math.post(`${base}/consent/notices`, { title: 'x', body: 'y', purposes: ['z'] })).statusCode).toBe(403);
    const bad = await as.admin.post(`${base}/consent/notices`, { title: '', body: 'y', purposes: ['z'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toEqual({ path: 'title', message: 'Заповніть це поле.' });
    const published = await as.admin.post(`${base}/consent/notices`, { title: 'Повідомлення ліцею', body: 'Текст ліцею', purposes: ['Щоденник'] });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ level: 'school', version: 1, title: 'Повідомлення ліцею' });
    const list = (await as.head.get(`${base}/consent/notices`)).json();
    expect(list.current.title).toBe('Повідомлення ліцею');
    expect(list.versions.map((n: { level: string }) => n.level)).toEqual(['school', 'default']);
    // school B still sees the default
    expect((await as['admin.b'].get(`/api/schools/${ids.schoolB}/consent/notice`)).json().level).toBe('default');
  });
});

describe(`paper consent and withdrawal (${testEngine})`, () => {
  it('records a signed paper consent with its scan, and the scan comes back as stored', async () => {
    const url = `${base}/pupils/${ids.petro}/consent`;
    const res = await as['ct.a'].post(url, { guardianId: ids.myroslava, action: 'given', signedOn: '2025-09-02', scan, note: 'на батьківських зборах' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ valid: true, record: { channel: 'paper', action: 'given', signedOn: '2025-09-02', scanType: 'image/png', guardianName: 'Шевчук Мирослава', noticeVersion: 1 } });
    expect(body.record.purposes).toEqual(['Щоденник']);
    const file = await as.admin.get(`${base}/consent/scans/${body.record.scanId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.from(file.rawPayload).equals(PNG_BYTES)).toBe(true);
    expect((await as['ct.b'].get(`${base}/consent/scans/${body.record.scanId}`)).statusCode).toBe(403);
  });

  it('refuses a scan that is not PDF/JPEG/PNG, a paper consent without a scan, a future date: nothing written', async () => {
    const url = `${base}/pupils/${ids.marta}/consent`;
    const before = [await count('consent_record'), await count('consent_scan')];
    const fake = { fileName: 'zgoda.png', contentBase64: Buffer.from('MZ not an image').toString('base64') };
    const g = await f.buildGuardian(db, ids.school, ids.marta, null, { consent: false });
    const badScan = await as['ct.a'].post(url, { guardianId: g, action: 'given', signedOn: '2025-09-02', scan: fake }, 'en');
    expect(badScan.statusCode).toBe(400);
    expect(badScan.json().error).toMatchObject({ code: 'invalid_scan', message: 'The scan must be a PDF, JPEG or PNG file of 4 MB at most.' });
    const noScan = await as['ct.a'].post(url, { guardianId: g, action: 'given', signedOn: '2025-09-02' });
    expect(noScan.json().error.code).toBe('scan_required');
    const future = await as['ct.a'].post(url, { guardianId: g, action: 'given', signedOn: '2025-10-16', scan });
    expect(future.json().error.code).toBe('future_date');
    const badDate = await as['ct.a'].post(url, { guardianId: g, action: 'given', signedOn: '16.10.2025', scan });
    expect(badDate.json().error.details.fields).toEqual([{ path: 'signedOn', message: 'Неправильна дата.' }]);
    const otherFamily = await as['ct.a'].post(url, { guardianId: ids.myroslava, action: 'given', signedOn: '2025-09-02', scan });
    expect(otherFamily.statusCode).toBe(404);
    expect([await count('consent_record'), await count('consent_scan')]).toEqual(before);
  });

  it('lets only the head, the administrator and the pupil’s own class teacher record consent', async () => {
    const url = `${base}/pupils/${ids.petro}/consent`;
    const payload = { guardianId: ids.myroslava, action: 'withdrawn', signedOn: '2025-10-01' };
    expect((await anonymous(app, 'POST', url, payload)).statusCode).toBe(401);
    expect((await as['ct.b'].post(url, payload)).statusCode).toBe(403);
    expect((await as.math.post(url, payload)).statusCode).toBe(403);
    expect((await as.mama.post(url, payload)).statusCode).toBe(403);
    expect((await as['admin.b'].post(url, payload)).statusCode).toBe(403);
    // school B's own path with school A's pupil: row-level security hides it
    expect((await as['admin.b'].post(`/api/schools/${ids.schoolB}/pupils/${ids.petro}/consent`, payload)).statusCode).toBe(404);
  });

  it('withdraws, keeps the full history in order, and never changes a history row', async () => {
    const url = `${base}/pupils/${ids.petro}/consent`;
    const res = await as.admin.post(url, { guardianId: ids.myroslava, action: 'withdrawn', signedOn: '2025-10-01', note: 'заява' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: false, record: { action: 'withdrawn', channel: 'paper', scanId: null } });
    const again = await as.admin.post(url, { guardianId: ids.myroslava, action: 'withdrawn', signedOn: '2025-10-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('nothing_to_withdraw');
    const history = (await as['ct.a'].get(url)).json();
    expect(history.valid).toBe(false);
    expect(history.records.map((r: { action: string; signedOn: string }) => [r.action, r.signedOn])).toEqual([
      ['given', '2025-09-02'],
      ['withdrawn', '2025-10-01'],
    ]);
    await expect(withSchool(db, { schoolId: ids.school, userId: 0 }, (c) => c.query(`UPDATE consent_record SET action = 'given'`))).rejects.toThrow(/permission denied/);
    await expect(db.pool.query(`DELETE FROM consent_record WHERE pupil_id = $1`, [ids.petro])).rejects.toThrow(/append-only/);
  });
});

describe(`withdrawal ends access at once (${testEngine})`, () => {
  it('the parent gets 403 on the diary and the pupil loses access, until consent is given again', async () => {
    const diary = `${base}/diary/${ids.olia}/week?date=2025-10-13`;
    expect((await as.mama.get(diary)).statusCode).toBe(200);
    expect((await as.olia.get(diary)).statusCode).toBe(200);
    const mine = (await as.mama.get('/api/consent/mine')).json().items;
    expect(mine).toEqual([expect.objectContaining({ pupilId: ids.olia, valid: true, mine: expect.objectContaining({ action: 'given' }) })]);
    const withdrawn = await as.mama.post('/api/consent/mine', { schoolId: ids.school, pupilId: ids.olia, action: 'withdrawn', noticeId: mine[0].notice.id });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ valid: false, record: { channel: 'electronic', action: 'withdrawn', signedOn: '2025-10-15' } });
    // the same sessions, the very next request
    expect((await as.mama.get(diary)).statusCode).toBe(403);
    expect((await as.olia.get(diary)).statusCode).toBe(403);
    expect((await as.olia.get(`${base}/diary/${ids.olia}/subjects`)).statusCode).toBe(403);
    const me = (await as.mama.get('/api/auth/me')).json();
    expect(me.schools).toEqual([]);
    expect((await as.olia.get('/api/auth/me')).json().schools).toEqual([]);
    // the parent still reaches the consent page, and an outdated notice is refused
    const items = (await as.mama.get('/api/consent/mine')).json().items;
    expect(items[0]).toMatchObject({ valid: false, mine: { action: 'withdrawn' } });
    const stale = await as.mama.post('/api/consent/mine', { schoolId: ids.school, pupilId: ids.olia, action: 'given', noticeId: 1 });
    expect(stale.json().error.code).toBe('notice_outdated');
    const given = await as.mama.post('/api/consent/mine', { schoolId: ids.school, pupilId: ids.olia, action: 'given', noticeId: items[0].notice.id });
    expect(given.json().valid).toBe(true);
    expect((await as.mama.get(diary)).statusCode).toBe(200);
    expect((await as.olia.get(diary)).statusCode).toBe(200);
  });

  it('refuses to answer for a child who is not one’s own', async () => {
    const res = await as.mama.post('/api/consent/mine', { schoolId: ids.school, pupilId: ids.petro, action: 'given', noticeId: 1 });
    expect(res.statusCode).toBe(403);
  });
});

describe(`register, dashboard and forms (${testEngine})`, () => {
  it('shows the class register in Ukrainian order with each guardian’s latest answer', async () => {
    const res = await as['ct.a'].get(`${base}/classes/${ids.classA}/consent`);
    expect(res.statusCode).toBe(200);
    const reg = res.json();
    expect(reg.pupils.map((p: { name: string; valid: boolean }) => [p.name, p.valid])).toEqual([
      ['Ґудзь Марта', false],
      ['Коваль Оля', true],
      ['Шевчук Петро', false],
    ]);
    expect(reg).toMatchObject({ consented: 1, total: 3 });
    const petro = reg.pupils[2];
    expect(petro.guardians[0]).toMatchObject({ name: 'Шевчук Мирослава', hasAccount: false, latest: { action: 'withdrawn' } });
    expect((await as['ct.b'].get(`${base}/classes/${ids.classA}/consent`)).statusCode).toBe(403);
  });

  it('gives shares by class and school and the missing pupils; a class teacher sees only their class', async () => {
    const all = (await as.admin.get(`${base}/consent/dashboard`)).json();
    expect(all.school).toEqual({ total: 4, consented: 2, share: 0.5 });
    expect(all.classes).toEqual([
      { classId: ids.classA, label: '5-А', total: 3, consented: 1, share: 0.333 },
      { classId: ids.classB, label: '5-Б', total: 1, consented: 1, share: 1 },
    ]);
    expect(all.missing.map((m: { name: string; withdrawn: boolean }) => [m.name, m.withdrawn])).toEqual([
      ['Ґудзь Марта', false],
      ['Шевчук Петро', true],
    ]);
    const own = (await as['ct.b'].get(`${base}/consent/dashboard`)).json();
    expect(own.classes.map((c: { label: string }) => c.label)).toEqual(['5-Б']);
    expect(own.missing).toEqual([]);
    expect((await as.math.get(`${base}/consent/dashboard`)).statusCode).toBe(403);
  });

  it('gives the city aggregates only: shares per school, no names', async () => {
    const rows = await consentCoverageBySchool(db, ids.city);
    expect(rows).toEqual([
      { schoolId: ids.schoolB, schoolName: 'Гімназія № 2', total: 1, consented: 0, share: 0 },
      { schoolId: ids.school, schoolName: 'Ліцей № 1', total: 4, consented: 2, share: 0.5 },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Коваль|Шевчук|Ґудзь|Бойко|Чужий/);
  });

  it('prints the consent form and the notice pre-filled for the family, with an embedded Cyrillic font', async () => {
    const res = await as['ct.a'].get(`${base}/classes/${ids.classA}/consent/forms.pdf?pupilId=${ids.petro}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = Buffer.from(res.rawPayload);
    expect(embedsDejaVu(pdf)).toBe(true);
    const text = pdfText(pdf);
    if (text !== null) {
      expect(text).toContain('ЗГОДА');
      expect(text).toContain('Шевчук Петро');
      expect(text).toContain('Шевчук Мирослава');
      expect(text).toContain('5-А класу');
      expect(text).toContain('Повідомлення ліцею');
    }
    const missing = await as['ct.a'].get(`${base}/classes/${ids.classA}/consent/forms.pdf?pupilId=${ids.ivan}`);
    expect(missing.statusCode).toBe(404);
  });
});
