import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import { cityQualityBySchool, cityRemarksBySchool } from './city.service.js';
import { cityFillBySchool, schoolFill } from './fill.service.js';
import * as f from '../../test/factories.js';
import { buildFixture, type Fixture, sql, TODAY, WEEK } from './test-fixture.js';

let db: Database;
let fx: Fixture;

beforeAll(async () => {
  db = await openTestDatabase();
  db.today = TODAY;
  fx = await buildFixture(db, 'fill');
});
afterAll(async () => {
  await db.close();
});

describe(`fill level arithmetic (${testEngine})`, () => {
  it('counts every page of the week exactly', async () => {
    const rows = await schoolFill(db, fx.school.schoolId, WEEK, 'page');
    const byId = new Map(rows.map((r) => [r.key.id, r]));
    expect(byId.get(fx.p1)).toEqual({
      key: { id: fx.p1, name: '7-Б Алгебра' },
      figures: {
        planned: 2, held: 1, withTopic: 1, homeworkExpected: 2, withHomework: 1, withAttendance: 1, onTime: 1,
        pupils: 2, pupilsWithoutRecentMark: 1, summativeExpected: 3, summativePresent: 1,
        shares: { held: 0.5, topic: 0.5, homework: 0.5, attendance: 0.5, timeliness: 0.5, density: 0.5, summative: 0.3333 },
        level: 0.4762,
      },
    });
    expect(byId.get(fx.p2)?.figures).toMatchObject({
      planned: 2, held: 2, withTopic: 2, homeworkExpected: 0, withAttendance: 1, onTime: 1, pupils: 0, summativeExpected: 0,
      shares: { held: 1, topic: 1, homework: 1, attendance: 0.5, timeliness: 0.5, density: 1, summative: 1 },
      level: 0.75,
    });
    expect(byId.get(fx.p3)?.figures).toMatchObject({ planned: 0, summativeExpected: 1, summativePresent: 0, level: 0 });
    expect(rows.map((r) => r.key.id)).toEqual([fx.p3, fx.p1, fx.p2]);
  });

  it('rolls up by teacher, class, subject and school, weighting page levels by planned lessons', async () => {
    const teachers = await schoolFill(db, fx.school.schoolId, WEEK, 'teacher');
    expect(teachers.map((t) => [t.key.id, t.figures.level, t.figures.planned, t.figures.summativeExpected])).toEqual([
      [fx.teacherA, 0.4762, 2, 4],
      [fx.teacherB, 0.75, 2, 0],
    ]);
    const [school] = await schoolFill(db, fx.school.schoolId, WEEK, 'school');
    expect(school.key).toEqual({ id: fx.school.schoolId, name: 'Гімназія fill' });
    expect(school.figures).toMatchObject({ planned: 4, held: 3, withTopic: 3, summativeExpected: 4, summativePresent: 1, level: 0.6131 });
    expect(school.figures.shares.summative).toBe(0.25);
    const classes = await schoolFill(db, fx.school.schoolId, WEEK, 'class');
    expect(classes.map((c) => c.key.name)).toEqual(['8-А', '7-Б', '2-А']);
    const subjects = await schoolFill(db, fx.school.schoolId, WEEK, 'subject');
    expect(subjects.map((c) => c.key.name)).toEqual(['Геометрія', 'Алгебра', 'Читання']);
  });

  it('gives the city aggregates only, one row per school', async () => {
    const rows = await cityFillBySchool(db, fx.cityId, WEEK);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ schoolId: fx.school.schoolId, schoolName: 'Гімназія fill', figures: { level: 0.6131, planned: 4 } });
    expect(JSON.stringify(rows)).not.toMatch(/Іваненко|Анна|Алгебра/);
  });

  it('expects no homework in subjects where none is given (PE, arts, technologies)', async () => {
    const pe = await f.buildPage(db, fx.school, { classId: fx.classA, subject: 'Фізична культура', teacherId: fx.teacherB });
    const [lesson] = await f.buildLessons(db, fx.school.schoolId, pe, ['2025-10-08']);
    await sql(db, `UPDATE lesson SET topic = 'Біг', attendance_taken = true, first_entry_at = '2025-10-08 12:00+03' WHERE school_id = $1 AND id = $2`, [fx.school.schoolId, lesson]);
    const rows = await schoolFill(db, fx.school.schoolId, WEEK, 'page');
    expect(rows.find((r) => r.key.id === pe)?.figures).toMatchObject({ planned: 1, homeworkExpected: 0, shares: { homework: 1 }, level: 1 });
  });

  it('in semester 2 checks the semester-1 marks, no longer its thematic columns', async () => {
    db.today = '2026-02-20';
    try {
      const rows = await schoolFill(db, fx.school.schoolId, { from: '2026-02-09', to: '2026-02-15' }, 'page');
      // P1's semester column (due 24 December) for the pupils on the page then: Анна, Яків, Віра
      expect(rows.map((r) => [r.key.id, r.figures.planned, r.figures.summativeExpected, r.figures.summativePresent])).toContainEqual([fx.p1, 0, 3, 0]);
      expect(rows.find((r) => r.key.id === fx.p3)).toBeUndefined();
    } finally {
      db.today = TODAY;
    }
  });

  it('gives the city quality flags and remark counts per school, counts only', async () => {
    const quality = await cityQualityBySchool(db, fx.cityId, WEEK);
    expect(quality).toEqual([
      { schoolId: fx.school.schoolId, schoolName: 'Гімназія fill', counts: { mark_while_absent: 1, future_entry: 1, pasted_topic: 1, extra_lesson: 1, late_correction: 1 } },
    ]);
    expect(await cityRemarksBySchool(db, fx.cityId)).toEqual([{ schoolId: fx.school.schoolId, schoolName: 'Гімназія fill', open: 0, overdue: 0 }]);
  });

  it('counts nothing for a period that has not begun', async () => {
    expect(await schoolFill(db, fx.school.schoolId, { from: '2025-10-20', to: '2025-10-26' }, 'page')).toEqual([]);
  });
});
