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
let base: string;
const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-15' });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId);
  other = await f.buildSchool(db, cityId, 'Інша школа');
  await f.buildStaff(db, school.schoolId, 'admin', ['admin']);
  ids.teacher = await f.buildStaff(db, school.schoolId, 'teacher', ['teacher']);
  ids.leader = await f.buildStaff(db, school.schoolId, 'leader', ['teacher']);
  await f.buildStaff(db, other.schoolId, 'admin2', ['admin']);
  ids.otherClass = await f.buildClass(db, other, 5, 'А');
  for (const login of ['admin', 'teacher', 'admin2']) as[login] = await actAs(app, login);
  base = `/api/schools/${school.schoolId}/admin`;
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const count = (table: string) => withSystem(db, async (c) => (await c.query(`SELECT count(*)::int AS n FROM ${table} WHERE school_id = $1`, [school.schoolId])).rows[0].n);

describe(`classes (${testEngine})`, () => {
  it('answers 401, 403 to a teacher and to another school, and writes nothing', async () => {
    const body = { grade: 5, letter: 'А' };
    expect((await anonymous(app, 'POST', `${base}/classes`, body)).statusCode).toBe(401);
    expect((await as.teacher.post(`${base}/classes`, body)).statusCode).toBe(403);
    expect((await as.admin2.post(`${base}/classes`, body)).statusCode).toBe(403);
    expect((await as.admin2.get(`${base}/classes`)).statusCode).toBe(403);
    expect(await count('school_class')).toBe(0);
  });

  it('creates classes of the open year with a class teacher; a repeated one is refused', async () => {
    const a = await as.admin.post(`${base}/classes`, { grade: 5, letter: 'а', classTeacherId: ids.leader });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ label: '5-А', classTeacher: { id: ids.leader }, pupils: 0 });
    ids.a = a.json().id;
    ids.b = (await as.admin.post(`${base}/classes`, { grade: 5, letter: 'Б' })).json().id;
    const again = await as.admin.post(`${base}/classes`, { grade: 5, letter: 'А' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Клас 5-А уже є в цьому навчальному році.');
    const list = (await as.admin.get(`${base}/classes`)).json();
    expect(list.classes.map((c: { label: string }) => c.label)).toEqual(['5-А', '5-Б']);
    expect(list.year.name).toBe('2025/2026');
  });

  it('answers 400 per field in both languages', async () => {
    const uk = await as.admin.post(`${base}/classes`, { grade: 12, letter: 'Ы' });
    expect(uk.statusCode).toBe(400);
    expect(uk.json().error.details.fields.map((x: { path: string }) => x.path)).toEqual(['grade', 'letter']);
    expect(uk.json().error.details.fields[1].message).toBe('Літера класу: одна велика українська літера.');
    const en = await as.admin.post(`${base}/classes`, { grade: 3, letter: 'В', classTeacherId: 99999 }, 'en');
    expect(en.json().error.details.fields).toEqual([{ path: 'classTeacherId', message: 'There is no such active staff member.' }]);
    expect(await count('school_class')).toBe(2);
  });

  it('changes the class teacher', async () => {
    const res = await as.admin.request({ method: 'PATCH', url: `${base}/classes/${ids.b}`, payload: { classTeacherId: ids.teacher } });
    expect(res.json().classTeacher.id).toBe(ids.teacher);
  });

  it('does not show another school’s class', async () => {
    expect((await as.admin.get(`${base}/classes/${ids.otherClass}`)).statusCode).toBe(404);
  });
});

