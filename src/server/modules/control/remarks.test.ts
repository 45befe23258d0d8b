import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { sql } from './test-fixture.js';

let db: Database;
let app: FastifyInstance;
let school: f.BuiltSchool;
let other: f.BuiltSchool;
let pageId: number;
let otherPageId: number;
let foreignPageId: number;
const as: Record<string, Agent> = {};
let base: string;

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-16' });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId);
  other = await f.buildSchool(db, cityId, 'Інша');
  const s = school.schoolId;
  const math = await f.buildStaff(db, s, 'rm-math', ['teacher']);
  const bio = await f.buildStaff(db, s, 'rm-bio', ['teacher']);
  await f.buildStaff(db, s, 'rm-ctrl', ['controller']);
  await f.buildStaff(db, s, 'rm-head', ['head']);
  await f.buildStaff(db, s, 'rm-admin', ['admin']);
  await f.buildStaff(db, other.schoolId, 'rm-ctrl2', ['controller']);
  const cls = await f.buildClass(db, school, 6, 'В');
  pageId = await f.buildPage(db, school, { classId: cls, subject: 'Фізика', teacherId: math });
  otherPageId = await f.buildPage(db, school, { classId: cls, subject: 'Біологія', teacherId: bio });
  const cls2 = await f.buildClass(db, other, 6, 'В');
  foreignPageId = await f.buildPage(db, other, { classId: cls2, subject: 'Фізика', teacherId: null });
  for (const login of ['rm-math', 'rm-bio', 'rm-ctrl', 'rm-head', 'rm-admin', 'rm-ctrl2']) as[login] = await actAs(app, login);
  base = `/api/schools/${s}/remarks`;
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const remarkCount = async () => (await sql(db, 'SELECT count(*)::int AS n FROM control_remark')).rows[0].n;
const act = (who: string, id: number, action: string, version: number, note = '') => as[who].post(`${base}/${id}/${action}`, { version, note });

describe(`remarks: writing (${testEngine})`, () => {
  it('is for the controller and the head; others are refused and nothing is saved', async () => {
    const body = { pageId, checkedOn: '2025-10-15', text: 'Не записано теми уроків 9 і 14 жовтня.', deadline: '2025-10-20' };
    expect((await anonymous(app, 'POST', base, body)).statusCode).toBe(401);
    expect((await as['rm-math'].post(base, body)).statusCode).toBe(403);
    expect((await as['rm-admin'].post(base, body)).statusCode).toBe(403);
    expect((await as['rm-ctrl2'].post(base, body)).statusCode).toBe(403);
    expect(await remarkCount()).toBe(0);
    const res = await as['rm-ctrl'].post(base, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ pageId, pageLabel: '6-В Фізика', status: 'open', overdue: false, version: 1, authorName: 'Тестенко Олена Петрівна', can: { acknowledge: false, fix: false, close: true, reopen: false } });
  });

  it('refuses a deadline before the check, an empty text, a future check and a page of another school', async () => {
    const bad = await as['rm-ctrl'].post(base, { pageId, checkedOn: '2025-10-15', text: 'x', deadline: '2025-10-10' }, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'remark_deadline', message: 'The deadline cannot be earlier than the date of the check.' });
    const empty = await as['rm-ctrl'].post(base, { pageId, checkedOn: '2025-10-15', text: '  ', deadline: '2025-10-20' });
    expect(empty.json().error.details.fields[0]).toEqual({ path: 'text', message: 'Заповніть це поле.' });
    expect((await as['rm-ctrl'].post(base, { pageId, checkedOn: '2025-10-17', text: 'x', deadline: '2025-10-20' })).json().error.code).toBe('remark_future_check');
    expect((await as['rm-ctrl'].post(base, { pageId: foreignPageId, checkedOn: '2025-10-15', text: 'x', deadline: '2025-10-20' })).statusCode).toBe(404);
    expect(await remarkCount()).toBe(1);
  });
});

