import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { nextYearDate, nextYearName } from './promotion.service.js';

let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
let school: f.BuiltSchool;
let classTeacher: number;
const pupils: Record<string, number> = {};
let url: string;

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2026-06-25' });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId);
  await f.buildStaff(db, school.schoolId, 'head', ['head']);
  await f.buildStaff(db, school.schoolId, 'admin', ['admin']);
  await f.buildStaff(db, school.schoolId, 'controller', ['controller']);
  classTeacher = await f.buildStaff(db, school.schoolId, 'ct', ['teacher']);
  const c5 = await f.buildClass(db, school, 5, 'А', classTeacher);
  const c9 = await f.buildClass(db, school, 9, 'Б');
  const c11 = await f.buildClass(db, school, 11, 'А');
  pupils.olia = await f.buildPupil(db, school.schoolId, c5, ['Коваль', 'Оля']);
  pupils.ivan = await f.buildPupil(db, school.schoolId, c5, ['Єрмак', 'Іван']);
  pupils.gone = await f.buildPupil(db, school.schoolId, c5, ['Ґудзь', 'Гліб']);
  pupils.nina = await f.buildPupil(db, school.schoolId, c9, ['Бойко', 'Ніна']);
  pupils.taras = await f.buildPupil(db, school.schoolId, c9, ['Дяченко', 'Тарас']);
  pupils.yana = await f.buildPupil(db, school.schoolId, c11, ['Остапчук', 'Яна']);
  // Гліб left during the year: he is not promoted
  await withSystem(db, (c) => c.query(`UPDATE enrollment SET to_date = '2026-02-01' WHERE pupil_id = $1`, [pupils.gone]));
  url = `/api/schools/${school.schoolId}/years/${school.yearId}/promotion`;
  for (const login of ['head', 'admin', 'controller', 'ct']) as[login] = await actAs(app, login);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const yearsCount = async () => (await withSystem(db, (c) => c.query('SELECT count(*)::int AS n FROM school_year WHERE school_id = $1', [school.schoolId]))).rows[0].n;

describe(`promotion (${testEngine})`, () => {
  it('computes next year dates and names', () => {
    expect(nextYearDate('2025-09-01')).toBe('2026-09-01');
    expect(nextYearDate('2024-02-29')).toBe('2025-02-28');
    expect(nextYearName('2025/2026', '2026-09-01', '2027-06-30')).toBe('2026/2027');
    expect(nextYearName('Рік 25', '2026-09-01', '2027-06-30')).toBe('2026/2027');
  });

  it('previews: up one grade with the same letter, grade 11 graduates, leavers are left out', async () => {
    const res = await as.head.get(url);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.toYear).toEqual({
      id: null,
      name: '2026/2027',
      startsOn: '2026-09-01',
      endsOn: '2027-06-30',
      semesters: [
        { number: 1, startsOn: '2026-09-01', endsOn: '2026-12-24' },
        { number: 2, startsOn: '2027-01-13', endsOn: '2027-05-29' },
      ],
    });
    expect(body.applied).toBe(false);
    const summary = body.classes.map((k: { label: string; pupils: { name: string; outcome: string; toClass: string | null }[] }) => [
      k.label,
      k.pupils.map((p) => `${p.name}:${p.outcome}:${p.toClass}`),
    ]);
    expect(summary).toEqual([
      ['5-А', ['Єрмак Іван:promote:6-А', 'Коваль Оля:promote:6-А']],
      ['9-Б', ['Бойко Ніна:promote:10-Б', 'Дяченко Тарас:promote:10-Б']],
      ['11-А', ['Остапчук Яна:graduate:null']],
    ]);
    expect(body.classes[1].pupils[0].allowed).toEqual(['promote', 'graduate', 'repeat', 'leave']);
  });

  it('refuses the anonymous and roles that do not promote', async () => {
    expect((await anonymous(app, 'GET', url)).statusCode).toBe(401);
    expect((await as.ct.get(url)).statusCode).toBe(403);
    expect((await as.controller.post(url, {})).statusCode).toBe(403);
  });

  it('refuses an exception a grade does not allow, changing nothing', async () => {
    const res = await as.head.post(url, { exceptions: [{ pupilId: pupils.yana, outcome: 'promote' }] });
    expect(res.statusCode).toBe(400);
    expect(await yearsCount()).toBe(1);
    const bad = await as.head.post(url, { exceptions: [{ pupilId: pupils.olia, outcome: 'expel' }] }, 'en');
    expect(bad.statusCode).toBe(400);
    expect(await yearsCount()).toBe(1);
  });

  it('applies with exceptions: makes the next year, its classes and enrolments from its first day', async () => {
    const res = await as.admin.post(url, {
      order: 'Наказ № 45 від 20.06.2026',
      exceptions: [
        { pupilId: pupils.ivan, outcome: 'repeat' },
        { pupilId: pupils.taras, outcome: 'graduate' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ toYearName: '2026/2027', counts: { promote: 2, repeat: 1, leave: 0, graduate: 2 }, classesCreated: 3 });
    const rows = (
      await withSystem(db, (c) =>
        c.query(
          `SELECT p.last_name AS name, k.grade || '-' || k.letter AS class, e.from_date AS "from", e.arrival_order AS "order", k.class_teacher_id AS teacher
           FROM enrollment e JOIN school_class k ON k.school_id = e.school_id AND k.id = e.class_id
           JOIN pupil p ON p.school_id = e.school_id AND p.id = e.pupil_id
           WHERE k.school_id = $1 AND k.year_id = $2`,
          [school.schoolId, body.toYearId],
        ),
      )
    ).rows.sort((a, b) => a.name.localeCompare(b.name, 'uk'));
    expect(rows).toEqual([
      { name: 'Бойко', class: '10-Б', from: '2026-09-01', order: 'Наказ № 45 від 20.06.2026', teacher: null },
      { name: 'Єрмак', class: '5-А', from: '2026-09-01', order: 'Наказ № 45 від 20.06.2026', teacher: null },
      { name: 'Коваль', class: '6-А', from: '2026-09-01', order: 'Наказ № 45 від 20.06.2026', teacher: classTeacher },
    ]);
    const semesters = (await withSystem(db, (c) => c.query('SELECT number, starts_on AS s, ends_on AS e FROM semester WHERE year_id = $1 ORDER BY number', [body.toYearId]))).rows;
    expect(semesters).toEqual([
      { number: 1, s: '2026-09-01', e: '2026-12-24' },
      { number: 2, s: '2027-01-13', e: '2027-05-29' },
    ]);
  });

  it('shows what was recorded and refuses a second application', async () => {
    const preview = (await as.head.get(url)).json();
    expect(preview.applied).toBe(true);
    expect(preview.toYear.id).not.toBeNull();
    const taras = preview.classes[1].pupils.find((p: { id: number }) => p.id === pupils.taras);
    expect(taras).toMatchObject({ outcome: 'graduate', toClass: null });
    const again = await as.head.post(url, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_promoted');
  });
});
