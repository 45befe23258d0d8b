import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';

// The server keeps rendered grids in memory (page.cache.ts) and checks the page's revision on
// every request. Every kind of change a grid is built from must show at once, whoever made it:
// the API, another server, or plain SQL.

let db: Database;
let app: FastifyInstance;
let other: FastifyInstance;
let math: Agent;
let head: Agent;
let school: f.BuiltSchool;
let classId: number;
let pageId: number;
let lessons: number[];
let cols: Record<string, number>;
const pupils: Record<string, number> = {};
let url: string;

type Grid = { pupils: { id: number; name: string; toDate: string | null }[]; cells: unknown[][]; summary: unknown[][]; lessons: { id: number; topic: string }[] };
const grid = async (agent: Agent = math): Promise<Grid> => {
  const res = await agent.get(url);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const cellOf = (g: Grid, lessonId: number, pupilId: number) => g.cells.find((c) => c[0] === lessonId && c[1] === pupilId);

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-15' });
  other = await buildTestApp(db, { TODAY: '2025-10-15' });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId);
  const teacher = await f.buildStaff(db, school.schoolId, 'math', ['teacher']);
  await f.buildStaff(db, school.schoolId, 'head', ['head']);
  classId = await f.buildClass(db, school, 7, 'Б');
  pupils.anna = await f.buildPupil(db, school.schoolId, classId, ['Іваненко', 'Анна']);
  pupils.yakiv = await f.buildPupil(db, school.schoolId, classId, ['Яковенко', 'Яків']);
  pageId = await f.buildPage(db, school, { classId, subject: 'Алгебра', teacherId: teacher });
  lessons = await f.buildLessons(db, school.schoolId, pageId, ['2025-10-07', '2025-10-14']);
  cols = await f.buildSummaryColumns(db, school.schoolId, pageId);
  url = `/api/schools/${school.schoolId}/journal/pages/${pageId}?semester=1`;
  math = await actAs(app, 'math');
  head = await actAs(app, 'head');
});
afterAll(async () => {
  await app.close();
  await other.close();
  await db.close();
});

