import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPlan, TPlanImportPreview } from '../../../shared/api/planning.js';
import type { Database } from '../../db/database.js';
import { withSchool, withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { regenerateLessons } from '../timetable/regenerate.service.js';
import { planFromCli } from './cli.js';
import { buildLastYearPlan, csv, xlsx } from './fixtures.test-helpers.js';

let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
let school: f.BuiltSchool;
let page: number;
let parallel: number;
let foreignParallel: number;
let lessons: number[];
let lastYearPage: number;
/** the plan of `page` as last saved, carried from one test to the next */
let plan: TPlan;

// 2 hours a week; the first semester (01.09-24.12.2025, no holidays) has 83 weekdays: 16.6 weeks, 34 hours at most
const DATES = ['2025-09-02', '2025-09-04', '2025-09-09', '2025-09-11', '2025-09-16', '2025-09-18', '2025-09-23', '2025-09-25'];

const urlOf = (pageId: number, semester = 1) => `/api/schools/${school.schoolId}/journal/pages/${pageId}/plans/${semester}`;
const item = (topic: string, hours = 1, kind = 'lesson') => ({ topic, hours, kind, plannedDate: null });
const twoUnits = (version: number, ids: (number | null)[] = [null, null]) => ({
  version,
  units: [
    { id: ids[0], title: 'Раціональні вирази', items: [item('Дроби'), item('Скорочення дробів', 2), item('Контрольна робота №1', 1, 'test')] },
    { id: ids[1], title: 'Квадратні корені', items: [item('Корінь'), item('Властивості коренів')] },
  ],
});

async function lessonRows(pageId: number) {
  return withSystem(db, async (c) =>
    (
      await c.query(
        `SELECT l.id, l.lesson_date AS date, l.topic, l.topic_from_plan AS "fromPlan", l.cancelled, pi.topic AS "itemTopic"
         FROM lesson l LEFT JOIN plan_item pi ON pi.school_id = l.school_id AND pi.id = l.plan_item_id
         WHERE l.page_id = $1 ORDER BY l.lesson_date, l.period, l.id`,
        [pageId],
      )
    ).rows,
  );
}

async function planCount(pageId: number): Promise<number> {
  return withSystem(db, async (c) => Number((await c.query('SELECT count(*) AS n FROM lesson_plan WHERE page_id = $1', [pageId])).rows[0].n));
}


beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-09-15', LATE_EDIT_DAYS: '30' });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId);
  const other = await f.buildSchool(db, cityId, 'Інша гімназія');
  const math = await f.buildStaff(db, school.schoolId, 'math', ['teacher']);
  const bio = await f.buildStaff(db, school.schoolId, 'bio', ['teacher']);
  await f.buildStaff(db, school.schoolId, 'head', ['head']);
  await f.buildStaff(db, school.schoolId, 'controller', ['controller']);
  await f.buildStaff(db, other.schoolId, 'stranger', ['teacher', 'head']);
  const a = await f.buildClass(db, school, 7, 'А');
  const b = await f.buildClass(db, school, 7, 'Б');
  const v = await f.buildClass(db, school, 7, 'В');
  await f.buildPupil(db, school.schoolId, a, ['Іваненко', 'Анна']);
  page = await f.buildPage(db, school, { classId: a, subject: 'Алгебра', teacherId: math });
  parallel = await f.buildPage(db, school, { classId: b, subject: 'Алгебра', teacherId: math });
  foreignParallel = await f.buildPage(db, school, { classId: v, subject: 'Алгебра', teacherId: bio });
  lessons = await f.buildLessons(db, school.schoolId, page, DATES);
  await f.buildLessons(db, school.schoolId, parallel, DATES.slice(0, 6));
  await f.buildLessons(db, school.schoolId, foreignParallel, DATES.slice(0, 6));
  lastYearPage = await buildLastYearPlan(db, school.schoolId, math);
  for (const login of ['math', 'bio', 'head', 'controller', 'stranger']) as[login] = await actAs(app, login);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe(`plan access (${testEngine})`, () => {
  it('refuses requests without a session', async () => {
    expect((await anonymous(app, 'GET', urlOf(page))).statusCode).toBe(401);
    expect((await anonymous(app, 'PUT', urlOf(page), twoUnits(0))).statusCode).toBe(401);
    expect((await anonymous(app, 'POST', `${urlOf(page)}/import`, { fileName: 'a.csv', contentBase64: 'YQ==', confirm: false, version: 0 })).statusCode).toBe(401);
  });

  it('lets head and controller read, refuses another teacher and another school, and writes nothing', async () => {
    expect((await as.head.get(urlOf(page))).statusCode).toBe(200);
    const read = await as.controller.get(urlOf(page));
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ exists: false, canEdit: false, version: 0 });
    expect((await as.bio.get(urlOf(page))).statusCode).toBe(403);
    expect((await as.stranger.get(urlOf(page))).statusCode).toBe(403);
    expect((await as.bio.put(urlOf(page), twoUnits(0))).statusCode).toBe(403);
    expect((await as.head.put(urlOf(page), twoUnits(0))).statusCode).toBe(403);
    expect((await as.stranger.put(urlOf(page), twoUnits(0))).statusCode).toBe(403);
    expect((await as.controller.post(`${urlOf(page)}/copy-to`, { pageIds: [parallel], replace: true })).statusCode).toBe(403);
    expect(await planCount(page)).toBe(0);
  });

  it('documents its routes in OpenAPI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const base = '/api/schools/{schoolId}/journal/pages/{pageId}/plans/{semester}';
    for (const path of [base, `${base}/import`, `${base}/copy`, `${base}/copy-to`, `${base}/copy-from`]) expect(Object.keys(doc.paths)).toContain(path);
  });

  it('answers a bad body with field messages in the request language', async () => {
    const res = await as.math.put(urlOf(page), { version: 0, units: [{ id: null, title: '', items: [item('x', 0)] }] }, 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Please check the data you entered.');
    expect(await planCount(page)).toBe(0);
  });
});

