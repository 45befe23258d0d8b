import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';

let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
let school: f.BuiltSchool;
let other: f.BuiltSchool;
let url: string;
const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-15' });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId);
  other = await f.buildSchool(db, cityId, 'Інша школа');
  ids.admin = await f.buildStaff(db, school.schoolId, 'admin', ['admin']);
  ids.head = await f.buildStaff(db, school.schoolId, 'head', ['head']);
  ids.teacher = await f.buildStaff(db, school.schoolId, 'teacher', ['teacher']);
  ids.twoSchools = await f.buildStaff(db, school.schoolId, 'both', ['teacher']);
  await withSystem(db, async (c) => {
    await c.query('INSERT INTO staff (school_id, user_id) VALUES ($1, $2)', [other.schoolId, ids.twoSchools]);
    await c.query(`INSERT INTO staff_role (school_id, user_id, role) VALUES ($1, $2, 'teacher')`, [other.schoolId, ids.twoSchools]);
  });
  ids.admin2 = await f.buildStaff(db, other.schoolId, 'admin2', ['admin']);
  for (const login of ['admin', 'head', 'teacher', 'admin2']) as[login] = await actAs(app, login);
  url = `/api/schools/${school.schoolId}/admin/staff`;
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const staffCount = () => withSystem(db, async (c) => (await c.query('SELECT count(*)::int AS n FROM staff WHERE school_id = $1', [school.schoolId])).rows[0].n);

describe(`staff: access (${testEngine})`, () => {
  it('answers 401 without a session and 403 to a teacher or another school’s administrator', async () => {
    const body = { lastName: 'Нова', firstName: 'Людина' };
    const before = await staffCount();
    expect((await anonymous(app, 'GET', url)).statusCode).toBe(401);
    expect((await as.teacher.get(url)).statusCode).toBe(403);
    expect((await as.teacher.post(url, body)).statusCode).toBe(403);
    expect((await as.admin2.get(url)).statusCode).toBe(403);
    expect((await as.admin2.post(url, body)).statusCode).toBe(403);
    expect((await as.admin2.post(`${url}/${ids.teacher}/deactivate`)).statusCode).toBe(403);
    expect(await staffCount()).toBe(before);
  });

  it('does not reach a staff member of another school through this school’s path', async () => {
    const res = await as.admin.request({ method: 'PATCH', url: `${url}/${ids.admin2}`, payload: { position: 'x' } });
    expect(res.statusCode).toBe(404);
  });

  it('lists staff with roles for the head too', async () => {
    const res = await as.head.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.json().staff.find((s: { login: string }) => s.login === 'teacher')).toMatchObject({ roles: ['teacher'], active: true });
  });
});

