import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSchool } from '../../db/tenancy.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { buildFixture, type Fixture, sql, TODAY } from '../control/test-fixture.js';
import { quarterBounds, quarterOf, quarterWeeks } from './quarter.js';
import { runOneJob } from '../../jobs/worker.js';
import { prepareAll, prepareKey } from './service.js';

let db: Database;
let app: FastifyInstance;
let fx: Fixture;
let otherCity: number;
const as: Record<string, Agent> = {};
let url: string;
// distinctive pupils' names and marks that must never leave the school through a city route
const SECRET_NAMES = ['Шевчишин', 'Златослава', 'Іваненко', 'Яковенко', 'Тестенко'];

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY });
  fx = await buildFixture(db, 'mon');
  const s = fx.school.schoolId;
  const zl = await f.buildPupil(db, s, fx.classA, ['Шевчишин', 'Златослава']);
  await sql(db, `INSERT INTO journal_cell (school_id, lesson_id, pupil_id, mark, absent) VALUES ($1, $2, $3, '11', false)`, [s, fx.l1['10-09'], zl]);
  await f.buildSchool(db, fx.cityId, 'Ліцей без журналів');
  await f.buildStaff(db, s, 'mon-head', ['head']);
  await f.buildCitySpecialist(db, fx.cityId, 'mon-city');
  otherCity = await f.buildCity(db, 'Інше місто');
  await f.buildCitySpecialist(db, otherCity, 'mon-city2');
  for (const l of ['mon-head', 'mon-city', 'mon-city2', 'mon-prim', 'mon-math']) as[l] = await actAs(app, l);
  await as['mon-head'].put(`/api/schools/${s}/readiness/inventory`, { teacherComputers: 1, classroomsWithComputer: 1, classroomsTotal: 4, network: 'partly', internetMbps: 30 });
  await as['mon-head'].post(`/api/schools/${s}/readiness/measures`, { item: 'Педрада', responsible: 'Директор', deadline: '2025-10-01', status: 'done' });
  await as['mon-head'].post(`/api/schools/${s}/readiness/measures`, { item: 'Навчання', responsible: 'Директор', deadline: '2025-12-01' });
  await as['mon-math'].put(`/api/schools/${s}/readiness/survey/mine`, { answers: [1, 2, 1, 2, 1, 2], needsTraining: true });
  url = `/api/cities/${fx.cityId}/monitoring`;
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('calendar quarters', () => {
  it('Q4 is October-December; weeks start in the quarter and before today', () => {
    expect(quarterOf('2025-10-16')).toBe('2025-Q4');
    expect(quarterBounds('2025-Q1')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(quarterBounds('2025-Q4')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(quarterWeeks('2025-Q4', '2025-10-16').map((w) => w.week)).toEqual(['2025-W41', '2025-W42']);
  });
});

describe(`city monitoring (${testEngine})`, () => {
  it('gives every school of the city its shares for the quarter, ranked', async () => {
    const res = await as['mon-city'].get(url);
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({ quarter: '2025-Q4', from: '2025-10-01', to: '2025-12-31', weeks: ['2025-W41', '2025-W42'], cached: false });
    expect(m.schools).toHaveLength(2);
    const gym = m.schools.find((x: { schoolId: number }) => x.schoolId === fx.school.schoolId);
    expect(gym.plannedLessons).toBeGreaterThan(0);
    expect(gym.fillLevel).toBeGreaterThan(0);
    expect(gym.fillLevel).toBeLessThan(1);
    expect(gym.weekly).toHaveLength(2);
    expect(gym.quality.mark_while_absent).toBe(1);
    expect(gym).toMatchObject({ planDoneShare: 0.5, classroomsWithComputerShare: 0.25, internetMbps: 30, network: 'partly', computersPerTeacher: 0.5 });
    expect(gym).toMatchObject({ surveyAnsweredShare: 0.5, needTrainingShare: 1, remarksOpen: 0, remarksOverdueShare: null });
    expect(m.schools.map((x: { rank: number }) => x.rank)).toEqual([1, 2]);
    const empty = m.schools.find((x: { schoolId: number }) => x.schoolId !== fx.school.schoolId);
    expect(empty).toMatchObject({ plannedLessons: 0, planDoneShare: null, internetMbps: null, consentShare: null });
  });

  it('answers from the cache when nothing changed, and recomputes after a change', async () => {
    const first = (await as['mon-city'].get(url)).json();
    expect(first.cached).toBe(true);
    const again = (await as['mon-city'].get(url)).json();
    expect({ ...again, cached: false }).toEqual({ ...first, cached: false });
    // a controller's remark, overdue already, changes the remarks figures
    await sql(db, `INSERT INTO control_remark (school_id, page_id, author_id, checked_on, text, deadline) VALUES ($1, $2, $3, '2025-10-01', 'Теми', '2025-10-10')`, [
      fx.school.schoolId,
      fx.p1,
      fx.teacherA,
    ]);
    const after = (await as['mon-city'].get(url)).json();
    expect(after.cached).toBe(false);
    const gym = after.schools.find((x: { schoolId: number }) => x.schoolId === fx.school.schoolId);
    expect(gym).toMatchObject({ remarksOpen: 1, remarksOverdue: 1, remarksOverdueShare: 1 });
    expect((await as['mon-city'].get(url)).json().cached).toBe(true);
    // a readiness change too
    await as['mon-head'].put(`/api/schools/${fx.school.schoolId}/readiness/inventory`, { teacherComputers: 2, classroomsWithComputer: 2, classroomsTotal: 4, network: 'yes', internetMbps: 100 });
    const ready = (await as['mon-city'].get(url)).json();
    expect(ready.cached).toBe(false);
    expect(ready.schools.find((x: { schoolId: number }) => x.schoolId === fx.school.schoolId)).toMatchObject({ computersPerTeacher: 1, classroomsWithComputerShare: 0.5 });
    // rosters (enrollments, staff), written by the app's own role: statement triggers bump their versions
    const s = fx.school.schoolId;
    expect((await as['mon-city'].get(url)).json().cached).toBe(true);
    await withSchool(db, { schoolId: s, userId: 0 }, (c) => c.query(`UPDATE enrollment SET to_date = '2025-10-14' WHERE school_id = $1 AND pupil_id = $2`, [s, fx.pupils.petro]));
    expect((await as['mon-city'].get(url)).json().cached).toBe(false);
    expect((await as['mon-city'].get(url)).json().cached).toBe(true);
    await withSchool(db, { schoolId: s, userId: 0 }, (c) => c.query('UPDATE staff SET active = false WHERE school_id = $1 AND user_id = $2', [s, fx.teacherB]));
    const fewer = (await as['mon-city'].get(url)).json();
    expect(fewer.cached).toBe(false);
    // one teacher left of two: 2 computers per teacher
    expect(fewer.schools.find((x: { schoolId: number }) => x.schoolId === s)).toMatchObject({ computersPerTeacher: 2 });
    // journals: a topic written on a lesson of this quarter (up to yesterday) changes the fill;
    // one on today's lesson counts from tomorrow on, so the answer stays the one kept
    expect((await as['mon-city'].get(url)).json().cached).toBe(true);
    const [todays] = await f.buildLessons(db, s, fx.p1, [TODAY]);
    await withSchool(db, { schoolId: s, userId: 0 }, (c) => c.query(`UPDATE lesson SET topic = 'Сьогоднішня тема' WHERE school_id = $1 AND id = $2`, [s, todays]));
    expect((await as['mon-city'].get(url)).json().cached).toBe(true);
    const before = fewer.schools.find((x: { schoolId: number }) => x.schoolId === s).fillLevel;
    await withSchool(db, { schoolId: s, userId: 0 }, (c) =>
      c.query(`UPDATE lesson SET topic = 'Тема', homework = '§ 1', attendance_taken = true WHERE school_id = $1 AND page_id = $2 AND lesson_date BETWEEN '2025-10-01' AND '2025-10-15'`, [s, fx.p1]),
    );
    const fuller = (await as['mon-city'].get(url)).json();
    expect(fuller.cached).toBe(false);
    expect(fuller.schools.find((x: { schoolId: number }) => x.schoolId === s).fillLevel).toBeGreaterThan(before);
  });

  it("prepares the city's dashboard in the background once its fill settings change", async () => {
    expect((await as['mon-city'].get(url)).json().cached).toBe(true);
    const settings = (await as['mon-city'].get(`/api/cities/${fx.cityId}/fill-settings`)).json();
    const put = await as['mon-city'].put(`/api/cities/${fx.cityId}/fill-settings`, { ...settings, densityLessons: settings.densityLessons + 1 });
    expect(put.statusCode).toBe(200);
    const queued = await sql(db, `SELECT count(*)::int AS n FROM job WHERE kind = 'monitoring.prepare' AND status = 'queued' AND payload->>'cityId' = $1`, [String(fx.cityId)]);
    expect(queued.rows[0].n).toBe(1);
    while (await runOneJob(db, { error: () => undefined, info: () => undefined })) {
      // the queued preparation (and whatever else is due)
    }
    expect((await as['mon-city'].get(url)).json().cached).toBe(true);
    await as['mon-city'].put(`/api/cities/${fx.cityId}/fill-settings`, settings);
  });

  it('prepares the dashboard of every city at night, from 01:00 Kyiv time', async () => {
    expect(prepareKey(new Date('2025-10-15T21:30:00Z'))).toBeNull(); // 00:30 in Kyiv
    expect(prepareKey(new Date('2025-10-15T22:05:00Z'))).toBe('2025-10-16'); // 01:05 in Kyiv
    await sql(db, 'DELETE FROM monitoring_cache');
    await sql(db, 'DELETE FROM fill_snapshot');
    expect((await prepareAll(db)).cities).toBeGreaterThanOrEqual(2);
    expect((await as['mon-city'].get(url)).json().cached).toBe(true);
  });

  it('takes another quarter and refuses a malformed one', async () => {
    const q3 = await as['mon-city'].get(`${url}?quarter=2025-Q3`);
    expect(q3.statusCode).toBe(200);
    expect(q3.json()).toMatchObject({ quarter: '2025-Q3', from: '2025-07-01', to: '2025-09-30' });
    expect((await as['mon-city'].get(`${url}?quarter=2025-Q5`)).statusCode).toBe(400);
  });

  it('is only for the specialists of that city', async () => {
    for (const path of ['', '/report.pdf', '/report.xlsx']) {
      expect((await as['mon-head'].get(url + path)).statusCode).toBe(403);
      expect((await as['mon-city2'].get(url + path)).statusCode).toBe(403);
      expect((await anonymous(app, 'GET', url + path)).statusCode).toBe(401);
    }
    expect((await as['mon-city'].get(`/api/schools/${fx.school.schoolId}/readiness`)).statusCode).toBe(403);
  });

  it('never returns a name of a pupil or teacher, nor a mark: JSON, PDF and XLSX', async () => {
    const json = (await as['mon-city'].get(url)).body;
    const walk = (x: unknown): string[] =>
      x && typeof x === 'object' ? Object.entries(x).flatMap(([k, v]) => [k, ...walk(v)]) : [];
    const keys = new Set(walk(JSON.parse(json)));
    for (const k of ['mark', 'marks', 'pupilId', 'pupil', 'lastName', 'firstName', 'name', 'teacherId']) expect(keys.has(k)).toBe(false);
    const pdf = await as['mon-city'].get(`${url}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'mon-'));
    writeFileSync(join(dir, 'r.pdf'), pdf.rawPayload);
    const pdfText = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('Квартальний моніторинг');
    // Ukrainian forms: the quarter in Roman numerals, no ISO week codes, no decimal point in a figure
    expect(pdfText).toMatch(/(I|II|III|IV) квартал \d{4}/);
    expect(pdfText).not.toMatch(/W\d{2}|\d\.\d %|Заклад — Заклад/);
    expect(pdfText).toContain('Гімназія mon');
    const xlsx = await as['mon-city'].get(`${url}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    const xlsxText = cells.join('\n');
    expect(xlsxText).toContain('Гімназія mon');
    expect(xlsxText).not.toMatch(/\d{4}-W\d{2}/);
    const schools = (await as['mon-city'].get(`/api/cities/${fx.cityId}/schools`)).body;
    for (const text of [json, pdfText, xlsxText, schools]) {
      for (const name of SECRET_NAMES) expect(text).not.toContain(name);
    }
  });
});