describe(`saving a plan and mapping it onto lessons (${testEngine})`, () => {

  it('maps items by their hours onto the lessons in order and pre-fills topics', async () => {
    const res = await as.math.put(urlOf(page), twoUnits(0));
    expect(res.statusCode).toBe(200);
    plan = res.json();
    expect(plan).toMatchObject({ exists: true, version: 1, canEdit: true, source: 'manual' });
    expect(plan.allowance).toEqual({ hoursPerWeek: 2, studyWeeks: 16.6, maxHours: 34 });
    const rows = await lessonRows(page);
    expect(rows.map((r) => r.topic)).toEqual(['Дроби', 'Скорочення дробів', 'Скорочення дробів', 'Контрольна робота №1', 'Корінь', 'Властивості коренів', '', '']);
    expect(rows.map((r) => r.itemTopic)).toEqual(['Дроби', 'Скорочення дробів', 'Скорочення дробів', 'Контрольна робота №1', 'Корінь', 'Властивості коренів', null, null]);
    expect(plan.units[0].items[1].lessonDates).toEqual(['2025-09-04', '2025-09-09']);
    expect(plan.agreement).toMatchObject({ planHours: 6, lessons: 8, lessonsWithoutPlan: 2, hoursWithoutLesson: 0 });
    expect(plan.agreement.firstLessonWithoutPlan?.date).toBe('2025-09-23');
    // every pre-filled topic is in the page's history
    const history = await as.math.get(`/api/schools/${school.schoolId}/journal/pages/${page}/history?lessonId=${lessons[0]}`);
    expect(history.json().changes[0]).toMatchObject({ field: 'topic', oldValue: '', newValue: 'Дроби' });
  });

  it('makes each unit a thematic column after its last lesson', async () => {
    const journal = (await as.math.get(`/api/schools/${school.schoolId}/journal/pages/${page}?semester=1`)).json();
    const thematic = journal.columns.filter((c: { kind: string }) => c.kind === 'thematic');
    expect(thematic.map((c: { title: string; afterDate: string }) => [c.title, c.afterDate])).toEqual([
      ['Тематична: Раціональні вирази', '2025-09-11'],
      ['Тематична: Квадратні корені', '2025-09-18'],
    ]);
    expect(plan.units.map((u) => u.columnId)).toEqual(thematic.map((c: { id: number }) => c.id));
  });

  it('refuses a stale save with 409 and changes nothing', async () => {
    const res = await as.math.put(urlOf(page), { version: 0, units: [{ id: null, title: 'Інше', items: [item('Інше')] }] });
    expect(res.statusCode).toBe(409);
    const now = (await as.math.get(urlOf(page))).json();
    expect(now.version).toBe(1);
    expect(now.units.map((u: { title: string }) => u.title)).toEqual(['Раціональні вирази', 'Квадратні корені']);
  });

  it('refuses more hours than the curriculum allows, in English when asked, and writes nothing', async () => {
    const body = { version: 1, units: [{ id: null, title: 'Забагато', items: [item('Перше', 20), item('Друге', 15)] }] };
    const res = await as.math.put(urlOf(page), body, 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems[0].message).toBe('The plan reaches 35 hours, but the curriculum allows 34 (2 h a week × 16.6 weeks).');
    expect((await as.math.get(urlOf(page))).json().version).toBe(1);
  });

  it('keeps a topic the teacher edited when the plan changes', async () => {
    const patch = await as.math.request({ method: 'PATCH', url: `/api/schools/${school.schoolId}/journal/pages/${page}/lessons/${lessons[0]}`, payload: { topic: 'Дроби: повторення', version: 2 } });
    expect(patch.statusCode).toBe(200);
    const ids = plan.units.map((u) => u.id);
    const body = twoUnits(1, ids);
    body.units[0].items[0] = item('Звичайні дроби');
    body.units[1].items[0] = item('Арифметичний квадратний корінь');
    const res = await as.math.put(urlOf(page), body);
    expect(res.statusCode).toBe(200);
    plan = res.json();
    const rows = await lessonRows(page);
    expect(rows[0]).toMatchObject({ topic: 'Дроби: повторення', fromPlan: false, itemTopic: 'Звичайні дроби' });
    expect(rows[4]).toMatchObject({ topic: 'Арифметичний квадратний корінь', fromPlan: true });
    // the same units: the same thematic columns
    expect(plan.units.map((u) => u.id)).toEqual(ids);
  });

  it('shifts the plan after a cancelled lesson, and back when it is restored', async () => {
    const lessonUrl = `/api/schools/${school.schoolId}/journal/pages/${page}/lessons/${lessons[1]}`;
    const version = (await withSystem(db, (c) => c.query('SELECT version FROM lesson WHERE id = $1', [lessons[1]]))).rows[0].version;
    const cancel = await as.math.request({ method: 'PATCH', url: lessonUrl, payload: { cancelled: true, version } });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toMatchObject({ cancelled: true, topic: '' });
    const rows = await lessonRows(page);
    expect(rows.map((r) => r.topic)).toEqual([
      'Дроби: повторення',
      '',
      'Скорочення дробів',
      'Скорочення дробів',
      'Контрольна робота №1',
      'Арифметичний квадратний корінь',
      'Властивості коренів',
      '',
    ]);
    const after = (await as.math.get(urlOf(page))).json() as TPlan;
    expect(after.agreement).toMatchObject({ lessons: 7, planHours: 6, lessonsWithoutPlan: 1 });
    const journal = (await as.math.get(`/api/schools/${school.schoolId}/journal/pages/${page}?semester=1`)).json();
    expect(journal.columns.filter((c: { kind: string }) => c.kind === 'thematic').map((c: { afterDate: string }) => c.afterDate)).toEqual(['2025-09-16', '2025-09-23']);
    const restore = await as.math.request({ method: 'PATCH', url: lessonUrl, payload: { cancelled: false, version: cancel.json().version } });
    expect(restore.statusCode).toBe(200);
    expect(restore.json().topic).toBe('Скорочення дробів');
  });

  it('re-maps when a lesson is added, and shows more plan hours than lessons', async () => {
    const big = twoUnits(plan.version, plan.units.map((u) => u.id));
    big.units[1].items.push(item('Застосування', 3), item('Підсумок', 1));
    const res = await as.math.put(urlOf(page), big);
    expect(res.statusCode).toBe(200);
    expect(res.json().agreement).toMatchObject({ planHours: 10, lessons: 8, hoursWithoutLesson: 2, firstItemWithoutLesson: { topic: 'Застосування' } });
    const add = await as.math.post(`/api/schools/${school.schoolId}/journal/pages/${page}/lessons`, { date: '2025-09-26', period: 3 });
    expect(add.statusCode).toBe(200);
    expect(add.json().topic).toBe('Застосування');
    expect((await as.math.get(urlOf(page))).json().agreement).toMatchObject({ hoursWithoutLesson: 1, firstItemWithoutLesson: { topic: 'Підсумок' } });
    plan = (await as.math.get(urlOf(page))).json();
  });

  it('keeps the thematic column of a removed unit that has marks, and tells the teacher', async () => {
    const [first, second] = plan.units;
    await withSystem(db, async (c) => {
      const pupil = (await c.query(`SELECT id FROM pupil WHERE last_name = 'Іваненко'`)).rows[0].id;
      await c.query('INSERT INTO summary_mark (school_id, column_id, pupil_id, mark) VALUES ($1, $2, $3, $4)', [school.schoolId, first.columnId, pupil, '9']);
    });
    const res = await as.math.put(urlOf(page), { version: plan.version, units: [{ id: null, title: 'Новий розділ', items: [item('Нова тема')] }] }, 'uk');
    expect(res.statusCode).toBe(200);
    expect(res.json().notes).toEqual(['Колонку «Тематична: Раціональні вирази» залишено, бо в ній уже є оцінки.']);
    const columns = await withSystem(db, async (c) => (await c.query(`SELECT id FROM summary_column WHERE page_id = $1 AND kind = 'thematic'`, [page])).rows.map((r) => r.id));
    expect(columns).toContain(first.columnId);
    expect(columns).not.toContain(second.columnId);
    plan = res.json();
  });
});

