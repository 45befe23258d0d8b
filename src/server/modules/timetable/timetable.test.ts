import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';

// Wednesday 15 October 2025; the first semester began on Monday 1 September (week 1: odd)
const TODAY = '2025-10-15';

let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
let school: f.BuiltSchool;
let base: string;
const page: Record<string, number> = {};
const teacher: Record<string, number> = {};

async function lessonsOf(pageId: number): Promise<{ date: string; period: number; offSchedule: string | null; topic: string }[]> {
  const r = await withSystem(db, (c) =>
    c.query(
      `SELECT lesson_date AS date, period, off_schedule AS "offSchedule", topic FROM lesson WHERE page_id = $1 ORDER BY lesson_date, period`,
      [pageId],
    ),
  );
  return r.rows;
}

async function countRows(): Promise<{ entries: number; lessons: number }> {
  const r = await withSystem(db, (c) =>
    c.query('SELECT (SELECT count(*) FROM timetable_entry)::int AS entries, (SELECT count(*) FROM lesson)::int AS lessons'),
  );
  return r.rows[0];
}

const place = (pageId: number, weekday: number, period: number, extra: Record<string, unknown> = {}) =>
  as.admin.post(`${base}/entries`, { pageId, weekday, period, from: TODAY, ...extra });

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId);
  const other = await f.buildSchool(db, cityId, 'Інша школа');
  base = `/api/schools/${school.schoolId}/timetable`;
  await f.buildStaff(db, school.schoolId, 'admin', ['admin']);
  await f.buildStaff(db, other.schoolId, 'admin.other', ['admin']);
  for (const t of ['math', 'bio', 'hist', 'chem', 'eng1', 'eng2', 'pe']) teacher[t] = await f.buildStaff(db, school.schoolId, t, ['teacher']);
  const k7 = await f.buildClass(db, school, 7, 'Б');
  const k8 = await f.buildClass(db, school, 8, 'А');
  const pupils: number[] = [];
  for (const name of ['Андрієнко', 'Бойко', 'Вовк', 'Гнатюк']) pupils.push(await f.buildPupil(db, school.schoolId, k7, [name, 'Іван']));
  const groups = await withSystem(db, async (c) => {
    const ids: number[] = [];
    for (const name of ['I група', 'II група', 'Хлопці']) {
      ids.push((await c.query('INSERT INTO class_group (school_id, class_id, name) VALUES ($1, $2, $3) RETURNING id', [school.schoolId, k7, name])).rows[0].id);
    }
    const members: [number, number][] = [[ids[0], pupils[0]], [ids[0], pupils[1]], [ids[1], pupils[2]], [ids[1], pupils[3]], [ids[2], pupils[1]]];
    for (const [g, p] of members) await c.query('INSERT INTO group_member (school_id, group_id, pupil_id) VALUES ($1, $2, $3)', [school.schoolId, g, p]);
    return ids;
  });
  page.algebra7 = await f.buildPage(db, school, { classId: k7, subject: 'Алгебра', teacherId: teacher.math });
  page.geometry8 = await f.buildPage(db, school, { classId: k8, subject: 'Геометрія', teacherId: teacher.math });
  page.bio7 = await f.buildPage(db, school, { classId: k7, subject: 'Біологія', teacherId: teacher.bio });
  page.hist8 = await f.buildPage(db, school, { classId: k8, subject: 'Історія', teacherId: teacher.hist });
  page.chem7 = await f.buildPage(db, school, { classId: k7, subject: 'Хімія', teacherId: teacher.chem });
  page.eng7a = await f.buildPage(db, school, { classId: k7, subject: 'Англійська мова', teacherId: teacher.eng1, groupId: groups[0] });
  page.eng7b = await f.buildPage(db, school, { classId: k7, subject: 'Англійська мова', teacherId: teacher.eng2, groupId: groups[1] });
  page.pe7boys = await f.buildPage(db, school, { classId: k7, subject: 'Фізична культура', teacherId: teacher.pe, groupId: groups[2] });
  page.hist7 = await f.buildPage(db, school, { classId: k7, subject: 'Історія', teacherId: teacher.hist });
  for (const login of ['admin', 'admin.other', 'math']) as[login] = await actAs(app, login);
}, 180_000);
afterAll(async () => {
  await app.close();
  await db.close();
});

