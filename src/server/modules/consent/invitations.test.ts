import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { lookupInvitation } from './invitations.service.js';
import { embedsDejaVu, pdfText } from './test-helpers.js';

let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
const ids: Record<string, number> = {};
const codes: Record<string, string> = {};
let base: string;

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-15' });
  const cityId = await f.buildCity(db);
  const s = await f.buildSchool(db, cityId, 'Ліцей № 3');
  ids.school = s.schoolId;
  base = `/api/schools/${s.schoolId}`;
  ids.classA = await f.buildClass(db, s, 5, 'А', await f.buildStaff(db, s.schoolId, 'ct.a', ['teacher']));
  ids.classB = await f.buildClass(db, s, 6, 'Б', await f.buildStaff(db, s.schoolId, 'ct.b', ['teacher']));
  await f.buildStaff(db, s.schoolId, 'math', ['teacher']);
  ids.olia = await f.buildPupil(db, s.schoolId, ids.classA, ['Коваль', 'Оля']);
  ids.iryna = await f.buildGuardian(db, s.schoolId, ids.olia, null, { consent: false, name: ['Коваль', 'Ірина'], email: 'iryna@example.com' });
  ids.taras = await f.buildGuardian(db, s.schoolId, ids.olia, null, { consent: false, name: ['Коваль', 'Тарас'] });
  ids.petro = await f.buildPupil(db, s.schoolId, ids.classA, ['Шевчук', 'Петро']);
  ids.myroslava = await f.buildGuardian(db, s.schoolId, ids.petro, null, { name: ['Шевчук', 'Мирослава'] });
  ids.marta = await f.buildPupil(db, s.schoolId, ids.classA, ['Ґудзь', 'Марта']);
  ids.ivan = await f.buildPupil(db, s.schoolId, ids.classA, ['Бойко', 'Іван'], await f.buildUser(db, 'ivan'));
  await f.buildGuardian(db, s.schoolId, ids.ivan, await f.buildUser(db, 'mama.b'));
  for (const login of ['ct.a', 'ct.b', 'math']) as[login] = await actAs(app, login);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const lookup = (code: string, lang?: string) =>
  app.inject({ method: 'POST', url: '/api/auth/invitation', payload: { code }, headers: lang ? { 'accept-language': lang } : {} });
const redeem = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/auth/invitation/redeem', payload });
const sessionOf = (res: LightMyRequestResponse) => `klasnyi_session=${res.cookies.find((c) => c.name === 'klasnyi_session')?.value}`;
const userCount = async () => (await db.pool.query('SELECT count(*)::int AS n FROM app_user')).rows[0].n;

