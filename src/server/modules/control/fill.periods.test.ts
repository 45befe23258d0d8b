import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { cityFillByPeriods, cityFillBySchool } from './fill.service.js';
import { DEFAULT_FILL_SETTINGS } from './settings.js';
import { buildFixture, type Fixture, sql, TODAY } from './test-fixture.js';

let db: Database;
let fx: Fixture;

// the quarter of the city dashboard, its weeks (the last one clipped to yesterday), September
// (the previous quarter), a week before any lesson and one after today
const PERIODS = [
  { from: '2025-10-01', to: '2025-12-31' },
  { from: '2025-09-29', to: '2025-10-05' },
  { from: '2025-10-06', to: '2025-10-12' },
  { from: '2025-10-13', to: '2025-10-19' },
  { from: '2025-09-01', to: '2025-09-30' },
  { from: '2025-08-18', to: '2025-08-24' },
  { from: '2025-10-20', to: '2025-10-26' },
];

beforeAll(async () => {
  db = await openTestDatabase();
  db.today = TODAY;
  fx = await buildFixture(db, 'per');
  const s = fx.school.schoolId;
  // marks spread over the page's lessons, so each week's last N lessons differ
  const marks: [string, string, string][] = [
    ['09-09', 'anna', '7'],
    ['09-16', 'vira', '9'],
    ['09-23', 'boris', '5'],
    ['09-30', 'anna', '11'],
    ['10-02', 'vira', '10'],
    ['10-09', 'yakiv', '6'],
    ['10-14', 'anna', '8'],
  ];
  for (const [day, pupil, mark] of marks) {
    await sql(db, 'INSERT INTO journal_cell (school_id, lesson_id, pupil_id, mark, absent) VALUES ($1, $2, $3, $4, false)', [s, fx.l1[day], fx.pupils[pupil], mark]);
  }
  // a second school of the city: a group page (one pupil of two), a thematic column due on 30 September
  const other = await f.buildSchool(db, fx.cityId, 'Ліцей per');
  const k = await f.buildClass(db, other, 5, 'А');
  const a = await f.buildPupil(db, other.schoolId, k, ['Антоненко', 'Ганна']);
  await f.buildPupil(db, other.schoolId, k, ['Бондар', 'Іван']);
  const group = (await sql(db, `INSERT INTO class_group (school_id, class_id, name) VALUES ($1, $2, 'Група 1') RETURNING id`, [other.schoolId, k])).rows[0].id;
  await sql(db, 'INSERT INTO group_member (school_id, group_id, pupil_id) VALUES ($1, $2, $3)', [other.schoolId, group, a]);
  const page = await f.buildPage(db, other, { classId: k, subject: 'Історія', teacherId: null, groupId: group });
  const lessons = await f.buildLessons(db, other.schoolId, page, ['2025-09-03', '2025-09-10', '2025-09-17', '2025-09-24', '2025-10-01', '2025-10-08', '2025-10-15']);
  await sql(db, `UPDATE lesson SET topic = 'Тема', attendance_taken = true WHERE school_id = $1 AND id = ANY($2::int[])`, [other.schoolId, lessons.slice(0, 4)]);
  await sql(db, `INSERT INTO journal_cell (school_id, lesson_id, pupil_id, mark, absent) VALUES ($1, $2, $3, '10', false)`, [other.schoolId, lessons[1], a]);
  await sql(db, `INSERT INTO summary_column (school_id, page_id, kind, semester, title, after_date, position) VALUES ($1, $2, 'thematic', 1, 'Т1', '2025-09-30', 1)`, [
    other.schoolId,
    page,
  ]);
});
afterAll(async () => {
  await db.close();
});

describe(`fill of many periods in one pass (${testEngine})`, () => {
  for (const densityLessons of [8, 3]) {
    it(`equals the fill of each period computed alone (N = ${densityLessons})`, async () => {
      await sql(db, `UPDATE city SET settings = jsonb_set(settings, '{fill}', $2::jsonb) WHERE id = $1`, [fx.cityId, JSON.stringify({ ...DEFAULT_FILL_SETTINGS, densityLessons })]);
      const together = await cityFillByPeriods(db, fx.cityId, PERIODS);
      expect(together).toHaveLength(PERIODS.length);
      for (const [i, p] of PERIODS.entries()) {
        expect(together[i], `${p.from} – ${p.to}`).toEqual(await cityFillBySchool(db, fx.cityId, p));
      }
      // the fixture's week is counted as the fill test knows it: 2 lessons planned on its algebra page
      const week = together[2].find((x) => x.schoolId === fx.school.schoolId)!;
      expect(week.figures.planned).toBeGreaterThan(0);
      expect(together[5].every((x) => x.figures.planned === 0)).toBe(true);
      // some pupils are counted for the recent-marks share, so the windows were found
      expect(together[0].some((x) => x.figures.pupils > 0)).toBe(true);
    });
  }

  it(`equals the fill of each period computed alone when asked one at a time (one end: the set-based density)`, async () => {
    for (const p of PERIODS) {
      const [one] = await cityFillByPeriods(db, fx.cityId, [p]);
      expect(one, `${p.from} – ${p.to}`).toEqual(await cityFillBySchool(db, fx.cityId, p));
    }
    // and a quarter with its last week, which share their end (yesterday)
    const [quarter, week] = await cityFillByPeriods(db, fx.cityId, [PERIODS[0], PERIODS[3]]);
    expect(quarter).toEqual(await cityFillBySchool(db, fx.cityId, PERIODS[0]));
    expect(week).toEqual(await cityFillBySchool(db, fx.cityId, PERIODS[3]));
    expect(quarter.some((x) => x.figures.pupils > 0)).toBe(true);
  });

  it('answers nothing for no periods', async () => {
    expect(await cityFillByPeriods(db, fx.cityId, [])).toEqual([]);
  });
});