describe(`pupils and guardians (${testEngine})`, () => {
  it('adds a pupil to a class and a guardian with a normalised phone', async () => {
    const res = await as.admin.post(`${base}/classes/${ids.a}/pupils`, { lastName: 'Ґалаган', firstName: 'Марʼяна', middleName: 'Олегівна', birthDate: '2014-04-02', gender: 'f' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ lastName: 'Ґалаган', fromDate: '2025-09-01', toDate: null, guardians: [] });
    ids.maryana = res.json().id;
    const g = await as.admin.post(`${base}/pupils/${ids.maryana}/guardians`, { lastName: 'Ґалаган', firstName: 'Олена', phone: '(067) 123-45-67', email: 'olena@example.com', relation: 'mother' });
    expect(g.statusCode).toBe(201);
    expect(g.json().guardians).toEqual([expect.objectContaining({ firstName: 'Олена', phone: '+380671234567', relation: 'mother' })]);
    ids.olena = g.json().guardians[0].id;
    const detail = (await as.admin.get(`${base}/classes/${ids.a}`)).json();
    expect(detail.pupils.map((p: { firstName: string }) => p.firstName)).toEqual(['Марʼяна']);
    expect(detail.pupils[0].guardians[0].email).toBe('olena@example.com');
  });

  it('refuses bad pupil and guardian fields with messages per field, writing nothing', async () => {
    const before = await count('pupil');
    const p = await as.admin.post(`${base}/classes/${ids.a}/pupils`, { lastName: ' ', firstName: 'Іван', birthDate: '02.04.2014' });
    expect(p.json().error.details.fields).toEqual([
      { path: 'lastName', message: 'Заповніть це поле.' },
      { path: 'birthDate', message: 'Неправильна дата.' },
    ]);
    const late = await as.admin.post(`${base}/classes/${ids.a}/pupils`, { lastName: 'Бойко', firstName: 'Іван', fromDate: '2026-08-01' }, 'en');
    expect(late.json().error.details.fields).toEqual([{ path: 'fromDate', message: 'The date is outside the school year (2025-09-01 - 2026-06-30).' }]);
    const g = await as.admin.post(`${base}/pupils/${ids.maryana}/guardians`, { lastName: 'Ґалаган', firstName: 'Олег', phone: '12' }, 'en');
    expect(g.json().error.details.fields).toEqual([{ path: 'phone', message: 'Invalid phone number.' }]);
    expect(await count('pupil')).toBe(before);
    expect(await count('guardian')).toBe(1);
  });

  it('edits a pupil and a guardian, and unlinks a guardian', async () => {
    const p = await as.admin.request({ method: 'PATCH', url: `${base}/pupils/${ids.maryana}`, payload: { birthDate: '2014-04-03' } });
    expect(p.json().birthDate).toBe('2014-04-03');
    const g = await as.admin.request({ method: 'PATCH', url: `${base}/guardians/${ids.olena}`, payload: { phone: '0501112233' } });
    expect(g.json().phone).toBe('+380501112233');
    const un = await as.admin.request({ method: 'DELETE', url: `${base}/pupils/${ids.maryana}/guardians/${ids.olena}` });
    expect(un.json().guardians).toEqual([]);
    expect((await as.admin2.request({ method: 'DELETE', url: `/api/schools/${other.schoolId}/admin/pupils/${ids.maryana}/guardians/${ids.olena}` })).statusCode).toBe(404);
  });
});

