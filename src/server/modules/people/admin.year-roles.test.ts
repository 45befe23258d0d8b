import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';

// Roles belong to a school year: today is 2025-10-15 in the year 2025/2026; the school has
// already made the year 2026/2027 (its classes and roles are being prepared).
const TODAY = '2025-10-15';
let db: Database;
let app: FastifyInstance;
let school: f.BuiltSchool;
let other: f.BuiltSchool;
let nextYearId: number;
let nextClassId: number;
let thisClassId: number;
const ids: Record<string, number> = {};
const as: Record<string, Agent> = {};
let url: string;

const me = async (login: string) => (await (await actAs(app, login)).get('/api/auth/me')).json().schools[0];

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId);
  other = await f.buildSchool(db, cityId, 'Інша школа');
  ids.admin = await f.buildStaff(db, school.schoolId, 'admin', ['admin']);
  ids.future = await f.buildStaff(db, school.schoolId, 'future.head', ['teacher']);
  ids.mentor = await f.buildStaff(db, school.schoolId, 'mentor', ['teacher']);
  ids.admin2 = await f.buildStaff(db, other.schoolId, 'admin2', ['admin']);
  thisClassId = await f.buildClass(db, school, 5, 'Б');
  // the next year is made after the roles: it starts with a copy of this year's roles
  await withSystem(db, async (c) => {
    nextYearId = (await c.query(
      `INSERT INTO school_year (school_id, name, starts_on, ends_on) VALUES ($1, '2026/2027', '2026-09-01', '2027-06-30') RETURNING id`,
      [school.schoolId],
    )).rows[0].id;
  });
  nextClassId = await f.buildClass(db, { schoolId: school.schoolId, yearId: nextYearId }, 5, 'А', ids.mentor);
  for (const login of ['admin', 'admin2', 'mentor']) as[login] = await actAs(app, login);
  url = `/api/schools/${school.schoolId}/admin/staff`;
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const rolesRows = () =>
  withSystem(db, async (c) =>
    (await c.query(
      `SELECT y.name, r.user_id, r.role FROM staff_year_role r JOIN school_year y ON y.school_id = r.school_id AND y.id = r.year_id
       WHERE r.school_id = $1 ORDER BY 1, 2, 3`,
      [school.schoolId],
    )).rows,
  );