describe(`issuing codes (${testEngine})`, () => {
  it('refuses other classes’ teachers and subject teachers', async () => {
    expect((await anonymous(app, 'POST', `${base}/classes/${ids.classA}/invitations`, {})).statusCode).toBe(401);
    expect((await as['ct.b'].post(`${base}/classes/${ids.classA}/invitations`, {})).statusCode).toBe(403);
    expect((await as.math.post(`${base}/classes/${ids.classA}/invitations`, {})).statusCode).toBe(403);
    expect((await as['ct.a'].post(`${base}/classes/${ids.classA}/invitations`, { validDays: 500 })).statusCode).toBe(400);
  });

  it('gives a code to each guardian without an account, and to pupils whose family consented', async () => {
    const res = await as['ct.a'].post(`${base}/classes/${ids.classA}/invitations`, {});
    expect(res.statusCode).toBe(200);
    const { issued, skipped } = res.json();
    expect(issued.map((i: { personName: string; pupilName: string }) => [i.personName, i.pupilName])).toEqual([
      ['Коваль Ірина', 'Коваль Оля'],
      ['Коваль Тарас', 'Коваль Оля'],
      ['Шевчук Мирослава', 'Шевчук Петро'],
      ['Шевчук Петро', 'Шевчук Петро'],
    ]);
    for (const i of issued) {
      expect(i.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
      // 30 days by default
      expect(Math.round((Date.parse(i.expiresAt) - Date.now()) / 86_400_000)).toBe(30);
    }
    codes.iryna = issued[0].code;
    codes.taras = issued[1].code;
    codes.petro = issued[3].code;
    expect(skipped.map((x: { pupilName: string; personName: string; reason: string }) => [x.pupilName, x.personName, x.reason])).toEqual([
      ['Бойко Іван', 'Батьківна Ірина', 'has_account'],
      ['Бойко Іван', 'Бойко Іван', 'has_account'],
      ['Ґудзь Марта', '', 'no_guardians'],
      ['Ґудзь Марта', 'Ґудзь Марта', 'no_consent'],
      ['Коваль Оля', 'Коваль Оля', 'no_consent'],
    ]);
    const stored = await db.pool.query('SELECT code_hash FROM invitation');
    expect(JSON.stringify(stored.rows)).not.toContain(codes.iryna);
  });
});

describe(`redeeming (${testEngine})`, () => {
  it('tells what a code is for and shows the notice, in any spelling of the code', async () => {
    const res = await lookup(codes.iryna.toLowerCase().replace(/-/g, ' '));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'guardian', schoolName: 'Ліцей № 3', pupilName: 'Коваль Оля', personName: 'Коваль Ірина', consentNeeded: true, notice: { version: 1 } });
    expect((await lookup(codes.petro)).json()).toMatchObject({ kind: 'pupil', consentNeeded: false });
    const unknown = await lookup('AAAA-BBBB-CCCC', 'en');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('invitation_invalid');
  });

  it('refuses a guardian who has not consented, a weak password and a bad login: nothing is created', async () => {
    const before = await userCount();
    const noConsent = await redeem({ code: codes.iryna, login: 'iryna.k', password: 'dovhyi-parol-1' });
    expect(noConsent.statusCode).toBe(409);
    expect(noConsent.json().error.code).toBe('consent_required');
    const weak = await redeem({ code: codes.iryna, login: 'iryna.k', password: 'short', consent: { noticeId: 1, accept: true } });
    expect(weak.json().error.code).toBe('weak_password');
    const badLogin = await redeem({ code: codes.iryna, login: 'Ірина', password: 'dovhyi-parol-1' });
    expect(badLogin.statusCode).toBe(400);
    expect(badLogin.json().error.details.fields).toEqual([{ path: 'login', message: 'Логін: латинські літери, цифри, крапка, дефіс.' }]);
    const notAccepted = await redeem({ code: codes.iryna, login: 'iryna.k', password: 'dovhyi-parol-1', consent: { noticeId: 1, accept: false } });
    expect(notAccepted.statusCode).toBe(400);
    expect(await userCount()).toBe(before);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM invitation WHERE used_at IS NOT NULL')).rows[0].n).toBe(0);
  });

  it('creates the account, records the electronic consent and signs the parent in to the diary', async () => {
    const res = await redeem({ code: codes.iryna, login: 'Iryna.K', password: 'dovhyi-parol-1', consent: { noticeId: 1, accept: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, schoolId: ids.school, pupilId: ids.olia, kind: 'guardian' });
    const cookie = sessionOf(res);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ login: 'iryna.k', fullName: 'Коваль Ірина', schools: [{ schoolId: ids.school, roles: ['parent'], children: [{ pupilId: ids.olia }] }] });
    const diary = await app.inject({ method: 'GET', url: `${base}/diary/${ids.olia}/week`, headers: { cookie } });
    expect(diary.statusCode).toBe(200);
    const user = await db.pool.query(`SELECT email, password_hash FROM app_user WHERE login = 'iryna.k'`);
    expect(user.rows[0].email).toBe('iryna@example.com');
    expect(user.rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const history = (await as['ct.a'].get(`${base}/pupils/${ids.olia}/consent`)).json();
    expect(history.records).toEqual([expect.objectContaining({ guardianName: 'Коваль Ірина', action: 'given', channel: 'electronic', signedOn: '2025-10-15', recordedBy: 'Коваль Ірина' })]);
    // a code works once
    const again = await redeem({ code: codes.iryna, login: 'iryna.k2', password: 'dovhyi-parol-1', consent: { noticeId: 1, accept: true } });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('invitation_used');
  });

  it('lets the second guardian in without consenting again, but not with a login already taken', async () => {
    expect((await lookup(codes.taras)).json().consentNeeded).toBe(false);
    const taken = await redeem({ code: codes.taras, login: 'iryna.k', password: 'dovhyi-parol-2' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'login_taken', message: 'Логін iryna.k уже зайнятий.' });
    const ok = await redeem({ code: codes.taras, login: 'taras.k', password: 'dovhyi-parol-2' });
    expect(ok.statusCode).toBe(200);
  });

  it('opens the pupil’s own diary with the pupil’s code', async () => {
    const res = await redeem({ code: codes.petro, login: 'petro.sh', password: 'dovhyi-parol-3' });
    expect(res.statusCode).toBe(200);
    expect(res.json().kind).toBe('pupil');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionOf(res) } });
    expect(me.json().schools[0]).toMatchObject({ roles: ['pupil'], pupilId: ids.petro });
  });
});

