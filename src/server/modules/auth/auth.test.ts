import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase } from '../../test/db.js';
import { buildCity, buildSchool, buildStaff, buildUser, TEST_PASSWORD } from '../../test/factories.js';

let db: Database;
let app: FastifyInstance;
let schoolId: number;

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '10' });
  const cityId = await buildCity(db);
  ({ schoolId } = await buildSchool(db, cityId));
  await buildStaff(db, schoolId, 'teacher.a', ['teacher']);
  await buildUser(db, 'locked.user');
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const login = (l: string, password: string, lang?: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: l, password }, headers: lang ? { 'accept-language': lang } : {} });

describe('sign-in', () => {
  it('opens a session with an HttpOnly SameSite cookie and answers who is signed in', async () => {
    const res = await login('teacher.a', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'klasnyi_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `klasnyi_session=${cookie?.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().schools).toEqual([expect.objectContaining({ schoolId, roles: ['teacher'] })]);
  });

  it('sends security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/health/live' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses a wrong password in the request language and records it', async () => {
    const uk = await login('teacher.a', 'wrong-password');
    expect(uk.statusCode).toBe(401);
    expect(uk.json().error).toEqual({ code: 'bad_credentials', message: 'Неправильний логін або пароль.' });
    const en = await login('nobody', 'x', 'en-GB,en;q=0.9');
    expect(en.json().error.message).toBe('Wrong login or password.');
    const events = await db.pool.query(`SELECT login, success, reason FROM login_event WHERE login IN ('teacher.a', 'nobody') ORDER BY id`);
    expect(events.rows).toEqual([
      { login: 'teacher.a', success: true, reason: 'ok' },
      { login: 'teacher.a', success: false, reason: 'wrong_password' },
      { login: 'nobody', success: false, reason: 'unknown_login' },
    ]);
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    expect((await login('locked.user', 'bad-1')).statusCode).toBe(401);
    expect((await login('locked.user', 'bad-2')).statusCode).toBe(401);
    const third = await login('locked.user', 'bad-3');
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('account_locked');
    const right = await login('locked.user', TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toMatch(/Спробуйте знову за \d+ хв/);
  });

  it('answers 400 with field messages for an empty form', async () => {
    const res = await login('', '');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(res.json().error.details.fields).toEqual([
      { path: 'login', message: 'Заповніть це поле.' },
      { path: 'password', message: 'Заповніть це поле.' },
    ]);
  });
});

describe('sessions', () => {
  it('are kept in the database: a second app on the same database knows the session', async () => {
    const agent = await actAs(app, 'teacher.a');
    const other = await buildTestApp(db);
    const res = await other.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: agent.cookie } });
    expect(res.statusCode).toBe(200);
    await other.close();
  });

  it('refuses a mutating request without the CSRF token', async () => {
    const agent = await actAs(app, 'teacher.a');
    const res = await app.inject({ method: 'PUT', url: '/api/auth/locale', payload: { locale: 'en' }, headers: { cookie: agent.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
    const foreign = await agent.request({ method: 'PUT', url: '/api/auth/locale', payload: { locale: 'en' }, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect((await agent.put('/api/auth/locale', { locale: 'en' })).statusCode).toBe(200);
  });

  it('ends on logout', async () => {
    const agent = await actAs(app, 'teacher.a');
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes the password only with the current one and ends other sessions', async () => {
    await buildUser(db, 'pw.user');
    const first = await actAs(app, 'pw.user');
    const second = await actAs(app, 'pw.user');
    const wrong = await second.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'a-new-password-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('wrong_password');
    const weak = await second.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' }, 'en');
    expect(weak.json().error.message).toBe('The new password must be at least 10 characters long.');
    const ok = await second.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1' });
    expect(ok.statusCode).toBe(200);
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);
    expect((await second.get('/api/auth/me')).statusCode).toBe(200);
    expect((await login('pw.user', 'a-new-password-1')).statusCode).toBe(200);
  });

  it('answers requests arriving together each with its own person (their look-ups share one statement)', async () => {
    await buildStaff(db, schoolId, 'teacher.b', ['teacher']);
    const a = await actAs(app, 'teacher.a');
    const b = await actAs(app, 'teacher.b');
    const gone = await actAs(app, 'teacher.b');
    await gone.post('/api/auth/logout');
    // started in the same turn of the event loop: one batch of look-ups
    const answers = await Promise.all([a.get('/api/auth/me'), b.get('/api/auth/me'), gone.get('/api/auth/me'), a.get('/api/auth/me'), anonymous(app, 'GET', '/api/auth/me')]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 401, 200, 401]);
    expect(answers.map((r) => (r.statusCode === 200 ? r.json().login : null))).toEqual(['teacher.a', 'teacher.b', null, 'teacher.a', null]);
  });

  it('answers 401 without a session', async () => {
    expect((await anonymous(app, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await anonymous(app, 'GET', `/api/schools/${schoolId}`)).statusCode).toBe(401);
  });
});

describe('sign-in attempts per address', () => {
  it('answers 429 in the request’s language beyond LOGIN_RATE_PER_MINUTE from one address', async () => {
    const limited = await buildTestApp(db, { LOGIN_RATE_PER_MINUTE: '3' });
    try {
      const attempt = () => limited.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'teacher.a', password: TEST_PASSWORD }, headers: { 'accept-language': 'en' } });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(200);
      const refused = await attempt();
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