describe(`importing a plan (${testEngine})`, () => {
  const good = ['№;Дата;Тема уроку;Кількість годин;Розділ/Тема', '1;02.09.2025;Множина;1;Вступ', '2;;Підмножини;2;Вступ', '3;;Лабораторна робота 1;1;Досліди'].join('\n');

  it('previews a CSV without writing, then writes it when confirmed', async () => {
    const before = await planCount(parallel);
    const res = await as.math.post(`${urlOf(parallel)}/import`, { fileName: 'ktp.csv', contentBase64: csv(good), confirm: false, version: 0 });
    expect(res.statusCode).toBe(200);
    const preview: TPlanImportPreview = res.json();
    expect(preview).toMatchObject({ units: 2, items: 3, totalHours: 4, lessons: 6, problems: [], saved: null });
    expect(preview.rows[2]).toMatchObject({ row: 4, itemKind: 'lab', unit: 'Досліди' });
    expect(await planCount(parallel)).toBe(before);
    const done = await as.math.post(`${urlOf(parallel)}/import`, { fileName: 'ktp.csv', contentBase64: csv(good), confirm: true, version: 0 });
    expect(done.statusCode).toBe(200);
    expect(done.json().saved).toMatchObject({ source: 'import', version: 1 });
    expect(done.json().saved.units[0].items[0].plannedDate).toBe('2025-09-02');
    expect((await lessonRows(parallel)).map((r) => r.topic)).toEqual(['Множина', 'Підмножини', 'Підмножини', 'Лабораторна робота 1', '', '']);
  });

  it('lists every row\'s problem of a broken CSV and writes nothing', async () => {
    const broken = ['Number,Date,Topic,Hours,Unit', '1,,,1,A', '2,,Fractions,two,A', '3,31.02.2025,Roots,1,B', '4,,Big,20,B', '5,,Bigger,20,B'].join('\n');
    const res = await as.math.post(`${urlOf(page)}/import`, { fileName: 'plan.csv', contentBase64: csv(broken), confirm: false, version: plan.version }, 'en');
    expect(res.statusCode).toBe(200);
    const preview: TPlanImportPreview = res.json();
    expect(preview.problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'topic'],
      [3, 'hours'],
      [4, 'date'],
      [6, 'hours'],
    ]);
    expect(preview.problems[1].message).toBe('The number of hours "two" must be a whole number from 1 to 20.');
    expect(preview.problems[3].message).toContain('The plan reaches 42 hours, but the curriculum allows 34');
    const confirm = await as.math.post(`${urlOf(page)}/import`, { fileName: 'plan.csv', contentBase64: csv(broken), confirm: true, version: plan.version }, 'en');
    expect(confirm.statusCode).toBe(400);
    expect(confirm.json().error).toMatchObject({ code: 'import_problems', message: 'The file has problems in 4 rows. Nothing was written.' });
    expect(confirm.json().error.details.problems).toHaveLength(4);
    expect((await as.math.get(urlOf(page))).json().version).toBe(plan.version);
  });

  it('reads an XLSX with a title, heading rows for units, dates as dates, and keeps a unit\'s column by its title', async () => {
    const content = await xlsx([
      ['Календарно-тематичне планування, алгебра, 7 клас'],
      ['№ з/п', 'Дата', 'Тема уроку', 'К-сть год.', 'Примітка'],
      [null, null, 'Розділ 1. Новий розділ', null, null],
      [1, new Date(Date.UTC(2025, 8, 2)), 'Нова тема', 1, null],
      [2, null, 'Контрольна робота', 1, null],
      [null, null, 'Розділ 2. Функції', null, null],
      [3, null, 'Лінійна функція', 2, null],
    ]);
    const columnBefore = plan.units[0].columnId;
    const res = await as.math.post(`${urlOf(page)}/import`, { fileName: 'ktp.xlsx', contentBase64: content, confirm: true, version: plan.version });
    expect(res.statusCode).toBe(200);
    const saved = res.json().saved as TPlan;
    expect(saved.units.map((u) => [u.title, u.items.map((i) => [i.topic, i.hours, i.kind, i.plannedDate])])).toEqual([
      ['Розділ 1. Новий розділ', [['Нова тема', 1, 'lesson', '2025-09-02'], ['Контрольна робота', 1, 'test', null]]],
      ['Розділ 2. Функції', [['Лінійна функція', 2, 'lesson', null]]],
    ]);
    expect(saved.units[0].columnId).not.toBe(columnBefore);
    plan = saved;
  });

  it('refuses a file without a topic column and an unreadable one', async () => {
    const noTopic = await as.math.post(`${urlOf(page)}/import`, { fileName: 'a.csv', contentBase64: csv('Дата;Години\n01.09.2025;1'), confirm: false, version: 0 });
    expect(noTopic.statusCode).toBe(400);
    expect(noTopic.json().error.code).toBe('missing_columns');
    const junk = await as.math.post(`${urlOf(page)}/import`, { fileName: 'a.xlsx', contentBase64: Buffer.from('PK\u0003\u0004junk').toString('base64'), confirm: false, version: 0 });
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.code).toBe('unreadable_file');
  });

  it('refuses an import by a teacher of another page', async () => {
    const res = await as.bio.post(`${urlOf(page)}/import`, { fileName: 'ktp.csv', contentBase64: csv(good), confirm: true, version: plan.version });
    expect(res.statusCode).toBe(403);
  });
});