describe(`staff: create, edit, roles, password (${testEngine})`, () => {
  let created: { userId: number; login: string; initialPassword: string };

  it('creates an account with a generated login and a one-time password shown once', async () => {
    const res = await as.admin.post(url, { lastName: 'Шевченко', firstName: 'Тарас', middleName: 'Григорович', position: 'вчитель історії', email: 'taras@school.ua', roles: ['teacher'] });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.login).toBe('shevchenko.t');
    expect(body.initialPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(body.staff).toMatchObject({ roles: ['teacher'], position: 'вчитель історії', mustChangePassword: true, active: true });
    created = { userId: body.staff.userId, login: body.login, initialPassword: body.initialPassword };
    const again = await as.admin.post(url, { lastName: 'Шевченко', firstName: 'Тетяна' });
    expect(again.json().login).toBe('shevchenko.t2');
    const teacher = await actAs(app, created.login, created.initialPassword);
    expect((await teacher.get('/api/auth/me')).json().schools[0]).toMatchObject({ schoolId: school.schoolId, roles: ['teacher'] });
    const list = (await as.admin.get(url)).json().staff;
    expect(JSON.stringify(list)).not.toContain(created.initialPassword);
  });

  it('refuses a taken login with the field named, in the asked language', async () => {
    const res = await as.admin.post(url, { lastName: 'Інший', firstName: 'Тарас', login: 'shevchenko.t' }, 'en');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.fields).toEqual([{ path: 'login', message: 'The login shevchenko.t is already taken.' }]);
  });

  it('answers 400 per field in Ukrainian and English, and writes nothing', async () => {
    const before = await staffCount();
    const uk = await as.admin.post(url, { lastName: '', firstName: 'Ім', email: 'nope', login: 'Ab' });
    expect(uk.statusCode).toBe(400);
    expect(uk.json().error.details.fields).toEqual([
      { path: 'lastName', message: 'Заповніть це поле.' },
      { path: 'email', message: 'Неправильна адреса ел. пошти.' },
      { path: 'login', message: 'Логін: латинські літери, цифри, крапка, дефіс.' },
    ]);
    const en = await as.admin.post(url, { lastName: 'A', firstName: 'B', roles: ['janitor'] }, 'en');
    expect(en.json().error.details.fields[0].path).toBe('roles.0');
    expect(await staffCount()).toBe(before);
  });

  it('edits names and position and keeps the change in the history', async () => {
    const res = await as.admin.request({ method: 'PATCH', url: `${url}/${created.userId}`, payload: { position: 'заступник директора', email: '' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ position: 'заступник директора', email: null });
    const hist = (await as.admin.get(`${url}/${created.userId}/history`)).json().changes;
    expect(hist.map((h: { action: string }) => h.action)).toEqual(['updated', 'created']);
    expect(hist[0].details).toEqual({ position: { from: 'вчитель історії', to: 'заступник директора' }, email: { from: 'taras@school.ua', to: '' } });
    expect(hist[0].by).toBe('Тестенко Олена');
  });

  it('assigns and removes roles, each in the history', async () => {
    const res = await as.admin.put(`${url}/${created.userId}/roles`, { roles: ['controller', 'admin'] });
    expect(res.json().roles).toEqual(['admin', 'controller']);
    const hist = (await as.admin.get(`${url}/${created.userId}/history`)).json().changes.slice(0, 3);
    expect(hist.map((h: { action: string; details: { role?: string } }) => [h.action, h.details.role]).sort()).toEqual([
      ['role_added', 'admin'], ['role_added', 'controller'], ['role_removed', 'teacher'],
    ]);
  });

  it('refuses to let an administrator lock themselves out', async () => {
    expect((await as.admin.put(`${url}/${ids.admin}/roles`, { roles: ['teacher'] })).statusCode).toBe(409);
    const res = await as.admin.post(`${url}/${ids.admin}/deactivate`, undefined, 'en');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('You cannot deactivate yourself or remove your own administrator role.');
  });

  it('resets a password: the old one stops working, the new one is shown once', async () => {
    const res = await as.admin.post(`${url}/${created.userId}/reset-password`);
    expect(res.statusCode).toBe(200);
    const fresh = res.json().initialPassword;
    expect(fresh).not.toBe(created.initialPassword);
    const old = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: created.login, password: created.initialPassword } });
    expect(old.statusCode).toBe(401);
    await actAs(app, created.login, fresh);
  });
});

describe(`staff: deactivation (${testEngine})`, () => {
  it('takes a deactivated teacher out of the school at once: no membership, no journal, no sign-in', async () => {
    const cls = await f.buildClass(db, school, 7, 'А');
    const pupil = await f.buildPupil(db, school.schoolId, cls, ['Бойко', 'Іван']);
    const pageId = await f.buildPage(db, school, { classId: cls, subject: 'Історія', teacherId: ids.teacher });
    const [lessonId] = await f.buildLessons(db, school.schoolId, pageId, ['2025-10-14']);
    const session = await actAs(app, 'teacher');
    const entries = `/api/schools/${school.schoolId}/journal/pages/${pageId}/entries`;
    const cell = { lessonId, pupilId: pupil, mark: '9', absent: false, version: 0 };
    expect((await session.put(entries, { cells: [cell] })).statusCode).toBe(200);

    const res = await as.admin.post(`${url}/${ids.teacher}/deactivate`);
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    // the open session has lost the school
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await session.put(entries, { cells: [{ ...cell, mark: '10', version: 1 }] })).statusCode).toBe(401);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'teacher', password: f.TEST_PASSWORD } });
    expect(login.statusCode).toBe(401);
    // the page and the mark keep their author
    const kept = await withSystem(db, async (c) => (await c.query(
      `SELECT jp.teacher_id, jc.mark FROM journal_page jp JOIN journal_cell jc ON jc.school_id = jp.school_id
       JOIN lesson l ON l.school_id = jc.school_id AND l.id = jc.lesson_id AND l.page_id = jp.id WHERE jp.id = $1`, [pageId])).rows[0]);
    expect(kept).toEqual({ teacher_id: ids.teacher, mark: '9' });
    expect((await as.admin.get(`${url}/${ids.teacher}/history`)).json().changes[0].action).toBe('deactivated');

    const back = await as.admin.post(`${url}/${ids.teacher}/activate`);
    expect(back.json().active).toBe(true);
    await actAs(app, 'teacher');
  });

  it('keeps a teacher of two schools signed in to the other school only', async () => {
    const session = await actAs(app, 'both');
    expect((await as.admin.post(`${url}/${ids.twoSchools}/deactivate`)).statusCode).toBe(200);
    const me = (await session.get('/api/auth/me')).json();
    expect(me.schools.map((s: { schoolId: number }) => s.schoolId)).toEqual([other.schoolId]);
    expect((await session.get(`/api/schools/${school.schoolId}/journal/pages`)).statusCode).toBe(403);
    await actAs(app, 'both');
  });
});
