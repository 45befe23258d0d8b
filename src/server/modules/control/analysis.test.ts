import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { prepareWeeklyReport } from './report.service.js';
import { buildFixture, type Fixture, sql, TODAY, WEEK } from './test-fixture.js';

let db: Database;
let app: FastifyInstance;
let fx: Fixture;
let otherSchool: f.BuiltSchool;
const as: Record<string, Agent> = {};
let base: string;
const q = `from=${WEEK.from}&to=${WEEK.to}`;

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY });
  fx = await buildFixture(db, 'an');
  const s = fx.school.schoolId;
  await f.buildStaff(db, s, 'an-head', ['head']);
  await f.buildStaff(db, s, 'an-ctrl', ['controller']);
  await f.buildStaff(db, s, 'an-admin', ['admin']);
  otherSchool = await f.buildSchool(db, fx.cityId, 'Інша школа');
  await f.buildStaff(db, otherSchool.schoolId, 'an-head2', ['head']);
  await f.buildCitySpecialist(db, fx.cityId, 'an-city');
  for (const login of ['an-head', 'an-ctrl', 'an-admin', 'an-math', 'an-head2', 'an-city']) as[login] = await actAs(app, login);
  base = `/api/schools/${s}/analysis`;
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe(`weekly analysis (${testEngine})`, () => {
  it('needs a session and the school’s head, controller or administrator', async () => {
    expect((await anonymous(app, 'GET', `${base}?${q}`)).statusCode).toBe(401);
    expect((await as['an-math'].get(`${base}?${q}`)).statusCode).toBe(403);
    expect((await as['an-head2'].get(`${base}?${q}`)).statusCode).toBe(403);
    expect((await as['an-city'].get(`${base}?${q}`)).statusCode).toBe(403);
    expect((await as['an-admin'].get(`${base}?${q}`)).statusCode).toBe(200);
    expect((await as['an-head2'].get(`${base}/gaps?${q}`)).statusCode).toBe(403);
  });

  it('refuses a bad period with a message in the asked language', async () => {
    const res = await as['an-head'].get(`${base}?from=2025-10-12&to=2025-10-06`, 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    const bad = await as['an-head'].get(`${base}?from=12.10.2025`);
    expect(bad.json().error.details.fields[0].message).toBe('Неправильна дата.');
  });

  it('gives the week by teacher, class, subject and page, most behind first', async () => {
    const res = await as['an-head'].get(`${base}?${q}`);
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.period).toEqual({ from: WEEK.from, to: WEEK.to, effectiveTo: WEEK.to, week: '2025-W41' });
    expect(a.school).toMatchObject({ planned: 4, held: 3, level: 0.6131 });
    expect(a.byTeacher.map((t: { key: { id: number }; figures: { level: number } }) => [t.key.id, t.figures.level])).toEqual([
      [fx.teacherA, 0.4762],
      [fx.teacherB, 0.75],
    ]);
    expect(a.byPage[1]).toMatchObject({ key: { id: fx.p1, name: '7-Б Алгебра' }, teacherId: fx.teacherA, teacherName: 'Тестенко Олена Петрівна' });
    expect(a.quality).toEqual({ mark_while_absent: 1, future_entry: 1, pasted_topic: 1, extra_lesson: 1, late_correction: 1 });
    expect(a.lateChangesPending).toBe(1);
  });

  it('defaults to the last full week before today', async () => {
    const a = (await as['an-ctrl'].get(base)).json();
    expect(a.period).toEqual({ from: '2025-10-06', to: '2025-10-12', effectiveTo: '2025-10-12', week: '2025-W41' });
  });

  it('drills down to the exact missing entries with links to the journal cells', async () => {
    const res = await as['an-head'].get(`${base}/gaps?${q}&pageId=${fx.p1}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const s = fx.school.schoolId;
    const rows = body.gaps.map((g: Record<string, unknown>) => [g.kind, g.date, g.lessonId, g.pupilName, g.columnTitle, g.link]);
    expect(rows).toEqual([
      ['summative_missing', '2025-10-03', null, 'Вербова Віра', 'Тематична 1', `/s/${s}/journal/${fx.p1}?pupil=${fx.pupils.vira}&column=${fx.thematic1}`],
      ['summative_missing', '2025-10-03', null, 'Яковенко Яків', 'Тематична 1', `/s/${s}/journal/${fx.p1}?pupil=${fx.pupils.yakiv}&column=${fx.thematic1}`],
      ['late_entry', '2025-10-09', fx.l1['10-09'], null, null, `/s/${s}/journal/${fx.p1}?lesson=${fx.l1['10-09']}`],
      ['no_attendance', '2025-10-09', fx.l1['10-09'], null, null, `/s/${s}/journal/${fx.p1}?lesson=${fx.l1['10-09']}`],
      ['no_homework', '2025-10-09', fx.l1['10-09'], null, null, `/s/${s}/journal/${fx.p1}?lesson=${fx.l1['10-09']}`],
      ['no_topic', '2025-10-09', fx.l1['10-09'], null, null, `/s/${s}/journal/${fx.p1}?lesson=${fx.l1['10-09']}`],
      ['not_held', '2025-10-09', fx.l1['10-09'], null, null, `/s/${s}/journal/${fx.p1}?lesson=${fx.l1['10-09']}`],
      ['no_recent_mark', null, null, 'Яковенко Яків', null, `/s/${s}/journal/${fx.p1}?pupil=${fx.pupils.yakiv}`],
    ]);
    expect(body.total).toBe(8);
    expect(body.gaps[0]).toMatchObject({ pageLabel: '7-Б Алгебра', teacherId: fx.teacherA });
  });

  it('filters the drill-down by kind and teacher', async () => {
    const late = (await as['an-head'].get(`${base}/gaps?${q}&kind=late_entry&teacherId=${fx.teacherB}`)).json();
    expect(late.gaps).toEqual([
      expect.objectContaining({ kind: 'late_entry', pageId: fx.p2, lessonId: fx.l2['10-06'], date: '2025-10-06', enteredAt: expect.stringContaining('2025-10-07') }),
    ]);
    const att = (await as['an-head'].get(`${base}/gaps?${q}&kind=no_attendance`)).json();
    expect(att.gaps.map((g: { lessonId: number }) => g.lessonId)).toEqual([fx.l2['10-08'], fx.l1['10-09']]);
  });

  it('lists the data-quality flags', async () => {
    const res = await as['an-ctrl'].get(`${base}/quality?${q}`);
    const flags = res.json().flags.map((x: Record<string, unknown>) => [x.kind, x.pageId, x.lessonId, x.date, x.detail]);
    expect(flags).toEqual([
      ['extra_lesson', fx.p1, fx.l1['10-10'], '2025-10-10', 'Додатковий урок'],
      ['future_entry', fx.p1, fx.l1['10-20'], '2025-10-20', 'Наперед'],
      ['late_correction', fx.p1, fx.l1['09-02'], '2025-10-08', 'mark: 7 → 8'],
      ['mark_while_absent', fx.p1, fx.l1['10-07'], '2025-10-07', '10'],
      ['pasted_topic', fx.p2, fx.l2['10-06'], '2025-10-06', 'Звуки (×3)'],
    ]);
    expect(res.json().flags[3].pupilName).toBe('Іваненко Анна');
  });

  it('shows the trend over the weeks of the semester from the weekly reports', async () => {
    await prepareWeeklyReport(db, fx.school.schoolId, '2025-W41', { email: false });
    const t = (await as['an-head'].get(`${base}/trend?date=2025-10-10`)).json();
    expect(t.semester).toBe(1);
    expect(t.weeks.map((w: { week: string; level: number | null }) => [w.week, w.level])).toEqual([
      ['2025-W36', null],
      ['2025-W37', null],
      ['2025-W38', null],
      ['2025-W39', null],
      ['2025-W40', null],
      ['2025-W41', 0.6131],
      ['2025-W42', null],
    ]);
    expect(t.weeks[0]).toMatchObject({ from: '2025-09-01', to: '2025-09-07' });
  });
});

describe(`late corrections (${testEngine})`, () => {
  it('lists pending ones and lets only the head mark them reviewed', async () => {
    const list = (await as['an-ctrl'].get(`${base}/late-changes`)).json();
    expect(list.total).toBe(1);
    const change = list.changes[0];
    expect(change).toMatchObject({ field: 'mark', oldValue: '7', newValue: '8', pupilName: 'Яковенко Яків', lessonDate: '2025-09-02', reviewedAt: null });
    expect((await as['an-ctrl'].post(`${base}/late-changes/review`, { ids: [change.id] })).statusCode).toBe(403);
    expect((await as['an-head2'].post(`/api/schools/${fx.school.schoolId}/analysis/late-changes/review`, { ids: [change.id] })).statusCode).toBe(403);
    expect((await as['an-head'].post(`${base}/late-changes/review`, { ids: [] })).statusCode).toBe(400);
    const ok = await as['an-head'].post(`${base}/late-changes/review`, { ids: [change.id] });
    expect(ok.json()).toEqual({ reviewed: 1 });
    expect((await as['an-head'].post(`${base}/late-changes/review`, { ids: [change.id] })).json()).toEqual({ reviewed: 0 });
    const reviewed = (await as['an-head'].get(`${base}/late-changes?status=reviewed`)).json();
    expect(reviewed.changes[0]).toMatchObject({ id: change.id, reviewedBy: 'Тестенко Олена' });
    expect((await as['an-head'].get(`${base}/late-changes`)).json().total).toBe(0);
  });

  it('never reviews another school’s changes', async () => {
    const s2 = otherSchool.schoolId;
    const cls = await f.buildClass(db, otherSchool, 5, 'А');
    const page = await f.buildPage(db, otherSchool, { classId: cls, subject: 'Історія', teacherId: null });
    const r = await sql(db, `INSERT INTO journal_change (school_id, page_id, field, late) VALUES ($1, $2, 'topic', true) RETURNING id`, [s2, page]);
    const res = await as['an-head'].post(`${base}/late-changes/review`, { ids: [r.rows[0].id] });
    expect(res.json()).toEqual({ reviewed: 0 });
    const still = await sql(db, 'SELECT reviewed_at FROM journal_change WHERE school_id = $1 AND id = $2', [s2, r.rows[0].id]);
    expect(still.rows[0].reviewed_at).toBeNull();
  });
});

describe(`city fill settings (${testEngine})`, () => {
  it('are read and changed by the city specialist only, and change the levels', async () => {
    const url = `/api/cities/${fx.cityId}/fill-settings`;
    expect((await as['an-head'].get(url)).statusCode).toBe(403);
    const current = (await as['an-city'].get(url)).json();
    expect(current).toMatchObject({ weights: { held: 1, topic: 1, homework: 1, attendance: 1, timeliness: 1, density: 1, summative: 1 }, timelinessDays: 1, densityLessons: 8 });
    expect(current.homeworkFreeSubjects).toContain('Фізична культура');
    const zero = { ...current, weights: { held: 0, topic: 0, homework: 0, attendance: 0, timeliness: 0, density: 0, summative: 0 } };
    expect((await as['an-city'].put(url, zero)).statusCode).toBe(400);
    expect((await as['an-head'].put(url, { ...current, densityLessons: 3 })).statusCode).toBe(403);
    expect((await as['an-city'].get(url)).json().densityLessons).toBe(8);
    const onlyHeld = { ...zero, weights: { ...zero.weights, held: 1 }, timelinessDays: 2 };
    expect((await as['an-city'].put(url, onlyHeld)).json()).toEqual(onlyHeld);
    const a = (await as['an-head'].get(`${base}?${q}`)).json();
    // only "held" counts now: P1 1 of 2, P2 2 of 2; P2's late entry (8 Oct for 6 Oct) is on time within 2 days
    expect(a.byPage.find((p: { key: { id: number } }) => p.key.id === fx.p1).figures.level).toBe(0.5);
    expect(a.byPage.find((p: { key: { id: number } }) => p.key.id === fx.p2).figures).toMatchObject({ level: 1, onTime: 2 });
    expect(a.school.level).toBe(0.75);
    await as['an-city'].put(url, current);
  });
});
