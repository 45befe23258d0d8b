import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';

let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
const ids: Record<string, number> = {};
let base: string;

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-15' });
  const cityId = await f.buildCity(db);
  const a = await f.buildSchool(db, cityId, 'Ліцей № 7');
  const b = await f.buildSchool(db, cityId, 'Гімназія № 8');
  ids.school = a.schoolId;
  base = `/api/schools/${a.schoolId}`;
  await f.buildStaff(db, a.schoolId, 'head', ['head']);
  await f.buildStaff(db, a.schoolId, 'admin', ['admin']);
  await f.buildStaff(db, a.schoolId, 'math', ['teacher']);
  await f.buildStaff(db, b.schoolId, 'admin.b', ['admin']);
  ids.c5a = await f.buildClass(db, a, 5, 'А', await f.buildStaff(db, a.schoolId, 'ct.5a', ['teacher']));
  ids.c5b = await f.buildClass(db, a, 5, 'Б');
  ids.c6b = await f.buildClass(db, a, 6, 'Б', await f.buildStaff(db, a.schoolId, 'ct.6b', ['teacher']));
  ids.classOfB = await f.buildClass(db, b, 5, 'А');
  ids.olia = await f.buildPupil(db, a.schoolId, ids.c5a, ['Коваль', 'Оля'], await f.buildUser(db, 'olia', ['Коваль', 'Оля', '']));
  await f.buildGuardian(db, a.schoolId, ids.olia, await f.buildUser(db, 'mama', ['Коваль', 'Ірина', '']));
  ids.petro = await f.buildPupil(db, a.schoolId, ids.c5a, ['Шевчук', 'Петро']);
  await f.buildGuardian(db, a.schoolId, ids.petro, await f.buildUser(db, 'tato'), { consent: false });
  ids.ivan = await f.buildPupil(db, a.schoolId, ids.c5b, ['Бойко', 'Іван']);
  await f.buildGuardian(db, a.schoolId, ids.ivan, await f.buildUser(db, 'mama.b'));
  ids.marta = await f.buildPupil(db, a.schoolId, ids.c6b, ['Ґудзь', 'Марта']);
  await f.buildGuardian(db, a.schoolId, ids.marta, await f.buildUser(db, 'mama.c'));
  for (const login of ['head', 'admin', 'math', 'admin.b', 'ct.5a', 'ct.6b', 'olia', 'mama', 'tato', 'mama.b', 'mama.c']) as[login] = await actAs(app, login);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const count = async () => (await db.pool.query('SELECT count(*)::int AS n FROM announcement')).rows[0].n;
const post = (who: string, body: Record<string, unknown>, lang?: string) => as[who].post(`${base}/announcements`, { title: 'Збори', body: 'У п’ятницю о 18:00.', ...body }, lang);

describe(`writing announcements (${testEngine})`, () => {
  it('refuses the wrong audience for a class teacher, other staff, and bad input: nothing written', async () => {
    expect((await anonymous(app, 'POST', `${base}/announcements`, {})).statusCode).toBe(401);
    expect((await post('ct.5a', { audience: 'class', classId: ids.c6b })).statusCode).toBe(403);
    expect((await post('ct.5a', { audience: 'school' })).statusCode).toBe(403);
    expect((await post('math', { audience: 'school' })).statusCode).toBe(403);
    expect((await post('mama', { audience: 'school' })).statusCode).toBe(403);
    expect((await as['admin.b'].post(`${base}/announcements`, { audience: 'school', title: 'x', body: 'y' })).statusCode).toBe(403);
    const noGrade = await post('admin', { audience: 'grade' }, 'en');
    expect(noGrade.statusCode).toBe(400);
    expect(noGrade.json().error.details.fields).toEqual([{ path: 'grade', message: 'This field is required.' }]);
    expect((await post('admin', { audience: 'school', title: ' ' })).json().error.details.fields[0].path).toBe('title');
    expect((await post('admin', { audience: 'class', classId: ids.classOfB })).statusCode).toBe(404);
    expect(await count()).toBe(0);
  });

  it('reaches only families with an account and valid consent in the audience', async () => {
    const cls = await post('ct.5a', { audience: 'class', classId: ids.c5a, title: 'Екскурсія 5-А' });
    expect(cls.statusCode).toBe(200);
    // Оля and her mother; Петро's father has not consented
    expect(cls.json()).toMatchObject({ audience: 'class', classLabel: '5-А', recipients: 2, read: 0, share: 0 });
    ids.classNotice = cls.json().id;
    const grade = await post('admin', { audience: 'grade', grade: 5, title: 'Олімпіада для 5-х' });
    expect(grade.json()).toMatchObject({ audience: 'grade', grade: 5, recipients: 3 });
    const school = await post('head', { audience: 'school', title: 'Канікули' });
    expect(school.json()).toMatchObject({ audience: 'school', recipients: 4 });
    ids.schoolNotice = school.json().id;
  });
});

describe(`reading and receipts (${testEngine})`, () => {
  it('lists each family’s announcements with unread marks', async () => {
    const mama = (await as.mama.get(`${base}/inbox`)).json();
    expect(mama.items.map((i: { title: string }) => i.title)).toEqual(['Канікули', 'Олімпіада для 5-х', 'Екскурсія 5-А']);
    expect(mama.unread).toBe(3);
    expect((await as.olia.get(`${base}/inbox`)).json().unread).toBe(3);
    expect((await as['mama.c'].get(`${base}/inbox`)).json().items.map((i: { title: string }) => i.title)).toEqual(['Канікули']);
    expect((await as.tato.get(`${base}/inbox`)).statusCode).toBe(403);
    expect((await as.math.get(`${base}/inbox`)).statusCode).toBe(403);
  });

  it('records a receipt when opened, once, and only for an announcement of the family', async () => {
    const url = `${base}/inbox/${ids.classNotice}/read`;
    const first = await as.mama.post(url);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ title: 'Екскурсія 5-А', audienceLabel: '5-А', readAt: expect.any(String) });
    expect((await as.mama.post(url)).json().readAt).toBe(first.json().readAt);
    expect((await as['mama.c'].post(url)).statusCode).toBe(404);
    expect((await as.mama.get(`${base}/inbox`)).json().unread).toBe(2);
  });

  it('shows who read and the share read', async () => {
    const list = (await as.admin.get(`${base}/announcements`)).json().announcements;
    expect(list.find((a: { id: number }) => a.id === ids.classNotice)).toMatchObject({ recipients: 2, read: 1, share: 0.5 });
    const receipts = (await as['ct.5a'].get(`${base}/announcements/${ids.classNotice}/receipts`)).json();
    expect(receipts.readers.map((r: { name: string; role: string; readAt: string | null }) => [r.name, r.role, r.readAt !== null])).toEqual([
      ['Коваль Ірина', 'parent', true],
      ['Коваль Оля', 'pupil', false],
    ]);
  });

  it('shows a class teacher only their class’s and their own announcements', async () => {
    const list = (await as['ct.5a'].get(`${base}/announcements`)).json().announcements;
    expect(list.map((a: { title: string }) => a.title)).toEqual(['Екскурсія 5-А']);
    expect((await as['ct.5a'].get(`${base}/announcements/${ids.schoolNotice}/receipts`)).statusCode).toBe(404);
    expect((await as['ct.6b'].get(`${base}/announcements`)).json().announcements).toEqual([]);
    expect((await as['admin.b'].get(`${base}/announcements`)).statusCode).toBe(403);
  });
});