describe(`timetable clashes (${testEngine})`, () => {
  it('places a lesson and generates its lessons from the date', async () => {
    const res = await place(page.algebra7, 1, 1, { room: '21' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.entry).toMatchObject({ weekday: 1, period: 1, room: '21', validFrom: TODAY, validTo: null, weekParity: null });
    // Mondays from 20 Oct to 22 Dec (10) and from 19 Jan to 25 May (19)
    expect(body.lessons).toEqual({ added: 29, removed: 0, flagged: 0 });
    const dates = (await lessonsOf(page.algebra7)).map((l) => l.date);
    expect(dates.slice(0, 3)).toEqual(['2025-10-20', '2025-10-27', '2025-11-03']);
    expect(dates).toContain('2025-12-22');
    expect(dates).toContain('2026-01-19');
    expect(dates.at(-1)).toBe('2026-05-25');
  });

  it('refuses the same teacher twice at one time, naming the other lesson (uk and en)', async () => {
    const before = await countRows();
    const uk = await place(page.geometry8, 1, 1);
    expect(uk.statusCode).toBe(409);
    expect(uk.json().error.code).toBe('timetable_teacher_busy');
    expect(uk.json().error.message).toBe('Учитель Тестенко О. П. у цей час уже має урок: 7-Б, Алгебра, каб. 21.');
    const en = await as.admin.post(`${base}/entries`, { pageId: page.geometry8, weekday: 1, period: 1, from: TODAY }, 'en');
    expect(en.json().error.message).toBe('Teacher Тестенко О. П. already has a lesson at this time: 7-Б, Алгебра, room 21.');
    expect(await countRows()).toEqual(before);
  });

  it('refuses a room taken at that time', async () => {
    expect((await place(page.bio7, 2, 1, { room: '21' })).statusCode).toBe(200);
    const res = await place(page.hist8, 2, 1, { room: ' 21 ' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('timetable_room_busy');
    expect(res.json().error.message).toContain('7-Б, Біологія');
  });

  it("refuses a lesson over a class's whole-class lesson", async () => {
    const res = await place(page.chem7, 2, 1, { room: '30' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('timetable_class_busy');
    expect(res.json().error.message).toBe('Клас 7-Б у цей час уже має урок: 7-Б, Біологія, Тестенко О. П., каб. 21.');
  });

  it('lets the groups of a split subject run side by side, but not groups sharing pupils or the whole class', async () => {
    expect((await place(page.eng7a, 4, 2, { room: '12' })).statusCode).toBe(200);
    expect((await place(page.eng7b, 4, 2, { room: '14' })).statusCode).toBe(200);
    const boys = await place(page.pe7boys, 4, 2, { room: 'Спортзал' });
    expect(boys.statusCode).toBe(409);
    expect(boys.json().error.code).toBe('timetable_groups_overlap');
    const whole = await place(page.hist7, 4, 2);
    expect(whole.json().error.code).toBe('timetable_class_busy');
    const grid = (await as.admin.get(`${base}?classId=${(await as.admin.get(base)).json().classes[0].id}`)).json();
    expect(grid.entries.filter((e: { weekday: number; period: number }) => e.weekday === 4 && e.period === 2)).toHaveLength(2);
  });

  it('allows alternating weeks in one slot and generates odd or even weeks only', async () => {
    expect((await place(page.hist7, 3, 3, { weekParity: 1 })).statusCode).toBe(200);
    expect((await place(page.chem7, 3, 3, { weekParity: 2 })).statusCode).toBe(200);
    const every = await place(page.bio7, 3, 3);
    expect(every.json().error.code).toBe('timetable_class_busy');
    // 15 Oct is in the 7th week from 1 Sep: odd
    expect((await lessonsOf(page.hist7)).slice(0, 3).map((l) => l.date)).toEqual(['2025-10-15', '2025-10-29', '2025-11-12']);
    expect((await lessonsOf(page.chem7)).slice(0, 3).map((l) => l.date)).toEqual(['2025-10-22', '2025-11-05', '2025-11-19']);
  });
});

describe(`timetable changes from a date (${testEngine})`, () => {
  it('keeps the past and lessons with entries, regenerates empty future lessons', async () => {
    const entryId = (await as.admin.get(base)).json().entries.find((e: { pageId: number }) => e.pageId === page.algebra7).id;
    // lessons of the past (made under an earlier timetable) and entries on two future lessons
    await f.buildLessons(db, school.schoolId, page.algebra7, ['2025-10-06', '2025-10-13']);
    await withSystem(db, async (c) => {
      await c.query(`UPDATE lesson SET topic = 'Дроби' WHERE page_id = $1 AND lesson_date = '2025-10-27'`, [page.algebra7]);
      const l = await c.query(`SELECT id FROM lesson WHERE page_id = $1 AND lesson_date = '2025-11-03'`, [page.algebra7]);
      const pupil = await c.query('SELECT id FROM pupil WHERE school_id = $1 LIMIT 1', [school.schoolId]);
      await c.query(`INSERT INTO journal_cell (school_id, lesson_id, pupil_id, mark) VALUES ($1, $2, $3, '10')`, [school.schoolId, l.rows[0].id, pupil.rows[0].id]);
    });
    const res = await as.admin.request({ method: 'PATCH', url: `${base}/entries/${entryId}`, payload: { weekday: 2, period: 2, from: '2025-10-22' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().entry).toMatchObject({ weekday: 2, period: 2, room: '21', validFrom: '2025-10-22', validTo: null });
    // Mondays from 27 Oct: 28 in all, 2 kept; Tuesdays from 28 Oct: 9 + 20
    expect(res.json().lessons).toEqual({ added: 29, removed: 26, flagged: 2 });
    const lessons = (await lessonsOf(page.algebra7)).filter((l) => l.date < '2025-11-10');
    expect(lessons).toEqual([
      { date: '2025-10-06', period: 1, offSchedule: null, topic: '' },
      { date: '2025-10-13', period: 1, offSchedule: null, topic: '' },
      { date: '2025-10-20', period: 1, offSchedule: null, topic: '' },
      { date: '2025-10-27', period: 1, offSchedule: 'timetable', topic: 'Дроби' },
      { date: '2025-10-28', period: 2, offSchedule: null, topic: '' },
      { date: '2025-11-03', period: 1, offSchedule: 'timetable', topic: '' },
      { date: '2025-11-04', period: 2, offSchedule: null, topic: '' },
    ]);
    const old = await withSystem(db, (c) => c.query('SELECT valid_from::text AS f, valid_to::text AS t FROM timetable_entry WHERE id = $1', [entryId]));
    expect(old.rows[0]).toEqual({ f: TODAY, t: '2025-10-21' });
    const onOldDate = (await as.admin.get(`${base}?date=2025-10-20`)).json().entries.find((e: { pageId: number }) => e.pageId === page.algebra7);
    expect(onOldDate).toMatchObject({ weekday: 1, period: 1 });
  });

  it('shows flagged lessons to their teacher', async () => {
    const res = await as.math.get(`${base}/off-schedule?mine=true`);
    expect(res.statusCode).toBe(200);
    expect(res.json().lessons.map((l: { date: string; reason: string }) => [l.date, l.reason])).toEqual([
      ['2025-10-27', 'timetable'],
      ['2025-11-03', 'timetable'],
    ]);
  });

  it('takes a lesson out from a date: later empty lessons go, the rest stays', async () => {
    const entry = (await as.admin.get(base)).json().entries.find((e: { pageId: number }) => e.pageId === page.bio7);
    const res = await as.admin.request({ method: 'DELETE', url: `${base}/entries/${entry.id}?from=2025-12-01` });
    expect(res.statusCode).toBe(200);
    expect(res.json().lessons).toMatchObject({ added: 0, flagged: 0 });
    const dates = (await lessonsOf(page.bio7)).map((l) => l.date);
    expect(dates.at(-1)).toBe('2025-11-25');
    expect(dates[0]).toBe('2025-10-21');
  });

  it('refuses a date in the past or outside the year, in the asked language', async () => {
    const past = await as.admin.post(`${base}/entries`, { pageId: page.hist8, weekday: 5, period: 1, from: '2025-10-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toBe('Зміни розкладу діють від сьогодні (2025-10-15) або пізніше: минулі уроки не змінюються.');
    const after = await as.admin.post(`${base}/entries`, { pageId: page.hist8, weekday: 5, period: 1, from: '2026-08-01' }, 'en');
    expect(after.json().error.message).toBe('The date 2026-08-01 is outside the school year (2025-09-01 – 2026-06-30).');
  });

  it('answers 400 with field messages in Ukrainian or English', async () => {
    const body = { pageId: page.hist8, weekday: 9, period: 1, from: '2025-13-01' };
    const uk = await as.admin.post(`${base}/entries`, body);
    expect(uk.statusCode).toBe(400);
    const fields = uk.json().error.details.fields.map((x: { path: string }) => x.path).sort();
    expect(fields).toEqual(['from', 'weekday']);
    expect(uk.json().error.details.fields.find((x: { path: string }) => x.path === 'from').message).toBe('Неправильна дата.');
    const en = await as.admin.post(`${base}/entries`, body, 'en');
    expect(en.json().error.message).toBe('Please check the data you entered.');
    expect(en.json().error.details.fields.find((x: { path: string }) => x.path === 'from').message).toBe('Invalid date.');
  });
});

describe(`timetable access (${testEngine})`, () => {
  it('lets a teacher read the timetable (their own too) but not change it', async () => {
    const mine = await as.math.get(`${base}?teacherId=${teacher.math}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().pages.every((p: { teacherId: number }) => p.teacherId === teacher.math)).toBe(true);
    expect(mine.json().entries.length).toBeGreaterThan(0);
    const before = await countRows();
    expect((await as.math.post(`${base}/entries`, { pageId: page.hist8, weekday: 5, period: 1, from: TODAY })).statusCode).toBe(403);
    const entryId = mine.json().entries[0].id;
    expect((await as.math.request({ method: 'DELETE', url: `${base}/entries/${entryId}?from=${TODAY}` })).statusCode).toBe(403);
    expect(await countRows()).toEqual(before);
  });

  it("refuses another school's administrator and anonymous callers", async () => {
    expect((await as['admin.other'].get(base)).statusCode).toBe(403);
    expect((await as['admin.other'].post(`${base}/entries`, { pageId: page.hist8, weekday: 5, period: 1, from: TODAY })).statusCode).toBe(403);
    expect((await anonymous(app, 'GET', base)).statusCode).toBe(401);
  });

  it("cannot reach another school's page through its own school's path", async () => {
    const otherBase = `/api/schools/${school.schoolId + 1}/timetable`;
    const res = await as['admin.other'].post(`${otherBase}/entries`, { pageId: page.hist8, weekday: 5, period: 1, from: TODAY });
    expect(res.statusCode).toBe(404);
  });
});