describe(`roles per school year (${testEngine})`, () => {
  it('a new year starts with the roles of the year before it', async () => {
    const res = await as.admin.get(`${url}/${ids.future}/roles`);
    expect(res.statusCode).toBe(200);
    expect(res.json().years).toEqual([
      expect.objectContaining({ name: '2025/2026', current: true, closed: false, roles: ['teacher'] }),
      expect.objectContaining({ yearId: nextYearId, name: '2026/2027', current: false, closed: false, roles: ['teacher'] }),
    ]);
  });

  it('class teacher of next year’s class: no class and no access to it this year', async () => {
    const m = await me('mentor');
    expect(m.roles).toEqual(['teacher']);
    expect(m.classIds).toEqual([]);
    const res = await as.mentor.get(`/api/schools/${school.schoolId}/classes/${nextClassId}/consent`);
    expect(res.statusCode).toBe(403);
    // the staff list shows the classes led this year only
    const listed = (await as.admin.get(url)).json().staff.find((s: { userId: number }) => s.userId === ids.mentor);
    expect(listed.classes).toEqual([]);
  });

  it('next year’s roles are set for that year only: this year’s principal does not change', async () => {
    const res = await as.admin.put(`${url}/${ids.future}/roles`, { roles: ['head'], yearId: nextYearId });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['teacher']); // the staff list shows the current year
    expect((await me('future.head')).roles).toEqual(['teacher']);
    const years = (await as.admin.get(`${url}/${ids.future}/roles`)).json().years;
    expect(years.map((y: { roles: string[] }) => y.roles)).toEqual([['teacher'], ['head']]);
    const hist = (await as.admin.get(`${url}/${ids.future}/history`)).json().changes.slice(0, 2);
    expect(hist.map((h: { action: string; details: unknown }) => [h.action, h.details]).sort()).toEqual([
      ['role_added', { role: 'head', year: '2026/2027' }],
      ['role_removed', { role: 'teacher', year: '2026/2027' }],
    ]);
  });

  it('when the next year begins, its roles and classes are the ones in force', async () => {
    db.today = '2026-09-15';
    try {
      expect((await me('future.head')).roles).toEqual(['head']);
      const m = await me('mentor');
      expect(m.roles).toEqual(['teacher', 'class_teacher']);
      expect(m.classIds).toEqual([nextClassId]);
      const years = (await as.admin.get(`${url}/${ids.future}/roles`)).json().years;
      expect(years.map((y: { current: boolean }) => y.current)).toEqual([false, true]);
    } finally {
      db.today = TODAY;
    }
  });

  it('a closed year keeps who was who and refuses changes', async () => {
    const anotherYear = await withSystem(db, async (c) => {
      const y = (await c.query(
        `INSERT INTO school_year (school_id, name, starts_on, ends_on, status) VALUES ($1, '2024/2025', '2024-09-01', '2025-06-30', 'open') RETURNING id`,
        [school.schoolId],
      )).rows[0].id;
      await c.query(`INSERT INTO staff_year_role (school_id, year_id, user_id, role) VALUES ($1, $2, $3, 'controller')`, [school.schoolId, y, ids.future]);
      await c.query(`UPDATE school_year SET status = 'closed', closed_at = now() WHERE school_id = $1 AND id = $2`, [school.schoolId, y]);
      return y as number;
    });
    const before = await rolesRows();
    const res = await as.admin.put(`${url}/${ids.future}/roles`, { roles: ['teacher'], yearId: anotherYear }, 'en');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('The school year is closed: no changes are possible.');
    await expect(
      withSystem(db, (c) => c.query('DELETE FROM staff_year_role WHERE school_id = $1 AND year_id = $2', [school.schoolId, anotherYear])),
    ).rejects.toThrow(/closed school year/);
    expect(await rolesRows()).toEqual(before);
    const years = (await as.admin.get(`${url}/${ids.future}/roles`)).json().years;
    expect(years[0]).toMatchObject({ name: '2024/2025', closed: true, roles: ['controller'] });
    // a year made before the other years does not change who holds what now
    expect((await me('future.head')).roles).toEqual(['teacher']);
  });

  it('refuses a year of another school with a clear message, and changes nothing', async () => {
    const before = await rolesRows();
    const res = await as.admin.put(`${url}/${ids.future}/roles`, { roles: ['head'], yearId: other.yearId }, 'uk');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Такого навчального року в закладі немає.');
    expect(await rolesRows()).toEqual(before);
  });

  it('answers 401 without a session and 403 to a teacher or another school’s administrator', async () => {
    const before = await rolesRows();
    expect((await anonymous(app, 'GET', `${url}/${ids.future}/roles`)).statusCode).toBe(401);
    expect((await as.mentor.get(`${url}/${ids.future}/roles`)).statusCode).toBe(403);
    expect((await as.admin2.get(`${url}/${ids.future}/roles`)).statusCode).toBe(403);
    expect((await as.admin2.put(`${url}/${ids.future}/roles`, { roles: ['head'], yearId: nextYearId })).statusCode).toBe(403);
    expect(await rolesRows()).toEqual(before);
  });

  it('a class of this year with its class teacher still counts', async () => {
    await withSystem(db, (c) => c.query('UPDATE school_class SET class_teacher_id = $3 WHERE school_id = $1 AND id = $2', [school.schoolId, thisClassId, ids.mentor]));
    const m = await me('mentor');
    expect(m.roles).toEqual(['teacher', 'class_teacher']);
    expect(m.classIds).toEqual([thisClassId]);
  });
});
