import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { type Agent, actAs, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { schoolFill } from '../control/fill.service.js';
import { runNotifications } from '../notices/notify.js';
import { localParts, zonedTime } from '../notices/time.js';
import { tentativeFromCli } from './cli.js';

let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
const ids: Record<string, number> = {};
let base: string;
let urlA: string;
let urlB: string;
let lessonsA: number[];
let lessonsB: number[];
let lessonsV: number[];

/** Yesterday 10:00 Kyiv time: news is due at once then (see notifications.test.ts). */
function yesterdayAt(minute: number): Date {
  const t = localParts(new Date());
  return zonedTime(t.year, t.month, t.day - 1, 10 * 60 + minute);
}

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-15', LATE_EDIT_DAYS: '7' });
  const cityId = await f.buildCity(db);
  const s = await f.buildSchool(db, cityId);
  base = `/api/schools/${s.schoolId}`;
  ids.schoolId = s.schoolId;
  const math = await f.buildStaff(db, s.schoolId, 'math', ['teacher']);
  const bio = await f.buildStaff(db, s.schoolId, 'bio', ['teacher']);
  await f.buildStaff(db, s.schoolId, 'head', ['head']);
  await f.buildStaff(db, s.schoolId, 'control', ['controller']);
  const ct = await f.buildStaff(db, s.schoolId, 'ct', ['teacher']);
  const classA = await f.buildClass(db, s, 5, 'А', ct);
  const classB = await f.buildClass(db, s, 5, 'Б');
  const classV = await f.buildClass(db, s, 5, 'В');
  const class6 = await f.buildClass(db, s, 6, 'А');
  ids.olia = await f.buildPupil(db, s.schoolId, classA, ['Коваль', 'Оля'], await f.buildUser(db, 'olia'));
  ids.petro = await f.buildPupil(db, s.schoolId, classA, ['Шевчук', 'Петро']);
  ids.ivan = await f.buildPupil(db, s.schoolId, classB, ['Бондар', 'Іван']);
  await f.buildGuardian(db, s.schoolId, ids.olia, await f.buildUser(db, 'mama'), { email: 'mama@example.com' });
  ids.pageA = await f.buildPage(db, s, { classId: classA, subject: 'Математика', teacherId: math });
  ids.pageB = await f.buildPage(db, s, { classId: classB, subject: 'Математика', teacherId: math });
  ids.pageV = await f.buildPage(db, s, { classId: classV, subject: 'Математика', teacherId: bio });
  ids.page6 = await f.buildPage(db, s, { classId: class6, subject: 'Математика', teacherId: math });
  lessonsA = await f.buildLessons(db, s.schoolId, ids.pageA, ['2025-10-01', '2025-10-13', '2025-10-14', '2025-10-20']);
  lessonsB = await f.buildLessons(db, s.schoolId, ids.pageB, ['2025-10-13', '2025-10-14']);
  lessonsV = await f.buildLessons(db, s.schoolId, ids.pageV, ['2025-10-14']);
  await f.buildLessons(db, s.schoolId, ids.page6, ['2025-10-14']);
  urlA = `${base}/journal/pages/${ids.pageA}`;
  urlB = `${base}/journal/pages/${ids.pageB}`;
  const other = await f.buildSchool(db, cityId, 'Інша гімназія');
  await f.buildStaff(db, other.schoolId, 'stranger', ['teacher', 'head']);
  for (const login of ['math', 'bio', 'head', 'control', 'ct', 'mama', 'olia', 'stranger']) as[login] = await actAs(app, login);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

type Cell = [number, number, string, boolean, number, true?];
const cellOf = (page: { cells: Cell[] }, lessonId: number, pupilId: number) => page.cells.find((c) => c[0] === lessonId && c[1] === pupilId);
const outboxTexts = async () => (await db.pool.query<{ text: string }>('SELECT text_body AS text FROM outbox_email ORDER BY id')).rows.map((r) => r.text).join('\n');
const week = async (who: string) =>
  (await as[who].get(`${base}/diary/${ids.olia}/week?date=2025-10-15`)).json().lessons.find((l: { lessonId: number }) => l.lessonId === lessonsA[2]);
const fillOfB = async () => (await schoolFill(db, ids.schoolId, { from: '2025-10-13', to: '2025-10-19' }, 'page')).find((r) => r.key.id === ids.pageB)!.figures;

describe(`tentative marks (${testEngine})`, () => {
  it('are seen by the page’s teacher only: not the head, controller, class teacher, parent, pupil or notifications', async () => {
    const saved = await as.math.put(`${urlA}/entries`, {
      cells: [
        { lessonId: lessonsA[2], pupilId: ids.olia, mark: '10', absent: false, tentative: true, version: 0 },
        { lessonId: lessonsA[2], pupilId: ids.petro, mark: '7', absent: false, tentative: true, version: 0 },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().cells).toContainEqual({ lessonId: lessonsA[2], pupilId: ids.olia, mark: '10', absent: false, tentative: true, version: 1 });

    expect(cellOf((await as.math.get(urlA)).json(), lessonsA[2], ids.olia)).toEqual([lessonsA[2], ids.olia, '10', false, 1, true]);
    for (const who of ['head', 'control', 'ct']) {
      const page = await as[who].get(urlA);
      expect(page.statusCode).toBe(200);
      expect(cellOf(page.json(), lessonsA[2], ids.olia)).toBeUndefined();
      const history = (await as[who].get(`${urlA}/history?lessonId=${lessonsA[2]}`)).json().changes;
      expect(history).toEqual([]);
    }
    for (const who of ['mama', 'olia']) {
      expect(await week(who)).toMatchObject({ mark: '', absent: false });
      const subjects = (await as[who].get(`${base}/diary/${ids.olia}/subjects`)).json().subjects;
      expect(subjects.find((x: { pageId: number }) => x.pageId === ids.pageA).marks).toEqual([]);
    }
    const mine = (await as.math.get(`${urlA}/history?lessonId=${lessonsA[2]}&pupilId=${ids.olia}`)).json().changes;
    expect(mine).toMatchObject([{ field: 'mark', oldValue: '', newValue: '?10', tentative: true, late: false }]);

    expect(await runNotifications(db, yesterdayAt(0))).toMatchObject({ instant: 0, pending: 0 });
    expect(await outboxTexts()).not.toContain('оцінка 10');
  });

  it('are counted per page by the CLI, without their values', async () => {
    const lines: string[] = [];
    expect(await tentativeFromCli(db, { sub: 'tentative', schoolId: ids.schoolId }, (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual(['Pencil marks not confirmed yet: 2 on 1 pages', '    2  since 2025-10-14  5-А Математика · Тестенко Олена']);
    expect(await tentativeFromCli(db, { sub: 'tentative', schoolId: 0 }, () => {})).toBe(1);
  });

  it('refuses a pencilled absence, in the request’s language, and saves nothing', async () => {
    const body = { cells: [{ lessonId: lessonsA[1], pupilId: ids.olia, mark: '9', absent: true, tentative: true, version: 0 }] };
    const uk = await as.math.put(`${urlA}/entries`, body);
    expect(uk.statusCode).toBe(400);
    expect(uk.json().error.details.problems).toEqual([{ lessonId: lessonsA[1], pupilId: ids.olia, code: 'tentative_absent', message: 'Олівцем ставиться лише оцінка, не «н».' }]);
    const en = await as.math.put(`${urlA}/entries`, body, 'en');
    expect(en.json().error.details.problems[0].message).toBe('Only a mark can be pencilled in, not an absence.');
    expect(cellOf((await as.math.get(urlA)).json(), lessonsA[1], ids.olia)).toBeUndefined();
  });

  it('are confirmed by the teacher only; the confirmed mark reaches the diary and the parents with history ?10 → 10', async () => {
    const one = { cells: [{ lessonId: lessonsA[2], pupilId: ids.olia }] };
    expect((await as.head.post(`${urlA}/tentative/confirm`, one)).statusCode).toBe(403);
    expect((await as.bio.post(`${urlA}/tentative/confirm`, one)).statusCode).toBe(403);
    expect((await as.stranger.post(`${urlA}/tentative/confirm`, one)).statusCode).toBe(403);
    expect((await as.stranger.get(urlA)).statusCode).toBe(403);
    expect((await as.math.post(`${urlA}/tentative/confirm`, { lessonId: 'x' })).statusCode).toBe(400);
    expect(cellOf((await as.math.get(urlA)).json(), lessonsA[2], ids.olia)).toEqual([lessonsA[2], ids.olia, '10', false, 1, true]);

    // one cell of the two: the selection
    const res = await as.math.post(`${urlA}/tentative/confirm`, one);
    expect(res.statusCode).toBe(200);
    expect(res.json().cells).toEqual([{ lessonId: lessonsA[2], pupilId: ids.olia, mark: '10', absent: false, tentative: false, version: 2 }]);
    expect(cellOf((await as.head.get(urlA)).json(), lessonsA[2], ids.olia)).toEqual([lessonsA[2], ids.olia, '10', false, 2]);
    expect(cellOf((await as.head.get(urlA)).json(), lessonsA[2], ids.petro)).toBeUndefined();
    expect(await week('mama')).toMatchObject({ mark: '10' });
    expect(await week('olia')).toMatchObject({ mark: '10' });
    const history = (await as.head.get(`${urlA}/history?lessonId=${lessonsA[2]}`)).json().changes;
    expect(history).toMatchObject([{ field: 'mark', pupilId: ids.olia, oldValue: '?10', newValue: '10', tentative: false }]);

    await runNotifications(db, yesterdayAt(1));
    expect(await outboxTexts()).toContain('Математика, 14.10: оцінка 10');
    expect(await outboxTexts()).not.toContain('оцінка 7');

    // the rest of the lesson in one action
    const lesson = await as.math.post(`${urlA}/tentative/confirm`, { lessonId: lessonsA[2] });
    expect(lesson.json().cells).toEqual([{ lessonId: lessonsA[2], pupilId: ids.petro, mark: '7', absent: false, tentative: false, version: 2 }]);
    expect((await as.math.post(`${urlA}/tentative/confirm`, { lessonId: lessonsA[2] })).json().cells).toEqual([]);
  });

  it('need a reason to be confirmed on a lesson older than the window', async () => {
    const put = await as.math.put(`${urlA}/entries`, {
      cells: [{ lessonId: lessonsA[0], pupilId: ids.olia, mark: '8', absent: false, tentative: true, version: 0 }],
      reason: 'Перевірка зошитів',
    });
    expect(put.statusCode).toBe(200);
    // a pencil row is no late correction for the head
    expect((await as.math.get(`${urlA}/history?lessonId=${lessonsA[0]}`)).json().changes[0]).toMatchObject({ tentative: true, late: false });
    const refused = await as.math.post(`${urlA}/tentative/confirm`, { lessonId: lessonsA[0] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.problems[0].code).toBe('reason_required');
    const ok = await as.math.post(`${urlA}/tentative/confirm`, { lessonId: lessonsA[0], reason: 'Перевірка зошитів' });
    expect(ok.statusCode).toBe(200);
    expect((await as.head.get(`${urlA}/history?lessonId=${lessonsA[0]}`)).json().changes[0]).toMatchObject({ oldValue: '?8', newValue: '8', late: true });
  });

  it('do not count in the fill level until confirmed', async () => {
    const before = await fillOfB();
    expect(before).toMatchObject({ planned: 2, held: 0, onTime: 0 });
    await as.math.put(`${urlB}/entries`, { cells: [{ lessonId: lessonsB[1], pupilId: ids.ivan, mark: '11', absent: false, tentative: true, version: 0 }] });
    const firstEntry = async () => (await db.pool.query('SELECT first_entry_at FROM lesson WHERE id = $1', [lessonsB[1]])).rows[0].first_entry_at;
    expect(await fillOfB()).toMatchObject({ held: 0, onTime: 0 });
    // a pencil mark is not an entry yet: timeliness counts from the confirmation
    expect(await firstEntry()).toBeNull();
    await as.math.post(`${urlB}/tentative/confirm`, { lessonId: lessonsB[1] });
    expect(await fillOfB()).toMatchObject({ held: 1 });
    expect(await firstEntry()).not.toBeNull();
  });
});

describe(`bulk block save (${testEngine})`, () => {
  it('saves a block all or nothing, naming every refused cell', async () => {
    const block = (mark: string, lessonIds: number[]) =>
      lessonIds.flatMap((lessonId) => [ids.olia, ids.petro].map((pupilId) => ({ lessonId, pupilId, mark, absent: mark === '', version: 0 })));
    // the block reaches a lesson in the future: nothing of it is saved
    const refused = await as.math.put(`${urlA}/entries`, { cells: block('', [lessonsA[1], lessonsA[3]]) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.problems.map((p: { lessonId: number; pupilId: number; code: string }) => [p.lessonId, p.pupilId, p.code])).toEqual([
      [lessonsA[3], ids.olia, 'future_lesson'],
      [lessonsA[3], ids.petro, 'future_lesson'],
    ]);
    const page = (await as.math.get(urlA)).json();
    expect(cellOf(page, lessonsA[1], ids.olia)).toBeUndefined();
    expect(cellOf(page, lessonsA[1], ids.petro)).toBeUndefined();

    const saved = await as.math.put(`${urlA}/entries`, { cells: block('', [lessonsA[1]]) });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().cells).toHaveLength(2);
    const history = (await as.math.get(`${urlA}/history?lessonId=${lessonsA[1]}`)).json().changes;
    expect(history.map((h: { field: string; newValue: string }) => [h.field, h.newValue])).toEqual([
      ['attendance', 'н'],
      ['attendance', 'н'],
    ]);
  });
});

describe(`homework for parallel classes (${testEngine})`, () => {
  const lessonUrl = () => `${urlA}/lessons/${lessonsA[2]}`;

  it('lists the same subject’s lessons of the same day in the parallel classes the teacher teaches', async () => {
    const res = await as.math.get(`${lessonUrl()}/parallels`);
    expect(res.statusCode).toBe(200);
    // 5-В is taught by another teacher, 6-А is not a parallel class
    expect(res.json().lessons).toEqual([
      { lessonId: lessonsB[1], pageId: ids.pageB, classLabel: '5-Б', groupName: null, date: '2025-10-14', period: expect.any(Number), homework: '', version: expect.any(Number) },
    ]);
    expect((await as.bio.get(`${lessonUrl()}/parallels`)).statusCode).toBe(403);
    expect((await as.head.get(`${lessonUrl()}/parallels`)).statusCode).toBe(403);
    expect((await as.stranger.get(`${lessonUrl()}/parallels`)).statusCode).toBe(403);
  });

  it('sets the homework in one transaction with history, and refuses a page the teacher does not teach', async () => {
    const version = (await as.math.get(`${lessonUrl()}/parallels`)).json().lessons[0].version;
    const vVersion = (await as.bio.get(`${base}/journal/pages/${ids.pageV}`)).json().lessons[0].version;
    const foreign = await as.math.put(`${lessonUrl()}/parallel-homework`, {
      homework: '№ 120',
      lessons: [{ lessonId: lessonsB[1], version }, { lessonId: lessonsV[0], version: vVersion }],
    });
    expect(foreign.statusCode).toBe(403);
    expect((await as.math.get(urlB)).json().lessons.find((l: { id: number }) => l.id === lessonsB[1]).homework).toBe('');

    const other = await as.math.put(`${lessonUrl()}/parallel-homework`, { homework: '№ 120', lessons: [{ lessonId: lessonsB[0], version: 1 }] });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details.problems[0]).toMatchObject({ lessonId: lessonsB[0], code: 'not_parallel_lesson' });
    const empty = await as.math.put(`${lessonUrl()}/parallel-homework`, { homework: ' ', lessons: [{ lessonId: lessonsB[1], version }] }, 'en');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields[0].path).toBe('homework');
    expect((await as.head.put(`${lessonUrl()}/parallel-homework`, { homework: '№ 120', lessons: [{ lessonId: lessonsB[1], version }] })).statusCode).toBe(403);
    expect((await as.math.put(`${lessonUrl()}/parallel-homework`, { homework: '№ 120', lessons: [{ lessonId: lessonsB[1], version: version + 5 }] })).statusCode).toBe(409);

    const ok = await as.math.put(`${lessonUrl()}/parallel-homework`, { homework: '№ 120', lessons: [{ lessonId: lessonsB[1], version }] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().lessons).toMatchObject([{ id: lessonsB[1], homework: '№ 120', version: version + 1 }]);
    const history = (await as.math.get(`${urlB}/history?lessonId=${lessonsB[1]}`)).json().changes;
    expect(history[0]).toMatchObject({ field: 'homework', oldValue: '', newValue: '№ 120' });
  });
});

describe(`API documentation (${testEngine})`, () => {
  it('documents the pencil, block and parallel homework routes in OpenAPI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const page = '/api/schools/{schoolId}/journal/pages/{pageId}';
    for (const path of [`${page}/tentative/confirm`, `${page}/lessons/{lessonId}/parallels`, `${page}/lessons/{lessonId}/parallel-homework`, `${page}/entries`]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(JSON.stringify(doc.paths[`${page}/entries`].put)).toContain('tentative');
  });
});
