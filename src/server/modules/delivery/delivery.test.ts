/**
 * Curriculum delivery on hand-built pages. Today is Wednesday 2026-02-04: semester 1
 * (2025-09-01 – 2025-12-24) is over, semester 2 (2026-01-13 – 2026-05-29) runs.
 *
 * Semester 1 of school A: 83 working days, less the autumn holiday 27-31 October (5) and the
 * city's day off on 14 October = 77 days = 15.4 study weeks.
 *   P1 7-Б algebra (teacher A, 2 h/week): curriculum 2 x 15.4 = 30.8; 32 lessons of which 2
 *      cancelled: held 30; plan 33 h (20 + 9 lesson hours, 2 tests, 1 lab, 1 practical);
 *      test 1 delivered by a held lesson, test 2 by a cancelled one (not held), lab held,
 *      practical never delivered. Short: curriculum 0 (0.8 is not a whole hour), plan 3 -> 3.
 *   P2 7-Б physics (teacher A, 1.5 h/week): curriculum 1.5 x 15.4 = 23.1; 24 held
 *      (+1 lesson in the winter holiday, outside the semester); plan 22 h. Delivered.
 *   P3 2-А reading (teacher B, 2 h/week): curriculum 30.8; 25 held; no plan. Short 5 (5.8).
 * Semester 2 so far: due up to Sunday 1 February: 14 working days of 99 (2.8 of 19.8 weeks); due is
 * the lessons scheduled by then, but at least the curriculum's hours of 2.8 - 1 = 1.8 weeks.
 *   P1: curriculum 2 x 19.8 = 39.6; 6 lessons scheduled by 1 February (more than 2 x 1.8 = 3.6): due 6;
 *       plan 40 h, due 6; 7 held up to today (6 up to 1 February) and 1 on 5 February (calendar 8): nothing short.
 *   P2: no lessons in its calendar: due 1.5 x 1.8 = 2.7, nothing held: short 2.
 *   P3: 3 lessons scheduled and held, due 2 x 1.8 = 3.6: 0.6 is not a whole hour, nothing short.
 * School B (same city, no holiday): one page 1 h/week, 82 days: curriculum 16.4, held 15: short 1.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { deliveryFromCli } from './cli.js';
import { defaultSemester, lastSundayBefore, workingDays } from './compute.js';

const TODAY = '2026-02-04';
let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
let s: f.BuiltSchool;
let other: f.BuiltSchool;
let cityId: number;
const ids = { p1: 0, p2: 0, p3: 0, classA: 0, classB: 0, teacherA: 0, teacherB: 0, algebra: 0 };
let base: string;

const sql = (text: string, params: unknown[] = []) => withSystem(db, (c) => c.query(text, params));
const HOLIDAY = new Set(['2025-10-14', '2025-10-27', '2025-10-28', '2025-10-29', '2025-10-30', '2025-10-31']);

/** The first n working days from a date (Monday to Friday, not in HOLIDAY). */
function workdays(from: string, n: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); out.length < n; t += 86_400_000) {
    const d = new Date(t);
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !HOLIDAY.has(iso)) out.push(iso);
  }
  return out;
}

