import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';

let db: Database;
let app: FastifyInstance;
let s: number;
let other: number;
let cityId: number;
const as: Record<string, Agent> = {};
let base: string;

const count = async (table: string) => withSystem(db, async (c) => (await c.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number);

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-16' });
  cityId = await f.buildCity(db);
  s = (await f.buildSchool(db, cityId)).schoolId;
  other = (await f.buildSchool(db, cityId, 'Інша')).schoolId;
  await f.buildStaff(db, s, 'rd-head', ['head']);
  await f.buildStaff(db, s, 'rd-admin', ['admin']);
  await f.buildStaff(db, s, 'rd-ctrl', ['controller']);
  await f.buildStaff(db, s, 'rd-t1', ['teacher']);
  await f.buildStaff(db, s, 'rd-t2', ['teacher']);
  await f.buildStaff(db, other, 'rd-head2', ['head']);
  await f.buildCitySpecialist(db, cityId, 'rd-city');
  for (const l of ['rd-head', 'rd-admin', 'rd-ctrl', 'rd-t1', 'rd-t2', 'rd-head2', 'rd-city']) as[l] = await actAs(app, l);
  base = `/api/schools/${s}/readiness`;
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe(`readiness: plan and inventory (${testEngine})`, () => {
  it('the head adds, changes and removes measures; the admin too', async () => {
    const add = await as['rd-head'].post(`${base}/measures`, { item: 'Обговорити на педраді перехід на е-журнал', responsible: 'Директор', deadline: '2025-11-01' });
    expect(add.statusCode).toBe(200);
    expect(add.json()).toMatchObject({ status: 'planned', deadline: '2025-11-01' });
    const id = add.json().id;
    const ch = await as['rd-admin'].request({ method: 'PATCH', url: `${base}/measures/${id}`, payload: { status: 'done' } });
    expect(ch.json().status).toBe('done');
    const second = await as['rd-admin'].post(`${base}/measures`, { item: 'Навчання вчителів', responsible: 'Адміністратор', deadline: '2025-12-01', status: 'in_progress' });
    expect(second.statusCode).toBe(200);
    const del = await as['rd-head'].request({ method: 'DELETE', url: `${base}/measures/${second.json().id}` });
    expect(del.statusCode).toBe(200);
    expect((await as['rd-head'].request({ method: 'DELETE', url: `${base}/measures/${second.json().id}` })).statusCode).toBe(404);
    const read = await as['rd-ctrl'].get(base);
    expect(read.statusCode).toBe(200);
    expect(read.json().measures).toEqual([{ id, item: 'Обговорити на педраді перехід на е-журнал', responsible: 'Директор', deadline: '2025-11-01', status: 'done' }]);
  });

  it('refuses teachers, the controller, other schools and the city; nothing is saved', async () => {
    const before = await count('readiness_measure');
    const body = { item: 'x', responsible: 'y', deadline: '2025-11-01' };
    for (const who of ['rd-t1', 'rd-ctrl', 'rd-head2', 'rd-city']) expect((await as[who].post(`${base}/measures`, body)).statusCode).toBe(403);
    for (const who of ['rd-t1', 'rd-head2', 'rd-city']) expect((await as[who].get(base)).statusCode).toBe(403);
    expect((await anonymous(app, 'GET', base)).statusCode).toBe(401);
    expect((await as['rd-head2'].put(`${base}/inventory`, { teacherComputers: 1, classroomsWithComputer: 0, classroomsTotal: 1, network: 'no', internetMbps: 1 })).statusCode).toBe(403);
    expect(await count('readiness_measure')).toBe(before);
    expect(await count('readiness_inventory')).toBe(0);
  });

  it('checks the input (400 in the request language) and saves nothing', async () => {
    const bad = await as['rd-head'].post(`${base}/measures`, { item: ' ', responsible: 'y', deadline: '1.11.2025' }, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((x: { path: string }) => x.path).sort()).toEqual(['deadline', 'item']);
    const inv = await as['rd-head'].put(`${base}/inventory`, { teacherComputers: 3, classroomsWithComputer: 9, classroomsTotal: 4, network: 'yes', internetMbps: 100 });
    expect(inv.statusCode).toBe(400);
    expect(await count('readiness_inventory')).toBe(0);
  });

  it('keeps one inventory per school', async () => {
    const put = await as['rd-head'].put(`${base}/inventory`, { teacherComputers: 3, classroomsWithComputer: 2, classroomsTotal: 4, network: 'partly', internetMbps: 50.5 });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ teacherComputers: 3, classroomsWithComputer: 2, classroomsTotal: 4, network: 'partly', internetMbps: 50.5 });
    await as['rd-admin'].put(`${base}/inventory`, { teacherComputers: 4, classroomsWithComputer: 2, classroomsTotal: 4, network: 'yes', internetMbps: 100 });
    expect(await count('readiness_inventory')).toBe(1);
    expect((await as['rd-ctrl'].get(base)).json().inventory).toMatchObject({ teacherComputers: 4, network: 'yes', internetMbps: 100 });
  });
});

describe(`readiness: the teachers' survey (${testEngine})`, () => {
  it('each teacher answers their own, once per year (a second answer replaces the first)', async () => {
    const mine = await as['rd-t1'].get(`${base}/survey/mine`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().answer).toBeNull();
    expect(mine.json().questions).toHaveLength(6);
    expect((await as['rd-t1'].put(`${base}/survey/mine`, { answers: [4, 4, 3, 3, 2, 1], needsTraining: false })).statusCode).toBe(200);
    const again = await as['rd-t1'].put(`${base}/survey/mine`, { answers: [2, 2, 2, 2, 2, 2], needsTraining: true });
    expect(again.json().answer).toMatchObject({ answers: [2, 2, 2, 2, 2, 2], needsTraining: true });
    await as['rd-t2'].put(`${base}/survey/mine`, { answers: [4, 4, 4, 4, 4, 4], needsTraining: false });
    expect(await count('readiness_survey')).toBe(2);
    expect((await as['rd-t2'].get(`${base}/survey/mine`)).json().answer.answers).toEqual([4, 4, 4, 4, 4, 4]);
  });

  it('refuses bad answers and people of other schools', async () => {
    expect((await as['rd-t1'].put(`${base}/survey/mine`, { answers: [5, 1, 1, 1, 1, 1], needsTraining: true })).statusCode).toBe(400);
    expect((await as['rd-t1'].put(`${base}/survey/mine`, { answers: [1, 1], needsTraining: true })).statusCode).toBe(400);
    expect((await as['rd-head2'].put(`${base}/survey/mine`, { answers: [1, 1, 1, 1, 1, 1], needsTraining: true })).statusCode).toBe(403);
    expect((await as['rd-city'].get(`${base}/survey/mine`)).statusCode).toBe(403);
    expect((await as['rd-t1'].get(`${base}/survey/mine`)).json().answer.answers).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('the head sees answers, averages and who needs training', async () => {
    const r = (await as['rd-head'].get(base)).json().survey;
    expect(r).toMatchObject({ teachers: 2, answered: 2, needTraining: 1, averages: [3, 3, 3, 3, 3, 3] });
    expect(r.answers.filter((a: { needsTraining: boolean }) => a.needsTraining)).toHaveLength(1);
    expect(r.notAnswered).toEqual([]);
  });
});
