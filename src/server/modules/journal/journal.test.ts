import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';

let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
let school: f.BuiltSchool;
let pageId: number;
let otherPageId: number;
let lessons: number[];
let cols: Record<string, number>;
const pupils: Record<string, number> = {};
let url: string;

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-15', LATE_EDIT_DAYS: '7' });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId);
  const teacher = await f.buildStaff(db, school.schoolId, 'math', ['teacher']);
  const other = await f.buildStaff(db, school.schoolId, 'bio', ['teacher']);
  await f.buildStaff(db, school.schoolId, 'sub', ['teacher']);
  await f.buildStaff(db, school.schoolId, 'head', ['head']);
  const cls = await f.buildClass(db, school, 7, 'Б');
  const cls2 = await f.buildClass(db, school, 8, 'А');
  pupils.yakiv = await f.buildPupil(db, school.schoolId, cls, ['Яковенко', 'Яків']);
  pupils.anna = await f.buildPupil(db, school.schoolId, cls, ['Іваненко', 'Анна']);
  pupils.boris = await f.buildPupil(db, school.schoolId, cls, ['Ґалаган', 'Борис']);
  pupils.stranger = await f.buildPupil(db, school.schoolId, cls2, ['Чужий', 'Петро']);
  // Борис left on 1 October
  await withSystem(db, (c) => c.query(`UPDATE enrollment SET to_date = '2025-10-01' WHERE pupil_id = $1`, [pupils.boris]));
  pageId = await f.buildPage(db, school, { classId: cls, subject: 'Алгебра', teacherId: teacher });
  otherPageId = await f.buildPage(db, school, { classId: cls, subject: 'Біологія', teacherId: other });
  lessons = await f.buildLessons(db, school.schoolId, pageId, ['2025-09-02', '2025-10-07', '2025-10-14', '2025-10-21', '2025-10-10']);
  cols = await f.buildSummaryColumns(db, school.schoolId, pageId);
  url = `/api/schools/${school.schoolId}/journal/pages/${pageId}`;
  for (const login of ['math', 'bio', 'sub', 'head']) as[login] = await actAs(app, login);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const cell = (lessonId: number, pupilId: number, mark: string, absent = false, version = 0) => ({ lessonId, pupilId, mark, absent, version });

describe(`journal page (${testEngine})`, () => {
  it('shows pupils in Ukrainian order, lessons, summary columns', async () => {
    const res = await as.math.get(url);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.pupils.map((p: { name: string }) => p.name)).toEqual(['Ґалаган Борис', 'Іваненко Анна', 'Яковенко Яків']);
    expect(body.pupils[0].toDate).toBe('2025-10-01');
    expect(body.lessons.map((l: { date: string }) => l.date)).toEqual(['2025-09-02', '2025-10-07', '2025-10-10', '2025-10-14', '2025-10-21']);
    expect(body.columns.map((c: { title: string }) => c.title)).toEqual(['Тематична 1', 'І семестр', 'Скоригована']);
    expect(body.page).toMatchObject({ subjectName: 'Алгебра', classLabel: '7-Б', canWrite: true, today: '2025-10-15' });
    expect(body.page.scale.values).toHaveLength(12);
  });

  it('is readable by the head but not writable', async () => {
    const res = await as.head.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.json().page.canWrite).toBe(false);
    const write = await as.head.put(`${url}/entries`, { cells: [cell(lessons[2], pupils.anna, '9')] });
    expect(write.statusCode).toBe(403);
  });

  it('is refused to a teacher of another subject', async () => {
    expect((await as.bio.get(url)).statusCode).toBe(403);
    const res = await as.bio.put(`${url}/entries`, { cells: [cell(lessons[2], pupils.anna, '9')] });
    expect(res.statusCode).toBe(403);
  });
});

