import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { withSchool } from '../db/tenancy.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../test/app.js';
import { openTestDatabase, testEngine } from '../test/db.js';
import * as f from '../test/factories.js';

let db: Database;
let app: FastifyInstance;
const ids = { schoolA: 0, schoolB: 0, cityA: 0, cityB: 0, classA: 0, classB: 0, pupilA: 0, pupilA2: 0, pupilB: 0 };
const as: Record<string, Agent> = {};

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db);
  ids.cityA = await f.buildCity(db, 'Місто А');
  ids.cityB = await f.buildCity(db, 'Місто Б');
  const a = await f.buildSchool(db, ids.cityA, 'Школа А');
  const b = await f.buildSchool(db, ids.cityA, 'Школа Б');
  ids.schoolA = a.schoolId;
  ids.schoolB = b.schoolId;
  await f.buildStaff(db, a.schoolId, 'head.a', ['head']);
  await f.buildStaff(db, a.schoolId, 'admin.a', ['admin']);
  await f.buildStaff(db, b.schoolId, 'admin.b', ['admin']);
  const teacherA = await f.buildStaff(db, a.schoolId, 'teacher.a', ['teacher']);
  ids.classA = await f.buildClass(db, a, 5, 'А', teacherA);
  ids.classB = await f.buildClass(db, b, 5, 'А');
  const parent = await f.buildUser(db, 'parent.a');
  ids.pupilA = await f.buildPupil(db, a.schoolId, ids.classA, ['Їжак', 'Остап']);
  ids.pupilA2 = await f.buildPupil(db, a.schoolId, ids.classA, ['Єременко', 'Ганна']);
  await f.buildPupil(db, a.schoolId, ids.classA, ['Ґудзь', 'Марта']);
  ids.pupilB = await f.buildPupil(db, b.schoolId, ids.classB, ['Бойко', 'Іван']);
  await f.buildGuardian(db, a.schoolId, ids.pupilA, parent);
  await f.buildCitySpecialist(db, ids.cityA, 'city.a');
  for (const login of ['head.a', 'admin.a', 'admin.b', 'teacher.a', 'parent.a', 'city.a']) as[login] = await actAs(app, login);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

/** A route URL with its parameters filled by real ids of school A. */
function fill(url: string): string {
  return url
    .replace(':schoolId', String(ids.schoolA))
    .replace(':cityId', String(ids.cityA))
    .replace(':classId', String(ids.classA))
    .replace(':pupilId', String(ids.pupilA))
    .replace(/:\w+/g, '1');
}

describe(`deny by default (${testEngine})`, () => {
  it('every non-public /api route answers 401 without a session', async () => {
    const routes = app.routeCatalog.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && !r.public);
    expect(routes.length).toBeGreaterThan(5);
    for (const r of routes) {
      const res = await anonymous(app, r.method as never, fill(r.url), r.method === 'GET' ? undefined : {});
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({ route: `${r.method} ${r.url}`, status: 401 });
    }
  });

  it('the only public API routes are sign-in, sign-out and redeeming an invitation code', () => {
    const pub = app.routeCatalog.filter((r) => r.url.startsWith('/api/') && r.public).map((r) => `${r.method} ${r.url}`);
    expect(pub.sort()).toEqual(['POST /api/auth/invitation', 'POST /api/auth/invitation/redeem', 'POST /api/auth/login', 'POST /api/auth/logout']);
  });

  it('answers 403 to roles that may not use a route', async () => {
    const cases: [string, string][] = [
      ['parent.a', `/api/schools/${ids.schoolA}/overview`],
      ['parent.a', `/api/schools/${ids.schoolA}/classes`],
      ['parent.a', `/api/schools/${ids.schoolA}/journal/pages`],
      ['teacher.a', `/api/schools/${ids.schoolA}/overview`],
      ['city.a', `/api/schools/${ids.schoolA}`],
      ['city.a', `/api/schools/${ids.schoolA}/pupils/${ids.pupilA}`],
      ['head.a', `/api/cities/${ids.cityA}/schools`],
      ['city.a', `/api/cities/${ids.cityB}/schools`],
    ];
    for (const [login, url] of cases) {
      const res = await as[login].get(url);
      expect({ login, url, status: res.statusCode }).toEqual({ login, url, status: 403 });
      expect(res.json().error.code).toBe('forbidden');
    }
  });
});