describe(`expiry, renewal and letters (${testEngine})`, () => {
  it('expires after its days, and a new letter makes the old code stop working', async () => {
    const first = (await as['ct.a'].post(`${base}/classes/${ids.classA}/invitations`, { pupilIds: [ids.olia], include: 'pupils', validDays: 1 })).json();
    expect(first.issued.map((i: { personName: string }) => i.personName)).toEqual(['Коваль Оля']);
    const code = first.issued[0].code;
    await expect(lookupInvitation(db, code, new Date(Date.now() + 2 * 86_400_000))).rejects.toMatchObject({ code: 'invitation_expired' });
    expect((await lookup(code)).statusCode).toBe(200);
    const renewed = (await as['ct.a'].post(`${base}/classes/${ids.classA}/invitations`, { pupilIds: [ids.olia], include: 'pupils' })).json();
    expect((await lookup(code)).json().error.code).toBe('invitation_invalid');
    await db.pool.query(`UPDATE invitation SET expires_at = now() - interval '1 second' WHERE pupil_id = $1 AND guardian_id IS NULL AND revoked_at IS NULL`, [ids.olia]);
    const expired = await redeem({ code: renewed.issued[0].code, login: 'olia.k', password: 'dovhyi-parol-4' });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('invitation_expired');
  });

  it('refuses a pupil’s code while the family has no valid consent', async () => {
    const withdraw = await as['ct.a'].post(`${base}/pupils/${ids.olia}/consent`, { guardianId: ids.iryna, action: 'withdrawn', signedOn: '2025-10-15' });
    expect(withdraw.json().valid).toBe(false);
    const none = (await as['ct.a'].post(`${base}/classes/${ids.classA}/invitations`, { pupilIds: [ids.olia], include: 'pupils' })).json();
    expect(none.issued).toEqual([]);
    expect(none.skipped).toEqual([expect.objectContaining({ reason: 'no_consent' })]);
  });

  it('prints one letter per family with the real codes and the address of the app', async () => {
    const res = await as['ct.a'].request({ method: 'POST', url: `${base}/classes/${ids.classA}/invitations.pdf`, payload: { pupilIds: [ids.marta, ids.petro] } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = Buffer.from(res.rawPayload);
    expect(embedsDejaVu(pdf)).toBe(true);
    const text = pdfText(pdf);
    if (text !== null) {
      expect(text).toContain('Запрошення до електронного щоденника');
      expect(text).toContain('Шевчук Петро');
      expect(text).toContain('http://localhost:80/invite');
      const printed = text.match(/[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}/)?.[0];
      expect((await lookup(printed!)).json().personName).toBe('Шевчук Мирослава');
    }
  });
});

describe(`guessing codes (${testEngine})`, () => {
  it('is limited to 10 tries a minute from one address', async () => {
    const fresh = await buildTestApp(db);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await fresh.inject({ method: 'POST', url: '/api/auth/invitation', payload: { code: `ZZZZ-ZZZZ-ZZ${i}` } })).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
    await fresh.close();
  });
});