describe(`saving marks and attendance (${testEngine})`, () => {
  it('saves a block, bumps versions and keeps history', async () => {
    const res = await as.math.put(`${url}/entries`, { cells: [cell(lessons[2], pupils.anna, '10'), cell(lessons[2], pupils.yakiv, '', true)] });
    expect(res.statusCode).toBe(200);
    expect(res.json().cells).toEqual(
      expect.arrayContaining([
        { lessonId: lessons[2], pupilId: pupils.anna, mark: '10', absent: false, tentative: false, version: 1 },
        { lessonId: lessons[2], pupilId: pupils.yakiv, mark: '', absent: true, tentative: false, version: 1 },
      ]),
    );
    const page = (await as.math.get(url)).json();
    expect(page.cells).toEqual(expect.arrayContaining([[lessons[2], pupils.anna, '10', false, 1]]));
    expect(page.lessons.find((l: { id: number }) => l.id === lessons[2]).attendanceTaken).toBe(true);
    const hist = (await as.math.get(`${url}/history?lessonId=${lessons[2]}&pupilId=${pupils.anna}`)).json();
    expect(hist.changes).toEqual([expect.objectContaining({ field: 'mark', oldValue: '', newValue: '10', late: false, user: 'Тестенко Олена' })]);
  });

  it('refuses the whole block when one value is off the scale, naming the cell', async () => {
    const res = await as.math.put(`${url}/entries`, { cells: [cell(lessons[4], pupils.anna, '7'), cell(lessons[4], pupils.yakiv, '13')] });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('invalid_entries');
    expect(err.message).toBe('Деякі записи не збережено: 1. Нічого не змінено.');
    expect(err.details.problems).toEqual([
      { lessonId: lessons[4], pupilId: pupils.yakiv, code: 'out_of_scale', message: 'Значення не належить до шкали сторінки.' },
    ]);
    const page = (await as.math.get(url)).json();
    expect(page.cells.some((c: number[]) => c[0] === lessons[4])).toBe(false);
  });

  it('refuses a pupil who is not on the page on that date, in English when asked', async () => {
    const res = await as.math.put(`${url}/entries`, { cells: [cell(lessons[1], pupils.stranger, '7'), cell(lessons[1], pupils.boris, '8')] }, 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems.map((p: { code: string; message: string }) => [p.code, p.message])).toEqual([
      ['pupil_not_on_page', 'The pupil is not on this page on the lesson date.'],
      ['pupil_not_on_page', 'The pupil is not on this page on the lesson date.'],
    ]);
  });

  it('refuses future lessons and lessons of another page', async () => {
    const res = await as.math.put(`${url}/entries`, { cells: [cell(lessons[3], pupils.anna, '7')] });
    expect(res.json().error.details.problems[0].code).toBe('future_lesson');
    const [foreign] = await f.buildLessons(db, school.schoolId, otherPageId, ['2025-10-14']);
    const res2 = await as.math.put(`${url}/entries`, { cells: [cell(foreign, pupils.anna, '7')] });
    expect(res2.json().error.details.problems[0].code).toBe('lesson_not_on_page');
  });

  it('answers a stale write with 409 and the current value, overwriting nothing', async () => {
    const first = await as.math.put(`${url}/entries`, { cells: [cell(lessons[2], pupils.anna, '11', false, 1)] });
    expect(first.statusCode).toBe(200);
    const stale = await as.math.put(`${url}/entries`, { cells: [cell(lessons[2], pupils.anna, '5', false, 1)] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
    expect(stale.json().error.details.conflicts).toEqual([
      expect.objectContaining({ lessonId: lessons[2], pupilId: pupils.anna, mark: '11', version: 2, updatedBy: 'Тестенко Олена' }),
    ]);
    const page = (await as.math.get(url)).json();
    expect(page.cells).toEqual(expect.arrayContaining([[lessons[2], pupils.anna, '11', false, 2]]));
  });

  it('needs a reason for an entry older than the window, and lists it as late', async () => {
    const noReason = await as.math.put(`${url}/entries`, { cells: [cell(lessons[0], pupils.anna, '8')] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.problems[0].message).toBe('Зміна запису, старшого за 7 дн., потребує причини.');
    const ok = await as.math.put(`${url}/entries`, { cells: [cell(lessons[0], pupils.anna, '8')], reason: 'Пропущено при заповненні' });
    expect(ok.statusCode).toBe(200);
    const hist = (await as.math.get(`${url}/history?lessonId=${lessons[0]}`)).json();
    expect(hist.changes[0]).toMatchObject({ late: true, reason: 'Пропущено при заповненні', newValue: '8' });
  });
});

describe(`summary marks (${testEngine})`, () => {
  it('accepts the scale and н/а, refuses pass/fail unless the school allows it', async () => {
    const ok = await as.math.put(`${url}/entries`, {
      summary: [
        { columnId: cols.thematic, pupilId: pupils.anna, mark: '9', version: 0 },
        { columnId: cols.semester, pupilId: pupils.yakiv, mark: 'на', version: 0 },
      ],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().summary).toEqual(expect.arrayContaining([expect.objectContaining({ pupilId: pupils.yakiv, mark: 'н/а' })]));
    const pf = await as.math.put(`${url}/entries`, { summary: [{ columnId: cols.semester, pupilId: pupils.anna, mark: 'зарах.', version: 0 }] });
    expect(pf.json().error.details.problems[0].code).toBe('out_of_scale');
  });

  it('needs a reason for a corrected mark', async () => {
    const res = await as.math.put(`${url}/entries`, { summary: [{ columnId: cols.corrected, pupilId: pupils.anna, mark: '10', version: 0 }] });
    expect(res.json().error.details.problems[0].code).toBe('corrected_reason_required');
  });
});

describe(`lessons (${testEngine})`, () => {
  it('sets topic and homework with history; a stale version conflicts', async () => {
    const res = await as.math.request({ method: 'PATCH', url: `${url}/lessons/${lessons[2]}`, payload: { topic: 'Лінійні рівняння', homework: '§5, № 12', version: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ topic: 'Лінійні рівняння', homework: '§5, № 12', version: 2 });
    const stale = await as.math.request({ method: 'PATCH', url: `${url}/lessons/${lessons[2]}`, payload: { topic: 'Інше', version: 1 } });
    expect(stale.statusCode).toBe(409);
    const hist = (await as.math.get(`${url}/history?lessonId=${lessons[2]}`)).json();
    expect(hist.changes.map((h: { field: string }) => h.field)).toEqual(expect.arrayContaining(['topic', 'homework']));
  });

  it('adds an extra lesson inside the year only', async () => {
    const ok = await as.math.post(`${url}/lessons`, { date: '2025-10-13', period: 7, topic: 'Додатковий урок' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ kind: 'extra', date: '2025-10-13' });
    const bad = await as.math.post(`${url}/lessons`, { date: '2026-08-01', period: 1 });
    expect(bad.json().error.details.problems[0].code).toBe('date_outside_year');
  });

  it('lets a substitute fill only the lesson they substituted', async () => {
    const subId = (await as.sub.get('/api/auth/me')).json().userId;
    const assign = await as.head.put(`${url}/lessons/${lessons[4]}/substitute`, { teacherId: subId });
    expect(assign.statusCode).toBe(200);
    expect((await as.sub.get(url)).json().page).toMatchObject({ canWrite: false, substituteLessonIds: [lessons[4]] });
    const own = await as.sub.put(`${url}/entries`, { cells: [cell(lessons[4], pupils.anna, '6')] });
    expect(own.statusCode).toBe(200);
    const other = await as.sub.put(`${url}/entries`, { cells: [cell(lessons[2], pupils.yakiv, '6', false, 1)] });
    expect(other.json().error.details.problems[0].code).toBe('not_your_lesson');
    expect((await as.math.put(`${url}/lessons/${lessons[4]}/substitute`, { teacherId: null })).statusCode).toBe(403);
  });
});

describe(`closed year (${testEngine})`, () => {
  it('refuses every write', async () => {
    await withSystem(db, (c) => c.query(`UPDATE school_year SET status = 'closed' WHERE school_id = $1`, [school.schoolId]));
    const res = await as.math.put(`${url}/entries`, { cells: [cell(lessons[2], pupils.yakiv, '9', false, 1)] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('year_closed');
    await withSystem(db, (c) => c.query(`UPDATE school_year SET status = 'open' WHERE school_id = $1`, [school.schoolId]));
  });
});
