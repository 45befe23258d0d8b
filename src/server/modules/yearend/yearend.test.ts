import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSchool, withSystem } from '../../db/tenancy.js';
import { registerErrorHandler } from '../../http/errors.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';

let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
let school: f.BuiltSchool;
let other: f.BuiltSchool;
let teacherId: number;
let pageId: number;
let lessons: number[];
let cols: Record<string, number>;
const pupils: Record<string, number> = {};
let base: string;

async function setAnnual(pupilId: number, mark: string) {
  await withSystem(db, (c) =>
    c.query('INSERT INTO summary_mark (school_id, column_id, pupil_id, mark) VALUES ($1, $2, $3, $4)', [school.schoolId, cols.annual, pupilId, mark]),
  );
}

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2026-06-20' });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId);
  other = await f.buildSchool(db, cityId, 'Інша школа');
  await f.buildStaff(db, school.schoolId, 'head', ['head']);
  await f.buildStaff(db, school.schoolId, 'controller', ['controller']);
  teacherId = await f.buildStaff(db, school.schoolId, 'math', ['teacher']);
  await f.buildStaff(db, other.schoolId, 'other.head', ['head']);
  const cls = await f.buildClass(db, school, 5, 'А', teacherId);
  const small = await f.buildClass(db, school, 2, 'А');
  pupils.olia = await f.buildPupil(db, school.schoolId, cls, ['Коваль', 'Оля']);
  pupils.petro = await f.buildPupil(db, school.schoolId, cls, ['Шевчук', 'Петро']);
  pupils.left = await f.buildPupil(db, school.schoolId, cls, ['Ярош', 'Ян']);
  pupils.small = await f.buildPupil(db, school.schoolId, small, ['Антоненко', 'Ада']);
  // Ян left in March: no annual mark is expected of him
  await withSystem(db, (c) => c.query(`UPDATE enrollment SET to_date = '2026-03-01' WHERE pupil_id = $1`, [pupils.left]));
  pageId = await f.buildPage(db, school, { classId: cls, subject: 'Математика', teacherId });
  // grade 2: verbal judgements, no annual marks
  const verbal = await f.buildPage(db, school, { classId: small, subject: 'Читання', teacherId, scale: 'verbal' });
  lessons = await f.buildLessons(db, school.schoolId, pageId, ['2025-09-02', '2026-05-12']);
  await f.buildLessons(db, school.schoolId, verbal, ['2025-09-03']);
  await withSystem(db, (c) => c.query(`UPDATE lesson SET topic = 'Тема' WHERE school_id = $1 AND page_id = $2`, [school.schoolId, verbal]));
  cols = await f.buildSummaryColumns(db, school.schoolId, pageId);
  await withSystem(db, (c) => c.query(`UPDATE lesson SET topic = 'Натуральні числа' WHERE id = $1`, [lessons[0]]));
  await setAnnual(pupils.olia, '10');
  base = `/api/schools/${school.schoolId}/years/${school.yearId}`;
  for (const login of ['head', 'controller', 'math', 'other.head']) as[login] = await actAs(app, login);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const events = async () =>
  (await withSystem(db, (c) => c.query('SELECT action, reason FROM school_year_event WHERE school_id = $1 ORDER BY id', [school.schoolId]))).rows;
const status = async () => (await withSystem(db, (c) => c.query('SELECT status FROM school_year WHERE id = $1', [school.yearId]))).rows[0].status;