describe(`copying plans (${testEngine})`, () => {
  it('offers parallel pages and last year\'s plan', async () => {
    const res = await as.math.get(`${urlOf(page)}/copy`);
    expect(res.statusCode).toBe(200);
    expect(res.json().targets.map((t: { label: string; hasPlan: boolean }) => [t.label, t.hasPlan])).toEqual([['7-Б', true]]);
    expect(res.json().sources).toEqual([{ pageId: lastYearPage, label: '7-А', yearName: '2024/2025', teacherName: 'Тестенко Олена Петрівна' }]);
    const head = await as.head.get(`${urlOf(page)}/copy`);
    expect(head.json().targets.map((t: { label: string }) => t.label)).toEqual(['7-Б', '7-В']);
  });

  it('copies to the teacher\'s own parallel page only, and replaces a plan only when asked', async () => {
    const res = await as.math.post(`${urlOf(page)}/copy-to`, { pageIds: [parallel, foreignParallel], replace: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().copied).toEqual([]);
    expect(res.json().skipped.map((s: { label: string; reason: string }) => [s.label, s.reason])).toEqual([
      ['7-Б', 'Сторінка вже має план на цей семестр.'],
      ['7-В', 'Ви не викладаєте на цій сторінці.'],
    ]);
    const replace = await as.math.post(`${urlOf(page)}/copy-to`, { pageIds: [parallel], replace: true });
    expect(replace.json().copied).toEqual([{ pageId: parallel, label: '7-Б' }]);
    expect((await lessonRows(parallel)).map((r) => r.topic)).toEqual(['Нова тема', 'Контрольна робота', 'Лінійна функція', 'Лінійна функція', '', '']);
    expect(await planCount(foreignParallel)).toBe(0);
  });

  it('lets the head copy to any parallel page', async () => {
    const res = await as.head.post(`${urlOf(page)}/copy-to`, { pageIds: [foreignParallel], replace: false });
    expect(res.json().copied).toEqual([{ pageId: foreignParallel, label: '7-В' }]);
    expect(await planCount(foreignParallel)).toBe(1);
  });

  it('takes last year\'s plan without its dates', async () => {
    const res = await as.math.post(`${urlOf(page)}/copy-from`, { sourcePageId: lastYearPage, version: plan.version });
    expect(res.statusCode).toBe(200);
    const saved = res.json() as TPlan;
    expect(saved.units.map((u) => [u.title, u.items.map((i) => [i.topic, i.hours, i.plannedDate])])).toEqual([
      ['Минулорічний розділ', [['Повторення', 2, null], ['Многочлени', 1, null]]],
    ]);
    expect(saved.source).toBe('copy');
    const wrong = await as.math.post(`${urlOf(page)}/copy-from`, { sourcePageId: parallel, version: saved.version });
    expect(wrong.statusCode).toBe(400);
    expect((await as.math.get(urlOf(page))).json().version).toBe(saved.version);
  });
});

describe(`plan import from the command line (${testEngine})`, () => {
  it('lists the problems of a broken file and writes nothing; writes a clean one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ktp-'));
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, '№;Тема уроку;Години\n1;;1\n2;Функції;багато\n');
    const lines: string[] = [];
    const before = (await as.math.get(urlOf(foreignParallel))).json().version;
    expect(await planFromCli(db, { sub: 'import', pageId: foreignParallel, file: broken, semester: 1, dryRun: false }, (l) => lines.push(l))).toBe(2);
    expect(lines.slice(1)).toEqual(['  row 2: Немає теми уроку.', '  row 3: Кількість годин «багато» має бути цілим числом від 1 до 20.', 'Nothing was written.']);
    expect((await as.math.get(urlOf(foreignParallel))).json().version).toBe(before);
    const good = join(dir, 'good.csv');
    writeFileSync(good, '№;Тема уроку;Години;Розділ\n1;Вступ;1;Розділ А\n2;Функції;2;Розділ А\n');
    expect(await planFromCli(db, { sub: 'import', pageId: foreignParallel, file: good, semester: 1, dryRun: false }, () => undefined)).toBe(0);
    expect((await lessonRows(foreignParallel)).map((r) => r.topic).slice(0, 3)).toEqual(['Вступ', 'Функції', 'Функції']);
    expect(await planFromCli(db, { sub: 'import', pageId: 999_999, file: good, dryRun: false }, () => undefined)).toBe(2);
  });
});