describe(`remarks: lifecycle (${testEngine})`, () => {
  it('the teacher sees it, acknowledges and fixes it; the controller closes and reopens; history kept', async () => {
    const mine = (await as['rm-math'].get(`${base}?mine=true&status=open`)).json();
    expect(mine.remarks).toHaveLength(1);
    const r = mine.remarks[0];
    expect(r.can).toEqual({ acknowledge: true, fix: true, close: false, reopen: false });
    expect((await as['rm-bio'].get(base)).json().remarks).toEqual([]);
    expect((await act('rm-bio', r.id, 'acknowledge', 1)).statusCode).toBe(403);
    expect((await act('rm-ctrl', r.id, 'acknowledge', 1)).statusCode).toBe(403);
    expect((await act('rm-math', r.id, 'close', 1)).statusCode).toBe(403);
    const ack = await act('rm-math', r.id, 'acknowledge', 1, 'Виправлю до понеділка');
    expect(ack.json()).toMatchObject({ status: 'acknowledged', version: 2 });
    expect((await act('rm-math', r.id, 'acknowledge', 2)).statusCode).toBe(409);
    const stale = await act('rm-math', r.id, 'fix', 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', details: { remark: { status: 'acknowledged', version: 2 } } });
    expect((await act('rm-ctrl', r.id, 'reopen', 2)).json().error.code).toBe('remark_status');
    expect((await act('rm-math', r.id, 'fix', 2)).json()).toMatchObject({ status: 'fixed', version: 3 });
    expect((await act('rm-ctrl', r.id, 'close', 3, 'Перевірено')).json()).toMatchObject({ status: 'closed', version: 4, can: { close: false, reopen: true } });
    expect((await act('rm-head', r.id, 'reopen', 4, 'Знову бракує тем')).json()).toMatchObject({ status: 'open', version: 5 });
    const hist = (await as['rm-math'].get(`${base}/${r.id}/history`)).json();
    expect(hist.events.map((e: { fromStatus: string | null; toStatus: string; note: string }) => [e.fromStatus, e.toStatus, e.note])).toEqual([
      [null, 'open', ''],
      ['open', 'acknowledged', 'Виправлю до понеділка'],
      ['acknowledged', 'fixed', ''],
      ['fixed', 'closed', 'Перевірено'],
      ['closed', 'open', 'Знову бракує тем'],
    ]);
    expect((await as['rm-bio'].get(`${base}/${r.id}/history`)).statusCode).toBe(403);
    expect((await as['rm-ctrl2'].get(`/api/schools/${school.schoolId}/remarks/${r.id}/history`)).statusCode).toBe(403);
  });

  it('the history cannot be rewritten', async () => {
    await sql(db, `UPDATE control_remark_event SET note = 'підробка'`);
    await sql(db, 'DELETE FROM control_remark_event');
    expect((await sql(db, `SELECT count(*)::int AS n FROM control_remark_event WHERE note = 'підробка'`)).rows[0].n).toBe(0);
    expect((await sql(db, 'SELECT count(*)::int AS n FROM control_remark_event')).rows[0].n).toBe(5);
  });

  it('lists open and overdue remarks per teacher', async () => {
    await as['rm-ctrl'].post(base, { pageId: otherPageId, checkedOn: '2025-10-01', text: 'Немає тематичних оцінок.', deadline: '2025-10-10' });
    const overdue = (await as['rm-ctrl'].get(`${base}?status=overdue`)).json();
    expect(overdue.remarks.map((r: { pageLabel: string; overdue: boolean }) => [r.pageLabel, r.overdue])).toEqual([['6-В Біологія', true]]);
    const counts = (await as['rm-admin'].get(`${base}/by-teacher`)).json();
    expect(counts.teachers.map((t: { open: number; overdue: number }) => [t.open, t.overdue])).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect((await as['rm-math'].get(`${base}/by-teacher`)).statusCode).toBe(403);
    expect((await as['rm-ctrl2'].get(`/api/schools/${other.schoolId}/remarks`)).json().remarks).toEqual([]);
  });
});