describe(`school isolation (${testEngine})`, () => {
  it('a user of school B cannot read school A, even by guessing ids', async () => {
    for (const url of [`/api/schools/${ids.schoolA}`, `/api/schools/${ids.schoolA}/classes`, `/api/schools/${ids.schoolA}/pupils/${ids.pupilA}`]) {
      expect((await as['admin.b'].get(url)).statusCode).toBe(403);
    }
    // school B's own path with school A's ids: row-level security hides them
    expect((await as['admin.b'].get(`/api/schools/${ids.schoolB}/pupils/${ids.pupilA}`)).statusCode).toBe(404);
    expect((await as['admin.b'].get(`/api/schools/${ids.schoolB}/classes/${ids.classA}/pupils`)).statusCode).toBe(404);
  });

  it('row-level security hides other schools even from a query that asks for them', async () => {
    const rows = await withSchool(db, { schoolId: ids.schoolB, userId: 0 }, (c) => c.query('SELECT id FROM pupil'));
    expect(rows.rows).toEqual([{ id: ids.pupilB }]);
    await expect(
      withSchool(db, { schoolId: ids.schoolB, userId: 0 }, (c) =>
        c.query(`INSERT INTO subject (school_id, name, short_name) VALUES ($1, 'Чуже', 'Ч')`, [ids.schoolA]),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await withSchool(db, { schoolId: ids.schoolB, userId: 0 }, (c) => c.query(`UPDATE pupil SET first_name = 'X' WHERE id = $1`, [ids.pupilA]));
    expect(updated.rowCount).toBe(0);
  });

  it('lists classes of the own school only', async () => {
    const res = await as['admin.a'].get(`/api/schools/${ids.schoolA}/classes`);
    expect(res.json().classes.map((c: { id: number }) => c.id)).toEqual([ids.classA]);
  });
});

describe(`parents and pupils (${testEngine})`, () => {
  it('a parent sees their own child and no other pupil', async () => {
    const own = await as['parent.a'].get(`/api/schools/${ids.schoolA}/pupils/${ids.pupilA}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().lastName).toBe('Їжак');
    const other = await as['parent.a'].get(`/api/schools/${ids.schoolA}/pupils/${ids.pupilA2}`);
    expect(other.statusCode).toBe(403);
  });

  it('the class teacher sees the class in Ukrainian alphabetical order', async () => {
    const res = await as['teacher.a'].get(`/api/schools/${ids.schoolA}/classes/${ids.classA}/pupils`);
    expect(res.statusCode).toBe(200);
    // byte order would give Єременко, Їжак, Ґудзь (Ґ is U+0490); the alphabet puts Ґ after Г, before Д
    expect(res.json().pupils.map((p: { lastName: string }) => p.lastName)).toEqual(['Ґудзь', 'Єременко', 'Їжак']);
  });
});

describe(`bad input (${testEngine})`, () => {
  it('answers 400 in the request language for a bad path parameter', async () => {
    const uk = await as['admin.a'].get(`/api/schools/${ids.schoolA}/pupils/abc`);
    expect(uk.statusCode).toBe(400);
    expect(uk.json().error.message).toBe('Перевірте введені дані.');
    expect(uk.json().error.details.fields[0].path).toBe('pupilId');
    const en = await as['admin.a'].get(`/api/schools/${ids.schoolA}/pupils/abc`, 'en');
    expect(en.json().error.message).toBe('Please check the data you entered.');
    expect(en.json().error.details.fields[0].message).toMatch(/expected number/i);
  });
});

describe(`city specialist (${testEngine})`, () => {
  it('sees the schools of the city with counts and no pupil names', async () => {
    const res = await as['city.a'].get(`/api/cities/${ids.cityA}/schools`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.schools.map((s: { name: string }) => s.name)).toEqual(['Школа А', 'Школа Б']);
    expect(body.schools[0].pupils).toBe(3);
    expect(res.body).not.toMatch(/Їжак|Єременко|Ґудзь|Бойко/);
  });
});