async function plan(schoolId: number, pageId: number, semester: number, items: { hours: number; kind?: string }[]): Promise<number[]> {
  return withSystem(db, async (c) => {
    const p = await c.query('INSERT INTO lesson_plan (school_id, page_id, semester) VALUES ($1, $2, $3) RETURNING id', [schoolId, pageId, semester]);
    const u = await c.query(`INSERT INTO plan_unit (school_id, plan_id, position, title) VALUES ($1, $2, 1, 'Тема 1') RETURNING id`, [schoolId, p.rows[0].id]);
    const out: number[] = [];
    for (const [i, it] of items.entries()) {
      const r = await c.query(
        `INSERT INTO plan_item (school_id, plan_id, unit_id, position, topic, hours, kind) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [schoolId, p.rows[0].id, u.rows[0].id, i + 1, `Урок ${i + 1}`, it.hours, it.kind ?? 'lesson'],
      );
      out.push(r.rows[0].id);
    }
    return out;
  });
}

const deliver = (lessonId: number, itemId: number) => sql('UPDATE lesson SET plan_item_id = $2 WHERE school_id = $1 AND id = $3', [s.schoolId, itemId, lessonId]);

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY });
  cityId = await f.buildCity(db);
  s = await f.buildSchool(db, cityId, 'Ліцей Доставки');
  other = await f.buildSchool(db, cityId, 'Гімназія Інша');
  const sid = s.schoolId;
  await sql(`INSERT INTO calendar_period (school_id, year_id, kind, starts_on, ends_on, name) VALUES ($1, $2, 'holiday', '2025-10-27', '2025-10-31', 'Осінні канікули')`, [sid, s.yearId]);
  await sql(`INSERT INTO city_day_off (city_id, day, name) VALUES ($1, '2025-10-14', 'День захисників')`, [cityId]);
  ids.teacherA = await f.buildStaff(db, sid, 'dl-math', ['teacher']);
  ids.teacherB = await f.buildStaff(db, sid, 'dl-prim', ['teacher']);
  await f.buildStaff(db, sid, 'dl-head', ['head']);
  await f.buildStaff(db, sid, 'dl-ctrl', ['controller']);
  await f.buildStaff(db, sid, 'dl-admin', ['admin']);
  await f.buildStaff(db, other.schoolId, 'dl-head2', ['head']);
  await f.buildCitySpecialist(db, cityId, 'dl-city');
  const otherCity = await f.buildCity(db, 'Інше місто');
  await f.buildCitySpecialist(db, otherCity, 'dl-city2');
  ids.classA = await f.buildClass(db, s, 7, 'Б');
  ids.classB = await f.buildClass(db, s, 2, 'А');
  const pupilUser = await f.buildUser(db, 'dl-pupil');
  const pupil = await f.buildPupil(db, sid, ids.classA, ['Шевчишина', 'Зоряна'], pupilUser);
  await f.buildPupil(db, sid, ids.classB, ['Квітчастенко', 'Олесь']);
  const parentUser = await f.buildUser(db, 'dl-parent');
  await f.buildGuardian(db, sid, pupil, parentUser);

  ids.p1 = await f.buildPage(db, s, { classId: ids.classA, subject: 'Алгебра', teacherId: ids.teacherA });
  ids.p2 = await f.buildPage(db, s, { classId: ids.classA, subject: 'Фізика', teacherId: ids.teacherA });
  ids.p3 = await f.buildPage(db, s, { classId: ids.classB, subject: 'Читання', teacherId: ids.teacherB, scale: 'verbal' });
  await sql('UPDATE journal_page SET hours_per_week = 1.5 WHERE school_id = $1 AND id = $2', [sid, ids.p2]);
  ids.algebra = (await sql('SELECT subject_id FROM journal_page WHERE school_id = $1 AND id = $2', [sid, ids.p1])).rows[0].subject_id;

  // P1, semester 1: 32 lessons, the 5th and 6th cancelled
  const l1 = await f.buildLessons(db, sid, ids.p1, workdays('2025-09-01', 32));
  await sql('UPDATE lesson SET cancelled = true WHERE school_id = $1 AND id = ANY($2::int[])', [sid, [l1[4], l1[5]]]);
  const items1 = await plan(sid, ids.p1, 1, [{ hours: 20 }, { hours: 9 }, { hours: 1, kind: 'test' }, { hours: 1, kind: 'test' }, { hours: 1, kind: 'lab' }, { hours: 1, kind: 'practical' }]);
  await deliver(l1[10], items1[2]); // test 1: held
  await deliver(l1[5], items1[3]); // test 2: on a cancelled lesson
  await deliver(l1[20], items1[4]); // lab: held
  // P2: 24 held and one in the winter holiday (outside both semesters)
  await f.buildLessons(db, sid, ids.p2, [...workdays('2025-09-02', 24), '2025-12-30']);
  await plan(sid, ids.p2, 1, [{ hours: 20 }, { hours: 2 }]);
  // P3: 25 held
  await f.buildLessons(db, sid, ids.p3, workdays('2025-09-03', 25));

  // semester 2
  await f.buildLessons(db, sid, ids.p1, ['2026-01-13', '2026-01-15', '2026-01-20', '2026-01-22', '2026-01-27', '2026-01-29', '2026-02-03', '2026-02-05']);
  await plan(sid, ids.p1, 2, [{ hours: 20 }, { hours: 19 }, { hours: 1, kind: 'test' }]);
  await f.buildLessons(db, sid, ids.p3, ['2026-01-14', '2026-01-21', '2026-01-28']);

  // school B
  const tB = await f.buildStaff(db, other.schoolId, 'dl-other-teacher', ['teacher']);
  const cB = await f.buildClass(db, other, 5, 'А');
  await f.buildPupil(db, other.schoolId, cB, ['Невидименко', 'Ярема']);
  const pB = await f.buildPage(db, other, { classId: cB, subject: 'Історія', teacherId: tB });
  await sql('UPDATE journal_page SET hours_per_week = 1 WHERE school_id = $1 AND id = $2', [other.schoolId, pB]);
  await f.buildLessons(db, other.schoolId, pB, workdays('2025-09-01', 15));

  for (const login of ['dl-head', 'dl-ctrl', 'dl-admin', 'dl-math', 'dl-head2', 'dl-city', 'dl-city2', 'dl-parent', 'dl-pupil']) as[login] = await actAs(app, login);
  base = `/api/schools/${sid}/delivery`;
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('delivery arithmetic', () => {
  it('counts working days on the calendar and the last full week', () => {
    const sem = { number: 1, startsOn: '2025-09-01', endsOn: '2025-12-24' };
    const cal = { periods: [{ kind: 'holiday' as const, startsOn: '2025-10-27', endsOn: '2025-10-31' }], cityDaysOff: ['2025-10-14'] };
    expect(workingDays(sem, cal)).toBe(77);
    expect(workingDays(sem, { periods: [{ kind: 'remote', startsOn: '2025-10-27', endsOn: '2025-10-31' }], cityDaysOff: [] })).toBe(83);
    expect(workingDays(sem, cal, '2025-09-07')).toBe(5);
    expect(workingDays(sem, cal, '2025-08-31')).toBe(0);
    expect(lastSundayBefore('2026-02-04')).toBe('2026-02-01');
    expect(lastSundayBefore('2026-02-02')).toBe('2026-02-01');
    expect(lastSundayBefore('2026-02-08')).toBe('2026-02-01');
  });

  it('opens on the semester just ended until the new one has a full week', () => {
    const sems = [
      { number: 1, startsOn: '2025-09-01', endsOn: '2025-12-24' },
      { number: 2, startsOn: '2026-01-12', endsOn: '2026-05-29' },
    ];
    const shown = (today: string) => defaultSemester(sems, today)?.number;
    expect(shown('2026-01-14')).toBe(1); // Wednesday of the first week of semester 2
    expect(shown('2026-01-18')).toBe(1); // its Sunday: the week is not over before today
    expect(shown('2026-01-19')).toBe(2); // the Monday after: one full week is due
    expect(shown('2025-09-03')).toBe(1); // the first semester has none before it
    expect(shown('2025-12-30')).toBe(1); // the winter holidays: the last begun
    expect(shown('2025-08-20')).toBe(1); // before the year: the first
  });
});

describe(`curriculum delivery (${testEngine})`, () => {
  it('needs a session and the school’s head, controller or administrator', async () => {
    expect((await anonymous(app, 'GET', base)).statusCode).toBe(401);
    expect((await anonymous(app, 'GET', `${base}/shortfalls.csv`)).statusCode).toBe(401);
    for (const login of ['dl-math', 'dl-parent', 'dl-pupil', 'dl-head2', 'dl-city']) {
      const res = await as[login].get(`${base}?semester=1`);
      expect(res.statusCode, login).toBe(403);
      expect((await as[login].get(`${base}/shortfalls?semester=1`)).statusCode, login).toBe(403);
      expect((await as[login].get(`${base}/shortfalls.csv?semester=1`)).statusCode, login).toBe(403);
    }
    for (const login of ['dl-head', 'dl-ctrl', 'dl-admin']) expect((await as[login].get(`${base}?semester=1`)).statusCode, login).toBe(200);
  });

  it('answers bad input with a message in the asked language', async () => {
    const bad = await as['dl-head'].get(`${base}?semester=3`, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation');
    expect(bad.json().error.details.fields[0].path).toBe('semester');
    const by = await as['dl-head'].get(`${base}?by=pupil`);
    expect(by.statusCode).toBe(400);
    expect(by.json().error.message).toBe('Перевірте введені дані.');
    // another school's year is not found (row-level security hides it)
    const foreign = await as['dl-head'].get(`${base}?yearId=${other.yearId}`);
    expect(foreign.statusCode).toBe(404);
  });

  it('gives each page’s hours by the curriculum, the plan and held, with works, for an ended semester', async () => {
    const res = await as['dl-head'].get(`${base}?semester=1`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.semester).toMatchObject({ number: 1, ended: true, studyWeeks: 15.4, weeksDue: 15.4, dueTo: '2025-12-24', yearName: '2025/2026' });
    expect(d.by).toBe('page');
    const byPage = Object.fromEntries(d.rows.map((r: { key: { id: number } }) => [r.key.id, r]));
    expect(byPage[ids.p1].key.name).toBe('7-Б · Алгебра');
    expect(byPage[ids.p1].page).toMatchObject({ className: '7-Б', subjectName: 'Алгебра', teacherId: ids.teacherA, hoursPerWeek: 2, hasPlan: true });
    expect(byPage[ids.p1].figures).toEqual({
      pages: 1,
      curriculumHours: 30.8,
      planHours: 33,
      pagesWithPlan: 1,
      calendarHours: 30,
      scheduledDue: 32,
      heldHours: 30,
      heldDue: 30,
      dueHours: 30.8,
      duePlan: 33,
      shortCurriculum: 0,
      shortPlan: 3,
      shortfall: 3,
      pagesDelivered: 0,
      works: { test: { planned: 2, held: 1 }, lab: { planned: 1, held: 1 }, practical: { planned: 1, held: 0 } },
    });
    expect(byPage[ids.p2].figures).toMatchObject({ curriculumHours: 23.1, planHours: 22, heldHours: 24, calendarHours: 24, shortfall: 0, pagesDelivered: 1 });
    expect(byPage[ids.p3].figures).toMatchObject({ curriculumHours: 30.8, planHours: 0, pagesWithPlan: 0, heldHours: 25, shortCurriculum: 5, shortPlan: 0, shortfall: 5 });
    expect(byPage[ids.p3].page.hasPlan).toBe(false);
    expect(d.total).toMatchObject({ pages: 3, curriculumHours: 84.7, planHours: 55, heldHours: 79, shortfall: 8, pagesDelivered: 1, pagesWithPlan: 2 });
    expect(d.options.classes.map((c: { name: string }) => c.name)).toEqual(['2-А', '7-Б']);
    expect(d.options.subjects.map((c: { name: string }) => c.name)).toEqual(['Алгебра', 'Фізика', 'Читання'].sort(new Intl.Collator('uk').compare));
  });

  it('groups by class, subject and teacher', async () => {
    const byClass = (await as['dl-ctrl'].get(`${base}?semester=1&by=class`)).json();
    expect(byClass.rows.map((r: { key: { name: string } }) => r.key.name)).toEqual(['2-А', '7-Б']);
    expect(byClass.rows[1]).toMatchObject({ key: { id: ids.classA }, page: null });
    expect(byClass.rows[1].figures).toMatchObject({ pages: 2, curriculumHours: 53.9, planHours: 55, heldHours: 54, shortfall: 3, pagesDelivered: 1 });
    const byTeacher = (await as['dl-ctrl'].get(`${base}?semester=1&by=teacher`)).json();
    const a = byTeacher.rows.find((r: { key: { id: number } }) => r.key.id === ids.teacherA);
    expect(a.figures).toMatchObject({ pages: 2, heldHours: 54, works: { test: { planned: 2, held: 1 } } });
    const bySubject = (await as['dl-ctrl'].get(`${base}?semester=1&by=subject`)).json();
    expect(bySubject.rows).toHaveLength(3);
  });

  it('filters by class, subject and teacher, keeping every choice in the filters', async () => {
    const c = (await as['dl-head'].get(`${base}?semester=1&classId=${ids.classB}`)).json();
    expect(c.rows.map((r: { key: { id: number } }) => r.key.id)).toEqual([ids.p3]);
    expect(c.total).toMatchObject({ pages: 1, heldHours: 25 });
    expect(c.options.classes).toHaveLength(2);
    const subj = (await as['dl-head'].get(`${base}?semester=1&subjectId=${ids.algebra}`)).json();
    expect(subj.rows.map((r: { key: { id: number } }) => r.key.id)).toEqual([ids.p1]);
    const t = (await as['dl-head'].get(`${base}?semester=1&teacherId=${ids.teacherA}`)).json();
    expect(t.rows.map((r: { key: { id: number } }) => r.key.id).sort()).toEqual([ids.p1, ids.p2].sort());
    const none = (await as['dl-head'].get(`${base}?semester=1&teacherId=${ids.teacherB}&classId=${ids.classA}`)).json();
    expect(none.rows).toEqual([]);
    expect(none.total.pages).toBe(0);
  });

  it('counts the running semester up to the last full week', async () => {
    const d = (await as['dl-head'].get(base)).json();
    expect(d.semester).toMatchObject({ number: 2, ended: false, studyWeeks: 19.8, weeksDue: 2.8, dueTo: '2026-02-01' });
    const p1 = d.rows.find((r: { key: { id: number } }) => r.key.id === ids.p1);
    expect(p1.figures).toMatchObject({ curriculumHours: 39.6, dueHours: 6, scheduledDue: 6, planHours: 40, duePlan: 6, heldHours: 7, heldDue: 6, calendarHours: 8, shortfall: 0, works: { test: { planned: 1, held: 0 } } });
    const p3 = d.rows.find((r: { key: { id: number } }) => r.key.id === ids.p3);
    expect(p3.figures).toMatchObject({ dueHours: 3.6, scheduledDue: 3, heldHours: 3, shortCurriculum: 0, shortfall: 0 });
    const p2 = d.rows.find((r: { key: { id: number } }) => r.key.id === ids.p2);
    expect(p2.figures).toMatchObject({ calendarHours: 0, scheduledDue: 0, dueHours: 2.7, shortfall: 2 });
  });

  it('counts a cancelled lesson as due and lets an extra lesson make up for it', async () => {
    const p3 = async () => (await as['dl-head'].get(`${base}?classId=${ids.classB}`)).json().rows[0].figures;
    const [cancelled] = await f.buildLessons(db, s.schoolId, ids.p3, ['2026-01-16']);
    await sql('UPDATE lesson SET cancelled = true WHERE school_id = $1 AND id = $2', [s.schoolId, cancelled]);
    expect(await p3()).toMatchObject({ scheduledDue: 4, dueHours: 4, heldDue: 3, shortfall: 1 });
    const [extra] = await f.buildLessons(db, s.schoolId, ids.p3, ['2026-01-17']);
    await sql(`UPDATE lesson SET kind = 'extra' WHERE school_id = $1 AND id = $2`, [s.schoolId, extra]);
    expect(await p3()).toMatchObject({ scheduledDue: 4, dueHours: 4, heldDue: 4, shortfall: 0 });
    await sql('DELETE FROM lesson WHERE school_id = $1 AND id = ANY($2::int[])', [s.schoolId, [cancelled, extra]]);
    expect(await p3()).toMatchObject({ scheduledDue: 3, heldDue: 3 });
  });

  it('lists the pages not delivered, the largest shortfall first, and exports them as CSV', async () => {
    const res = await as['dl-head'].get(`${base}/shortfalls?semester=1`);
    expect(res.statusCode).toBe(200);
    const sf = res.json();
    expect(sf.schoolName).toBe('Ліцей Доставки');
    expect(sf.semester.ended).toBe(true);
    expect(sf.pagesTotal).toBe(3);
    expect(sf.pages.map((p: { pageId: number; figures: { shortfall: number } }) => [p.pageId, p.figures.shortfall])).toEqual([
      [ids.p3, 5],
      [ids.p1, 3],
    ]);
    const current = (await as['dl-head'].get(`${base}/shortfalls`)).json();
    expect(current.semester.ended).toBe(false);
    // physics has no lesson in its calendar this semester yet: behind the curriculum
    expect(current.pages.map((p: { pageId: number; figures: { shortfall: number } }) => [p.pageId, p.figures.shortfall])).toEqual([[ids.p2, 2]]);

    const csv = await as['dl-admin'].get(`${base}/shortfalls.csv?semester=1`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('delivery-2025-2026-s1.csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const lines = csv.body.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].split(',').slice(0, 3)).toEqual(['Клас', 'Група', 'Предмет']);
    expect(lines[1]).toBe('2-А,,Читання,Тестенко Олена Петрівна,2,30.8,,25,25,30.8,,5,,5,0,0,0,0,0,0');
    expect(lines[2]).toBe('7-Б,,Алгебра,Тестенко Олена Петрівна,2,30.8,33,30,30,30.8,33,0,3,3,2,1,1,1,1,0');
    const en = await as['dl-head'].get(`${base}/shortfalls.csv?semester=1`, 'en');
    expect(en.body.slice(1).split('\r\n')[0].startsWith('Class,Group,Subject,Teacher')).toBe(true);
    // a download link sends no Accept-Language: the language can be asked in the address
    const enLink = await as['dl-head'].get(`${base}/shortfalls.csv?semester=1&lang=en`);
    expect(enLink.body.slice(1).split('\r\n')[0].startsWith('Class,Group,Subject,Teacher')).toBe(true);
  });
});

describe(`delivery on the command line (${testEngine})`, () => {
  it('prints the report, largest shortfall first, and the not-delivered list as CSV', async () => {
    const lines: string[] = [];
    expect(await deliveryFromCli(db, { sub: 'report', schoolId: s.schoolId, semester: 1 }, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toBe('Ліцей Доставки: semester 1 2025/2026 (2025-09-01 – 2025-12-24), ended');
    expect(lines[1]).toBe('Not delivered: 2 of 3 pages');
    expect(lines[3]).toContain('2-А · Читання');
    expect(lines[3].trim().split(/\s+/).slice(0, 6)).toEqual(['2', '30.8', '—', '25', '30.8', '5']);
    const csv: string[] = [];
    expect(await deliveryFromCli(db, { sub: 'report', schoolId: s.schoolId, semester: 1, csv: true }, (l) => csv.push(l))).toBe(0);
    expect(csv[0].split('\r\n')).toHaveLength(3);
    const bad: string[] = [];
    expect(await deliveryFromCli(db, { sub: 'report', schoolId: s.schoolId, semester: 3 }, (l) => bad.push(l))).toBe(1);
    expect(bad).toEqual(['--semester must be 1 or 2']);
    expect(await deliveryFromCli(db, { sub: 'report', schoolId: 999_999 }, (l) => bad.push(l))).toBe(1);
    expect(bad.at(-1)).toBe('Not found.');
  });
});

describe(`city shares of delivery (${testEngine})`, () => {
  const url = () => `/api/cities/${cityId}/delivery`;

  it('is the city specialist’s only', async () => {
    expect((await anonymous(app, 'GET', url())).statusCode).toBe(401);
    for (const login of ['dl-head', 'dl-ctrl', 'dl-admin', 'dl-math', 'dl-parent', 'dl-city2']) expect((await as[login].get(url())).statusCode, login).toBe(403);
    expect((await as['dl-city'].get(`${url()}?semester=5`)).statusCode).toBe(400);
  });

  it('gives each school’s shares, aggregates only', async () => {
    const res = await as['dl-city'].get(`${url()}?semester=1`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    const a = c.schools.find((x: { schoolId: number }) => x.schoolId === s.schoolId);
    const b = c.schools.find((x: { schoolId: number }) => x.schoolId === other.schoolId);
    expect(a).toEqual({
      schoolId: s.schoolId, schoolName: 'Ліцей Доставки', semester: 1, ended: true, pages: 3, pagesDelivered: 1, deliveredShare: 0.3333,
      heldHours: 79, dueHours: 84.7, curriculumHours: 84.7, heldShare: 0.9327, pagesWithPlan: 2,
    });
    expect(b).toMatchObject({ semester: 1, pages: 1, pagesDelivered: 0, deliveredShare: 0, heldHours: 15, dueHours: 16.4, heldShare: 0.9146 });
    expect(c.schools[0].schoolId).toBe(s.schoolId);
    // no pupil and no teacher is named anywhere in the answer
    for (const name of ['Шевчишина', 'Зоряна', 'Квітчастенко', 'Невидименко', 'Тестенко', 'Олена']) expect(res.body).not.toContain(name);
    const now = (await as['dl-city'].get(url())).json();
    expect(now.schools.find((x: { schoolId: number }) => x.schoolId === s.schoolId)).toMatchObject({ semester: 2, ended: false, dueHours: 12.3, heldHours: 9, pagesWithPlan: 1 });
  });
});