describe(`movement of pupils (${testEngine})`, () => {
  it('transfers a pupil between classes; marks stay on the page they were made on', async () => {
    const pageId = await f.buildPage(db, school, { classId: ids.a, subject: 'Математика', teacherId: ids.teacher });
    const [lessonId] = await f.buildLessons(db, school.schoolId, pageId, ['2025-10-10']);
    const teacher = await actAs(app, 'teacher');
    const marked = await teacher.put(`/api/schools/${school.schoolId}/journal/pages/${pageId}/entries`, { cells: [{ lessonId, pupilId: ids.maryana, mark: '11', absent: false, version: 0 }] });
    expect(marked.statusCode).toBe(200);

    const res = await as.admin.post(`${base}/pupils/${ids.maryana}/transfer`, { toClassId: ids.b, date: '2025-10-13', order: '45-у' });
    expect(res.statusCode).toBe(200);
    expect(res.json().enrollments).toEqual([
      { pupilId: ids.maryana, classId: ids.a, fromDate: '2025-09-01', toDate: '2025-10-12' },
      { pupilId: ids.maryana, classId: ids.b, fromDate: '2025-10-13', toDate: null },
    ]);
    const page = (await teacher.get(`/api/schools/${school.schoolId}/journal/pages/${pageId}`)).json();
    expect(page.pupils[0]).toMatchObject({ id: ids.maryana, toDate: '2025-10-12' });
    expect(page.cells).toEqual([[lessonId, ids.maryana, '11', false, 1]]);

    const left = (await as.admin.get(`${base}/classes/${ids.a}/movement`)).json().movement;
    expect(left).toEqual([{ pupilId: ids.maryana, pupilName: 'Ґалаган Марʼяна Олегівна', kind: 'left', date: '2025-10-13', order: '45-у', otherClass: '5-Б' }]);
    const arrived = (await as.admin.get(`${base}/classes/${ids.b}/movement`)).json().movement;
    expect(arrived).toEqual([{ pupilId: ids.maryana, pupilName: 'Ґалаган Марʼяна Олегівна', kind: 'arrived', date: '2025-10-13', order: '45-у', otherClass: '5-А' }]);
  });

  it('records a departure and a new arrival with their orders', async () => {
    const dep = await as.admin.post(`${base}/pupils/${ids.maryana}/departure`, { date: '2025-10-20', order: '50-в' });
    expect(dep.json().enrollments[1]).toMatchObject({ toDate: '2025-10-20' });
    const newcomer = (await as.admin.post(`${base}/classes/${ids.a}/pupils`, { lastName: 'Яковенко', firstName: 'Яків', birthDate: '2014-01-01', fromDate: '2025-10-06', order: '44-з' })).json();
    const movement = (await as.admin.get(`${base}/classes/${ids.b}/movement`)).json().movement;
    expect(movement.map((m: { kind: string; date: string; order: string; otherClass: string | null }) => [m.kind, m.date, m.order, m.otherClass])).toEqual([
      ['arrived', '2025-10-13', '45-у', '5-А'],
      ['left', '2025-10-20', '50-в', null],
    ]);
    const a = (await as.admin.get(`${base}/classes/${ids.a}/movement`)).json().movement;
    expect(a.map((m: { pupilId: number; kind: string }) => [m.pupilId, m.kind])).toEqual([[newcomer.id, 'arrived'], [ids.maryana, 'left']]);
    const back = await as.admin.post(`${base}/pupils/${ids.maryana}/arrival`, { classId: ids.a, date: '2025-11-03', order: '60-з' });
    expect(back.json().enrollments).toHaveLength(3);
  });

  it('refuses impossible moves with a reason, changing nothing', async () => {
    const before = await count('enrollment');
    const same = await as.admin.post(`${base}/pupils/${ids.maryana}/transfer`, { toClassId: ids.a, date: '2025-11-10', order: '1' });
    expect(same.statusCode).toBe(409);
    expect(same.json().error.message).toBe('Учень уже в цьому класі.');
    const twice = await as.admin.post(`${base}/pupils/${ids.maryana}/arrival`, { classId: ids.b, date: '2025-11-10', order: '1' }, 'en');
    expect(twice.json().error.message).toBe('The pupil is already in class 5-А on this date.');
    const gone = await as.admin.post(`${base}/pupils/${ids.maryana}/departure`, { date: '2025-10-25', order: '1' });
    expect(gone.json().error.code).toBe('movement_refused');
    const outside = await as.admin.post(`${base}/pupils/${ids.maryana}/departure`, { date: '2026-08-01', order: '' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.fields.map((x: { path: string }) => x.path)).toEqual(['order']);
    const foreign = await as.admin.post(`${base}/pupils/${ids.maryana}/transfer`, { toClassId: ids.otherClass, date: '2025-11-10', order: '1' });
    expect(foreign.statusCode).toBe(404);
    expect(await count('enrollment')).toBe(before);
  });

  it('shows the movement list to the class teacher of that class only', async () => {
    const leader = await actAs(app, 'leader');
    expect((await leader.get(`${base}/classes/${ids.a}/movement`)).statusCode).toBe(200);
    expect((await leader.get(`${base}/classes/${ids.b}/movement`)).statusCode).toBe(403);
    expect((await leader.get(`${base}/classes/${ids.a}`)).statusCode).toBe(403);
    expect((await as.teacher.post(`${base}/pupils/${ids.maryana}/departure`, { date: '2025-11-20', order: '1' })).statusCode).toBe(403);
  });
});

describe(`every console route refuses others (${testEngine})`, () => {
  it('answers 403 to a teacher and to another school’s administrator on every route, changing nothing', async () => {
    const routes = app.routeCatalog.filter((r) => r.url.startsWith('/api/schools/:schoolId/admin/'));
    expect(routes.length).toBeGreaterThanOrEqual(21);
    const before = [await count('pupil'), await count('enrollment'), await count('school_class'), await count('guardian')];
    for (const r of routes) {
      const url = r.url
        .replace(':schoolId', String(school.schoolId))
        .replace(/:(classId|pupilId|userId|guardianId|importId)/g, (_, k) => String(k === 'classId' ? ids.a : k === 'pupilId' ? ids.maryana : 1));
      for (const agent of [as.teacher, as.admin2]) {
        const res = await agent.request({ method: r.method as 'GET', url, payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
        expect([r.method, r.url, res.statusCode]).toEqual([r.method, r.url, 403]);
      }
    }
    expect([await count('pupil'), await count('enrollment'), await count('school_class'), await count('guardian')]).toEqual(before);
  });
});