describe(`the journal page cache (${testEngine})`, () => {
  it('answers the same grid twice, and a saved mark at once', async () => {
    const first = await grid();
    expect(await grid()).toEqual(first);
    const save = await math.put(`/api/schools/${school.schoolId}/journal/pages/${pageId}/entries`, {
      cells: [{ lessonId: lessons[1], pupilId: pupils.anna, mark: '10', absent: false, version: 0 }],
    });
    expect(save.statusCode).toBe(200);
    expect(cellOf(await grid(), lessons[1], pupils.anna)?.[2]).toBe('10');
  });

  it('shows a change made through another server on the same database', async () => {
    await grid();
    const elsewhere = await actAs(other, 'math');
    const save = await elsewhere.put(`/api/schools/${school.schoolId}/journal/pages/${pageId}/entries`, {
      cells: [{ lessonId: lessons[1], pupilId: pupils.yakiv, mark: '7', absent: false, version: 0 }],
    });
    expect(save.statusCode).toBe(200);
    expect(cellOf(await grid(), lessons[1], pupils.yakiv)?.[2]).toBe('7');
  });

  it('shows cells and summary marks written, changed and deleted by SQL', async () => {
    await grid();
    await withSystem(db, (c) =>
      c.query(`INSERT INTO journal_cell (school_id, lesson_id, pupil_id, mark) VALUES ($1, $2, $3, '5')`, [school.schoolId, lessons[0], pupils.anna]),
    );
    expect(cellOf(await grid(), lessons[0], pupils.anna)?.[2]).toBe('5');
    await withSystem(db, (c) => c.query(`UPDATE journal_cell SET mark = '6' WHERE school_id = $1 AND lesson_id = $2 AND pupil_id = $3`, [school.schoolId, lessons[0], pupils.anna]));
    expect(cellOf(await grid(), lessons[0], pupils.anna)?.[2]).toBe('6');
    await withSystem(db, (c) => c.query('DELETE FROM journal_cell WHERE school_id = $1 AND lesson_id = $2 AND pupil_id = $3', [school.schoolId, lessons[0], pupils.anna]));
    expect(cellOf(await grid(), lessons[0], pupils.anna)).toBeUndefined();

    await withSystem(db, (c) =>
      c.query(`INSERT INTO summary_mark (school_id, column_id, pupil_id, mark) VALUES ($1, $2, $3, '9')`, [school.schoolId, cols.semester, pupils.anna]),
    );
    expect((await grid()).summary.find((s) => s[0] === cols.semester && s[1] === pupils.anna)?.[2]).toBe('9');
    await withSystem(db, (c) => c.query('DELETE FROM summary_mark WHERE school_id = $1 AND column_id = $2', [school.schoolId, cols.semester]));
    expect((await grid()).summary.find((s) => s[0] === cols.semester)).toBeUndefined();
  });

  it('shows cells and summary marks written again in one transaction (the touch is done once per transaction, migration 062)', async () => {
    await grid();
    await withSystem(db, async (c) => {
      await c.query('DELETE FROM journal_cell WHERE school_id = $1 AND lesson_id = $2 AND pupil_id = $3', [school.schoolId, lessons[1], pupils.anna]);
      await c.query(`INSERT INTO journal_cell (school_id, lesson_id, pupil_id, mark) VALUES ($1, $2, $3, '3')`, [school.schoolId, lessons[1], pupils.anna]);
      await c.query(`UPDATE journal_cell SET mark = '8' WHERE school_id = $1 AND lesson_id = $2 AND pupil_id = $3`, [school.schoolId, lessons[1], pupils.anna]);
      await c.query('DELETE FROM summary_mark WHERE school_id = $1 AND column_id = $2 AND pupil_id = $3', [school.schoolId, cols.semester, pupils.yakiv]);
      await c.query(`INSERT INTO summary_mark (school_id, column_id, pupil_id, mark) VALUES ($1, $2, $3, '4')`, [school.schoolId, cols.semester, pupils.yakiv]);
      await c.query(`UPDATE summary_mark SET mark = '10' WHERE school_id = $1 AND column_id = $2 AND pupil_id = $3`, [school.schoolId, cols.semester, pupils.yakiv]);
    });
    const g = await grid();
    expect(cellOf(g, lessons[1], pupils.anna)?.[2]).toBe('8');
    expect(g.summary.find((s) => s[0] === cols.semester && s[1] === pupils.yakiv)?.[2]).toBe('10');
    // and a later transaction that writes a cell only still changes the revision
    await withSystem(db, (c) => c.query(`UPDATE journal_cell SET mark = '9' WHERE school_id = $1 AND lesson_id = $2 AND pupil_id = $3`, [school.schoolId, lessons[1], pupils.anna]));
    expect(cellOf(await grid(), lessons[1], pupils.anna)?.[2]).toBe('9');
  });

  it('shows a lesson topic, a renamed pupil, a departure and an arrival', async () => {
    await grid();
    await withSystem(db, (c) => c.query(`UPDATE lesson SET topic = 'Квадратні рівняння' WHERE school_id = $1 AND id = $2`, [school.schoolId, lessons[0]]));
    expect((await grid()).lessons.find((l) => l.id === lessons[0])?.topic).toBe('Квадратні рівняння');

    await withSystem(db, (c) => c.query(`UPDATE pupil SET last_name = 'Іваненко-Шевчук' WHERE school_id = $1 AND id = $2`, [school.schoolId, pupils.anna]));
    expect((await grid()).pupils.map((p) => p.name)).toContain('Іваненко-Шевчук Анна');

    await withSystem(db, (c) => c.query(`UPDATE enrollment SET to_date = '2025-10-10' WHERE school_id = $1 AND pupil_id = $2`, [school.schoolId, pupils.yakiv]));
    expect((await grid()).pupils.find((p) => p.id === pupils.yakiv)?.toDate).toBe('2025-10-10');

    const newcomer = await f.buildPupil(db, school.schoolId, classId, ['Антоненко', 'Олег']);
    expect((await grid()).pupils.map((p) => p.id)).toContain(newcomer);
  });

  it('keeps a reader without the teacher-only view apart from the teacher', async () => {
    const teacherView = await grid(math);
    const headView = await grid(head);
    expect(headView.pupils).toEqual(teacherView.pupils);
    const res = await head.get(url);
    expect(res.json().page.canWrite).toBe(false);
  });
});
