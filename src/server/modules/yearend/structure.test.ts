import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { scaleForGrade } from './structure.service.js';

let db: Database;
let app: FastifyInstance;
let head: Agent;
let school: f.BuiltSchool;
const t: Record<string, number> = {};
const p: Record<string, number> = {};
let url: string;

const sql = async (text: string, params: unknown[] = []) => (await withSystem(db, (c) => c.query(text, params))).rows;

/** Everything of the ending year that promotion must leave as it was. */
const snapshot = () =>
  Promise.all([
    sql('SELECT * FROM journal_page WHERE school_id = $1 AND year_id = $2 ORDER BY id', [school.schoolId, school.yearId]),
    sql('SELECT g.* FROM class_group g JOIN school_class k ON k.id = g.class_id WHERE k.year_id = $1 ORDER BY g.id', [school.yearId]),
    sql('SELECT m.* FROM group_member m JOIN class_group g ON g.id = m.group_id JOIN school_class k ON k.id = g.class_id WHERE k.year_id = $1 ORDER BY 1, 2, 3', [school.yearId]),
    sql('SELECT te.* FROM timetable_entry te JOIN journal_page jp ON jp.id = te.page_id WHERE jp.year_id = $1 ORDER BY te.id', [school.yearId]),
    sql('SELECT * FROM curriculum WHERE year_id = $1 ORDER BY grade, subject_id', [school.yearId]),
    sql('SELECT * FROM school_class WHERE year_id = $1 ORDER BY id', [school.yearId]),
  ]);

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2026-06-25' });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId);
  await f.buildStaff(db, school.schoolId, 'head', ['head']);
  t.math = await f.buildStaff(db, school.schoolId, 'math', ['teacher']);
  t.eng = await f.buildStaff(db, school.schoolId, 'eng', ['teacher']);
  t.gone = await f.buildStaff(db, school.schoolId, 'gone', ['teacher']);
  const c4 = await f.buildClass(db, school, 4, 'А');
  const c5 = await f.buildClass(db, school, 5, 'Б', t.math);
  const c11 = await f.buildClass(db, school, 11, 'А');
  p.a = await f.buildPupil(db, school.schoolId, c4, ['Антоненко', 'Анна']);
  p.b = await f.buildPupil(db, school.schoolId, c5, ['Бондар', 'Богдан']);
  p.c = await f.buildPupil(db, school.schoolId, c5, ['Ващук', 'Віра']);
  p.d = await f.buildPupil(db, school.schoolId, c5, ['Гнатюк', 'Данило']);
  p.e = await f.buildPupil(db, school.schoolId, c11, ['Demo', 'Eva']);
  // 4-А: levels (the default of grade 4) and a verbal page (grade 4 may keep verbal by subject)
  const read4 = await f.buildPage(db, school, { classId: c4, subject: 'Читання', teacherId: t.eng, scale: 'levels' });
  await f.buildPage(db, school, { classId: c4, subject: 'Мистецтво', teacherId: t.gone, scale: 'verbal' });
  // 5-Б: maths whole class, English in two groups, a page of a teacher who left
  const math5 = await f.buildPage(db, school, { classId: c5, subject: 'Математика', teacherId: t.math });
  const [g1, g2] = (
    await sql(`INSERT INTO class_group (school_id, class_id, name) VALUES ($1, $2, 'I група'), ($1, $2, 'II група') RETURNING id`, [school.schoolId, c5])
  ).map((r) => r.id);
  await sql('INSERT INTO group_member (school_id, group_id, pupil_id) VALUES ($1, $2, $3), ($1, $2, $4), ($1, $5, $6)', [school.schoolId, g1, p.b, p.c, g2, p.d]);
  const eng1 = await f.buildPage(db, school, { classId: c5, subject: 'Англійська мова', teacherId: t.eng, groupId: g1 });
  await f.buildPage(db, school, { classId: c5, subject: 'Англійська мова', teacherId: t.eng, groupId: g2 });
  await f.buildPage(db, school, { classId: c5, subject: 'Історія', teacherId: t.gone });
  await f.buildPage(db, school, { classId: c11, subject: 'Фізика', teacherId: t.math });
  await sql('UPDATE staff SET active = false WHERE user_id = $1', [t.gone]);
  // timetable: two entries in force at the year's end, one that ended in March
  await sql(
    `INSERT INTO timetable_entry (school_id, page_id, weekday, period, room, valid_from, valid_to) VALUES
     ($1, $2, 1, 2, '21', '2025-09-01', NULL), ($1, $3, 3, 1, '14', '2025-09-01', NULL), ($1, $2, 5, 3, '21', '2025-09-01', '2026-03-01'),
     ($1, $4, 2, 1, '5', '2025-09-01', NULL)`,
    [school.schoolId, math5, eng1, read4],
  );
  const maths = (await sql('SELECT id FROM subject WHERE name = $1', ['Математика']))[0].id;
  const hist = (await sql('SELECT id FROM subject WHERE name = $1', ['Історія']))[0].id;
  // the plan of grade 6 gives maths 4 hours; history keeps the page's own hours
  await sql('INSERT INTO curriculum (school_id, year_id, grade, subject_id, hours_per_week) VALUES ($1, $2, 6, $3, 4), ($1, $2, 5, $4, 1.5)', [school.schoolId, school.yearId, maths, hist]);
  // the next year was started by hand: a class 9-Я whose physics teacher is the maths teacher, on Monday's 2nd period
  const [{ id: next }] = await sql(`INSERT INTO school_year (school_id, name, starts_on, ends_on) VALUES ($1, '2026/2027', '2026-09-01', '2027-06-30') RETURNING id`, [school.schoolId]);
  await sql(`INSERT INTO semester (school_id, year_id, number, starts_on, ends_on) VALUES ($1, $2, 1, '2026-09-01', '2026-12-24'), ($1, $2, 2, '2027-01-13', '2027-05-29')`, [school.schoolId, next]);
  const [{ id: c9 }] = await sql(`INSERT INTO school_class (school_id, year_id, grade, letter) VALUES ($1, $2, 9, 'Я') RETURNING id`, [school.schoolId, next]);
  const physics = (await sql('SELECT id FROM subject WHERE name = $1', ['Фізика']))[0].id;
  const [{ id: p9 }] = await sql(
    `INSERT INTO journal_page (school_id, year_id, class_id, subject_id, teacher_id, hours_per_week, scale_code) VALUES ($1, $2, $3, $4, $5, 2, 'points12') RETURNING id`,
    [school.schoolId, next, c9, physics, t.math],
  );
  await sql(`INSERT INTO timetable_entry (school_id, page_id, weekday, period, room, valid_from) VALUES ($1, $2, 1, 2, '33', '2026-09-01')`, [school.schoolId, p9]);
  await sql(`UPDATE school_year SET status = 'closed', closed_at = now() WHERE id = $1`, [school.yearId]);
  url = `/api/schools/${school.schoolId}/years/${school.yearId}/promotion`;
  head = await actAs(app, 'head');
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe(`promotion copies the year's structure (${testEngine})`, () => {
  it('switches the scale when the grade band changes, keeps a page’s own choice within a band', () => {
    expect(scaleForGrade('levels', 4, 5)).toBe('points12');
    expect(scaleForGrade('verbal', 4, 5)).toBe('points12');
    expect(scaleForGrade('verbal', 2, 3)).toBe('levels');
    expect(scaleForGrade('verbal', 3, 4)).toBe('verbal');
    expect(scaleForGrade('levels', 6, 7)).toBe('levels');
  });

  it('previews the pages of every promoted class in its new grade', async () => {
    const res = await head.get(url);
    expect(res.statusCode).toBe(200);
    const s = res.json().structure;
    expect(s.curriculumRows).toBe(2);
    expect(s.classes.map((k: { fromClass: string; toClass: string }) => `${k.fromClass}>${k.toClass}`)).toEqual(['4-А>5-А', '5-Б>6-Б']);
    const [k4, k5] = s.classes;
    expect(k4.pages.map((x: { subject: string; scaleFrom: string; scaleTo: string }) => `${x.subject}:${x.scaleFrom}>${x.scaleTo}`)).toEqual([
      'Мистецтво:verbal>points12',
      'Читання:levels>points12',
    ]);
    expect(k5.groups).toEqual(['I група', 'II група']);
    expect(k5.pages).toEqual([
      expect.objectContaining({ subject: 'Англійська мова', group: 'I група', teacher: 'Тестенко Олена', slots: 1, scaleTo: 'points12' }),
      expect.objectContaining({ subject: 'Англійська мова', group: 'II група', slots: 0 }),
      expect.objectContaining({ subject: 'Історія', teacher: null, teacherLeft: 'Тестенко Олена', hoursPerWeek: 2, hoursFromPlan: false }),
      expect.objectContaining({ subject: 'Математика', hoursPerWeek: 4, hoursFromPlan: true, slots: 1 }),
    ]);
  });

  it('copies pages, groups, curriculum and timetable; the closed year stays as it was', async () => {
    const before = await snapshot();
    const res = await head.post(url, { order: 'Наказ № 7', copyTimetable: true });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // maths of 6-Б on Monday's 2nd period is not copied: its teacher teaches 9-Я then
    expect(body.structure).toEqual({ classes: 2, pages: 6, groups: 2, members: 3, curriculumRows: 2, timetableEntries: 2, timetableSkipped: 1, lessons: expect.any(Number) });
    expect(body.structure.lessons).toBeGreaterThan(60);
    expect(await snapshot()).toEqual(before);

    const pages = await sql(
      `SELECT k.grade || '-' || k.letter AS class, s.name AS subject, g.name AS "group", jp.teacher_id AS teacher, jp.hours_per_week::float AS hours, jp.scale_code AS scale
       FROM journal_page jp JOIN school_class k ON k.id = jp.class_id JOIN subject s ON s.id = jp.subject_id LEFT JOIN class_group g ON g.id = jp.group_id
       WHERE jp.year_id = $1 AND k.letter <> 'Я'`,
      [body.toYearId],
    );
    const key = (x: Record<string, unknown>) => `${x.class}|${x.subject}|${x.group ?? ''}`;
    pages.sort((a, b) => key(a).localeCompare(key(b), 'uk'));
    expect(pages).toEqual([
      { class: '5-А', subject: 'Мистецтво', group: null, teacher: null, hours: 2, scale: 'points12' },
      { class: '5-А', subject: 'Читання', group: null, teacher: t.eng, hours: 2, scale: 'points12' },
      { class: '6-Б', subject: 'Англійська мова', group: 'I група', teacher: t.eng, hours: 2, scale: 'points12' },
      { class: '6-Б', subject: 'Англійська мова', group: 'II група', teacher: t.eng, hours: 2, scale: 'points12' },
      { class: '6-Б', subject: 'Історія', group: null, teacher: null, hours: 2, scale: 'points12' },
      { class: '6-Б', subject: 'Математика', group: null, teacher: t.math, hours: 4, scale: 'points12' },
    ]);
    const members = await sql(
      `SELECT g.name, array_agg(m.pupil_id ORDER BY m.pupil_id) AS pupils FROM group_member m JOIN class_group g ON g.id = m.group_id
       JOIN school_class k ON k.id = g.class_id WHERE k.year_id = $1 GROUP BY g.name ORDER BY g.name`,
      [body.toYearId],
    );
    expect(members).toEqual([
      { name: 'I група', pupils: [p.b, p.c].sort((a, b) => a - b) },
      { name: 'II група', pupils: [p.d] },
    ]);
    const entries = await sql(
      `SELECT te.weekday, te.period, te.room, te.valid_from AS "from", te.valid_to AS "to" FROM timetable_entry te JOIN journal_page jp ON jp.id = te.page_id
       WHERE jp.year_id = $1 ORDER BY te.weekday`,
      [body.toYearId],
    );
    expect(entries).toEqual([
      { weekday: 1, period: 2, room: '33', from: '2026-09-01', to: null },
      { weekday: 2, period: 1, room: '5', from: '2026-09-01', to: null },
      { weekday: 3, period: 1, room: '14', from: '2026-09-01', to: null },
    ]);
    const lessons = await sql('SELECT min(l.lesson_date)::text AS first FROM lesson l JOIN journal_page jp ON jp.id = l.page_id WHERE jp.year_id = $1', [body.toYearId]);
    expect(lessons[0].first).toBe('2026-09-01');
    const plan = await sql('SELECT grade::int AS grade, hours_per_week::float AS hours FROM curriculum WHERE year_id = $1 ORDER BY grade', [body.toYearId]);
    expect(plan).toEqual([
      { grade: 5, hours: 1.5 },
      { grade: 6, hours: 4 },
    ]);
    expect((await head.get(url)).json().structure).toBeNull();
  });
});