describe(`plans after a timetable change (${testEngine})`, () => {
  it('lets the timetable remove lessons that only hold the plan\'s topic, keeps the teacher\'s, and shifts the plan', async () => {
    const g = await f.buildClass(db, school, 7, 'Г');
    const math = await withSystem(db, async (c) => (await c.query(`SELECT id FROM app_user WHERE login = 'math'`)).rows[0].id);
    const pageG = await f.buildPage(db, school, { classId: g, subject: 'Алгебра', teacherId: math });
    const ids = await f.buildLessons(db, school.schoolId, pageG, ['2025-09-16', '2025-09-18', '2025-09-23']);
    const body = { version: 0, units: [{ id: null, title: 'Розділ', items: [item('А'), item('Б'), item('В')] }] };
    expect((await as.math.put(urlOf(pageG), body)).statusCode).toBe(200);
    const lessonUrl = `/api/schools/${school.schoolId}/journal/pages/${pageG}/lessons/${ids[1]}`;
    expect((await as.math.request({ method: 'PATCH', url: lessonUrl, payload: { homework: '№ 12', version: 2 } })).statusCode).toBe(200);
    // the page has no timetable: regenerating its lessons from today removes every empty one
    await withSchool(db, { schoolId: school.schoolId, userId: 0 }, (c) => regenerateLessons(c, school.schoolId, pageG, '2025-09-15'));
    const rows = await lessonRows(pageG);
    expect(rows.map((r) => [r.date, r.topic, r.itemTopic])).toEqual([['2025-09-18', 'А', 'А']]);
    expect((await as.math.get(urlOf(pageG))).json().agreement).toMatchObject({ lessons: 1, planHours: 3, hoursWithoutLesson: 2, firstItemWithoutLesson: { topic: 'Б' } });
  });
});