describe(`closing the year (${testEngine})`, () => {
  it('lists what is missing: annual marks of enrolled pupils on graded pages, lessons without topics', async () => {
    const res = await as.controller.get(`${base}/completeness`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.annualMarks).toEqual([
      { pageId, classLabel: '5-А', subjectName: 'Математика', groupName: null, teacherName: 'Тестенко Олена Петрівна', missing: 1, pupils: ['Шевчук Петро'] },
    ]);
    expect(body.topics).toMatchObject([{ pageId, missing: 1, dates: ['2026-05-12'] }]);
    expect(body.total).toBe(2);
    // the control feature's remarks are listed when it is installed
    const remarks = (await withSystem(db, (c) => c.query(`SELECT to_regclass('control_remark') IS NOT NULL AS ok`))).rows[0].ok;
    expect(body.remarks === null).toBe(!remarks);
  });

  it('refuses the anonymous, other roles and other schools', async () => {
    expect((await anonymous(app, 'GET', `${base}/completeness`)).statusCode).toBe(401);
    expect((await as.math.get(`${base}/completeness`)).statusCode).toBe(403);
    expect((await as.controller.post(`${base}/close`, { reason: 'так' })).statusCode).toBe(403);
    expect((await as['other.head'].post(`${base}/close`, { reason: 'так' })).statusCode).toBe(403);
    // the other head in their own school cannot reach this school's year
    expect((await as['other.head'].post(`/api/schools/${other.schoolId}/years/${school.yearId}/close`, { reason: 'так' })).statusCode).toBe(404);
    expect(await status()).toBe('open');
  });

  it('refuses to close with open gaps unless a reason is given, changing nothing', async () => {
    const res = await as.head.post(`${base}/close`, {}, 'en');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'year_incomplete', details: { gaps: { annualMarks: 1, topics: 1 } } });
    expect(res.json().error.message).toContain('(2)');
    expect(await status()).toBe('open');
    expect(await events()).toEqual([]);
  });

  it('closes with a recorded reason', async () => {
    const res = await as.head.post(`${base}/close`, { reason: 'Учень Шевчук на тривалому лікуванні' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', events: [{ action: 'close', reason: 'Учень Шевчук на тривалому лікуванні', gaps: { annualMarks: 1, topics: 1 }, user: 'Тестенко Олена' }] });
    expect(await status()).toBe('closed');
    expect((await as.head.post(`${base}/close`, { reason: 'ще раз' })).json().error.code).toBe('year_closed');
  });

  it('refuses every write through the API with 409 year_closed', async () => {
    const page = `/api/schools/${school.schoolId}/journal/pages/${pageId}`;
    const put = await as.math.put(`${page}/entries`, { cells: [{ lessonId: lessons[0], pupilId: pupils.petro, mark: '9', absent: false, version: 0 }], reason: 'виправлення' });
    expect(put.statusCode).toBe(409);
    expect(put.json().error.code).toBe('year_closed');
    const patch = await as.math.request({ method: 'PATCH', url: `${page}/lessons/${lessons[1]}`, payload: { topic: 'Дроби', version: 1, reason: 'пізно' } });
    expect(patch.statusCode).toBe(409);
    const cells = (await withSystem(db, (c) => c.query('SELECT count(*)::int AS n FROM journal_cell WHERE school_id = $1', [school.schoolId]))).rows[0].n;
    expect(cells).toBe(0);
  });

  it('refuses a direct SQL write as the app role and as the owner, on every table of the year', async () => {
    const s = school.schoolId;
    const writes = [
      `UPDATE lesson SET topic = 'підробка' WHERE school_id = ${s}`,
      `INSERT INTO journal_cell (school_id, lesson_id, pupil_id, mark) VALUES (${s}, ${lessons[0]}, ${pupils.petro}, '12')`,
      `UPDATE summary_mark SET mark = '12' WHERE school_id = ${s}`,
      `DELETE FROM summary_mark WHERE school_id = ${s}`,
      `UPDATE enrollment SET to_date = '2026-01-01' WHERE school_id = ${s}`,
      `UPDATE school_class SET letter = 'Б' WHERE school_id = ${s}`,
      `UPDATE journal_page SET hours_per_week = 3 WHERE school_id = ${s}`,
      `INSERT INTO absence_reason (school_id, pupil_id, day, reason) VALUES (${s}, ${pupils.olia}, '2025-10-01', 'illness')`,
      `UPDATE semester SET ends_on = '2025-12-23' WHERE school_id = ${s} AND number = 1`,
      `UPDATE school_year SET ends_on = '2026-06-29' WHERE id = ${school.yearId}`,
      `DELETE FROM school_year WHERE id = ${school.yearId}`,
    ];
    for (const sql of writes) {
      const asApp = withSchool(db, { schoolId: s, userId: teacherId }, (c) => c.query(sql));
      await expect(asApp, sql).rejects.toMatchObject({ code: 'KL001' });
      const asOwner = withSystem(db, (c) => c.query(sql));
      await expect(asOwner, sql).rejects.toMatchObject({ code: 'KL001' });
    }
    // the other school's open year is untouched by the rule
    await withSystem(db, (c) => c.query(`UPDATE semester SET ends_on = '2025-12-23' WHERE school_id = $1 AND number = 1`, [other.schoolId]));
  });

  it('maps the database refusal to 409 year_closed for any route', async () => {
    const mini = Fastify();
    registerErrorHandler(mini);
    mini.get('/raw', () => withSchool(db, { schoolId: school.schoolId, userId: teacherId }, (c) => c.query(`UPDATE lesson SET homework = 'x' WHERE school_id = ${school.schoolId}`)));
    const res = await mini.inject({ method: 'GET', url: '/raw', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({ code: 'year_closed', message: 'The school year is closed: no changes are possible.' });
    await mini.close();
  });

  it('reopens only by the head with a reason, recorded; then writes work again', async () => {
    expect((await as.controller.post(`${base}/reopen`, { reason: 'x' })).statusCode).toBe(403);
    const noReason = await as.head.post(`${base}/reopen`, { reason: ' ' }, 'en');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0]).toMatchObject({ path: 'reason' });
    const res = await as.head.post(`${base}/reopen`, { reason: 'Рішення комісії про скориговану оцінку' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('open');
    expect(await events()).toEqual([
      { action: 'close', reason: 'Учень Шевчук на тривалому лікуванні' },
      { action: 'reopen', reason: 'Рішення комісії про скориговану оцінку' },
    ]);
    await setAnnual(pupils.petro, '9');
    const years = (await as.head.get(`/api/schools/${school.schoolId}/years`)).json().years;
    expect(years[0]).toMatchObject({ id: school.yearId, status: 'open', classes: 2 });
    expect((await as.head.post(`${base}/reopen`, { reason: 'ще' })).json().error.code).toBe('year_not_closed');
  });

  it('closes without a reason once nothing is missing', async () => {
    await withSystem(db, (c) => c.query(`UPDATE lesson SET topic = 'Повторення' WHERE id = $1`, [lessons[1]]));
    const check = (await as.head.get(`${base}/completeness`)).json();
    expect(check.total).toBe(0);
    const res = await as.head.post(`${base}/close`, {});
    expect(res.statusCode).toBe(200);
    expect(await status()).toBe('closed');
  });
});
