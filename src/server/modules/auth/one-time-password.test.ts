import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';

// An account made or reset by the administrator has a one-time password: until the person
// chooses their own, the API answers only "me", the change of password, the language and
// signing out.
let db: Database;
let app: FastifyInstance;
let admin: Agent;
let schoolId: number;
let staffUrl: string;
let created: { userId: number; login: string; initialPassword: string };

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-15' });
  const cityId = await f.buildCity(db);
  ({ schoolId } = await f.buildSchool(db, cityId));
  await f.buildStaff(db, schoolId, 'admin', ['admin']);
  admin = await actAs(app, 'admin');
  staffUrl = `/api/schools/${schoolId}/admin/staff`;
  const res = await admin.post(staffUrl, { lastName: 'Коваль', firstName: 'Марія', roles: ['admin', 'teacher'] });
  const body = res.json();
  created = { userId: body.staff.userId, login: body.login, initialPassword: body.initialPassword };
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const hashOf = async (userId: number) =>
  withSystem(db, async (c) => (await c.query('SELECT password_hash, must_change_password FROM app_user WHERE id = $1', [userId])).rows[0]);

describe(`one-time password (${testEngine})`, () => {
  it('accounts of tests and seeding are not forced; the console’s new account is', async () => {
    expect((await admin.get('/api/auth/me')).json().mustChangePassword).toBe(false);
    expect((await admin.get(staffUrl)).statusCode).toBe(200);
    expect((await hashOf(created.userId)).must_change_password).toBe(true);
  });

  it('before the change: me, language and change of password only; every other route is 403 with its own code', async () => {
    const person = await actAs(app, created.login, created.initialPassword);
    const me = (await person.get('/api/auth/me')).json();
    expect(me).toMatchObject({ mustChangePassword: true, login: created.login });
    expect(me.schools[0].roles).toEqual(['admin', 'teacher']);
    const uk = await person.get(staffUrl);
    expect(uk.statusCode).toBe(403);
    expect(uk.json().error).toMatchObject({ code: 'password_change_required', message: 'Спершу змініть одноразовий пароль на власний.' });
    const en = await person.post(staffUrl, { lastName: 'Нова', firstName: 'Особа' }, 'en');
    expect(en.statusCode).toBe(403);
    expect(en.json().error.message).toBe('Please replace your one-time password with your own first.');
    expect((await person.get(`/api/schools/${schoolId}/consent/notice`)).statusCode).toBe(403);
    expect((await person.put('/api/auth/locale', { locale: 'uk' })).statusCode).toBe(200);
  });

  it('password rules: length, not the one-time password; a refusal changes nothing', async () => {
    const person = await actAs(app, created.login, created.initialPassword);
    const before = await hashOf(created.userId);
    const change = (newPassword: string, lang?: string) =>
      person.post('/api/auth/password', { currentPassword: created.initialPassword, newPassword }, lang);
    const short = await change('short', 'en');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toBe('The new password must be at least 10 characters long.');
    const same = await change(created.initialPassword);
    expect(same.statusCode).toBe(400);
    expect(same.json().error).toMatchObject({ code: 'password_reused', message: 'Новий пароль має відрізнятися від поточного.' });
    const wrong = await person.post('/api/auth/password', { currentPassword: 'not-the-password', newPassword: 'Весна-2026-сад' }, 'uk');
    expect(wrong.json().error.code).toBe('wrong_password');
    expect(await hashOf(created.userId)).toEqual(before);
  });

  it('after the change everything the roles allow is open, and the old password no longer works', async () => {
    const person = await actAs(app, created.login, created.initialPassword);
    const res = await person.post('/api/auth/password', { currentPassword: created.initialPassword, newPassword: 'Весна-2026-сад' });
    expect(res.statusCode).toBe(200);
    expect((await person.get('/api/auth/me')).json().mustChangePassword).toBe(false);
    expect((await person.get(staffUrl)).statusCode).toBe(200);
    await expect(actAs(app, created.login, created.initialPassword)).rejects.toThrow(/failed: 401/);
    const again = await actAs(app, created.login, 'Весна-2026-сад');
    expect((await again.get(staffUrl)).statusCode).toBe(200);
    const list = (await admin.get(staffUrl)).json().staff;
    expect(list.find((s: { userId: number }) => s.userId === created.userId).mustChangePassword).toBe(false);
  });

  it('a reset by the administrator forces the change again', async () => {
    const reset = await admin.post(`${staffUrl}/${created.userId}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const person = await actAs(app, created.login, reset.json().initialPassword);
    expect((await person.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    expect((await person.get(staffUrl)).json().error.code).toBe('password_change_required');
  });

  it('a password equal to the login is refused', async () => {
    await withSystem(db, (c) => c.query(`UPDATE app_user SET login = 'koval.mariia.x' WHERE id = $1`, [created.userId]));
    const reset = (await admin.post(`${staffUrl}/${created.userId}/reset-password`)).json();
    const person = await actAs(app, 'koval.mariia.x', reset.initialPassword);
    const res = await person.post('/api/auth/password', { currentPassword: reset.initialPassword, newPassword: 'Koval.Mariia.X' }, 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('The password must not be the same as the login.');
  });
});
