import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { buildAnalysis } from './analysis.service.js';
import { cityFillByPeriods, schoolPageCounts, schoolRun } from './fill.service.js';
import { type CityFill, cityFillSnapshot } from './fill.snapshot.js';
import { qualityCounts } from './quality.repo.js';
import { DEFAULT_FILL_SETTINGS, fillSettingsOfSchool, SCHOOL_TIME_ZONE } from './settings.js';
import { resolvePeriod } from './period.js';
import { buildFixture, type Fixture, sql, TODAY, WEEK } from './test-fixture.js';

let db: Database;
let fx: Fixture;
let other: f.BuiltSchool;
let otherLessons: number[];
let otherPupil: number;

// the quarter and its weeks (the last clipped to yesterday, 15 October), as the city dashboard asks
const QUARTER = { from: '2025-10-01', to: '2025-12-31' };
const WEEKS = [
  { from: '2025-10-06', to: '2025-10-12' },
  { from: '2025-10-13', to: '2025-10-19' },
];
const PERIODS = [QUARTER, ...WEEKS];

beforeAll(async () => {
  db = await openTestDatabase();
  db.today = TODAY;
  fx = await buildFixture(db, 'snap');
  other = await f.buildSchool(db, fx.cityId, 'Ліцей snap');
  const k = await f.buildClass(db, other, 6, 'А');
  otherPupil = await f.buildPupil(db, other.schoolId, k, ['Антоненко', 'Ганна']);
  const page = await f.buildPage(db, other, { classId: k, subject: 'Історія', teacherId: null });
  otherLessons = await f.buildLessons(db, other.schoolId, page, ['2025-10-02', '2025-10-07', '2025-10-09', '2025-10-14']);
});
afterAll(async () => {
  await db.close();
});

const figures = (r: CityFill) => r.fill.map((p) => p.map((x) => ({ schoolId: x.schoolId, level: x.figures.level, planned: x.figures.planned, held: x.figures.held })));
const fresh = async () =>
  (await cityFillByPeriods(db, fx.cityId, PERIODS)).map((p) => p.map((x) => ({ schoolId: x.schoolId, level: x.figures.level, planned: x.figures.planned, held: x.figures.held })));
const snapshot = async () => (await cityFillSnapshot(db, fx.cityId, PERIODS))!;

describe(`fill figures kept per school and period (${testEngine})`, () => {
  it('computes everything once, then reads it back unchanged', async () => {
    const first = await snapshot();
    // two schools of the city (plus none other), three periods; the quality flags of the quarter
    // the segments of the periods: 1-5, 6-12 and 13-15 October (yesterday), per school; a school year each
    expect(first.computed).toEqual({ fill: first.schools.length * 3, quality: first.schools.length, lessons: first.schools.length * 3, due: first.schools.length });
    expect(figures(first)).toEqual(await fresh());
    const again = await snapshot();
    expect(again.computed).toEqual({ fill: 0, quality: 0, lessons: 0, due: 0 });
    expect(figures(again)).toEqual(figures(first));
    expect(again.quality).toEqual(first.quality);
  });

  it('recomputes only the school and the periods a late entry reaches, with the figures of a fresh computation', async () => {
    await snapshot();
    // topic and attendance of 7 October in the other school: that week and the quarter change, the week after does not
    await sql(db, `UPDATE lesson SET topic = 'Козацька доба', attendance_taken = true WHERE school_id = $1 AND id = $2`, [other.schoolId, otherLessons[1]]);
    const after = await snapshot();
    // the quarter, W41 and W42 (whose end is after 7 October) of one school; its quality flags;
    // the lessons of one segment (6-12 October) counted again; summative counts kept
    expect(after.computed).toEqual({ fill: 3, quality: 1, lessons: 1, due: 0 });
    expect(figures(after)).toEqual(await fresh());
    const held = after.fill[1].find((x) => x.schoolId === other.schoolId)!.figures;
    expect(held.withTopic).toBe(1);
  });

  it('keeps a week whose end is before the day changed', async () => {
    await snapshot();
    // a mark on 14 October: W41 (6-12 October) is not reached
    await sql(db, `INSERT INTO journal_cell (school_id, lesson_id, pupil_id, mark) VALUES ($1, $2, $3, '9')`, [other.schoolId, otherLessons[3], otherPupil]);
    const after = await snapshot();
    expect(after.computed).toEqual({ fill: 2, quality: 1, lessons: 1, due: 0 });
    expect(figures(after)).toEqual(await fresh());
  });

  it('counts a summary mark again in its school year only, the lessons kept', async () => {
    await snapshot();
    const s = fx.school.schoolId;
    // the mark of a pupil set or cleared, whichever it was
    await sql(
      db,
      `INSERT INTO summary_mark AS sm (school_id, column_id, pupil_id, mark) VALUES ($1, $2, $3, '10')
       ON CONFLICT (school_id, column_id, pupil_id) DO UPDATE SET mark = CASE WHEN sm.mark = '' THEN '10' ELSE '' END`,
      [s, fx.thematic1, fx.pupils.yakiv],
    );
    const after = await snapshot();
    expect(after.computed.due).toBe(1);
    expect(after.computed.lessons).toBe(0);
    expect(figures(after)).toEqual(await fresh());
    const summative = (r: CityFill) => r.fill[0].find((x) => x.schoolId === s)!.figures.summativePresent;
    expect(summative(after)).toBe((await cityFillByPeriods(db, fx.cityId, PERIODS))[0].find((x) => x.schoolId === s)!.figures.summativePresent);
  });

  it('recomputes a school whose enrolments changed, and every school when the city settings change', async () => {
    await snapshot();
    await sql(db, `UPDATE enrollment SET from_date = '2025-10-08' WHERE school_id = $1 AND pupil_id = $2`, [other.schoolId, otherPupil]);
    const moved = await snapshot();
    expect(moved.computed).toEqual({ fill: 3, quality: 1, lessons: 3, due: 1 });
    expect(figures(moved)).toEqual(await fresh());
    await sql(db, `UPDATE city SET settings = jsonb_set(COALESCE(settings, '{}'), '{fill}', $2::jsonb) WHERE id = $1`, [fx.cityId, JSON.stringify({ ...DEFAULT_FILL_SETTINGS, densityLessons: 3 })]);
    const changed = await snapshot();
    expect(changed.computed).toEqual({ fill: changed.schools.length * 3, quality: changed.schools.length, lessons: changed.schools.length * 3, due: changed.schools.length });
    expect(figures(changed)).toEqual(await fresh());
  });

  it('counts an entry on a lesson after today in the quality flags at once', async () => {
    const before = await snapshot();
    const s = fx.school.schoolId;
    await sql(db, `UPDATE lesson SET topic = '' , homework = '', attendance_taken = false, first_entry_at = NULL WHERE school_id = $1 AND id = $2`, [s, fx.l1['10-20']]);
    const cleared = await snapshot();
    const flagsThen = cleared.quality.get(s)!.future_entry;
    await sql(db, `UPDATE lesson SET topic = 'Наперед' WHERE school_id = $1 AND id = $2`, [s, fx.l1['10-20']]);
    const after = await snapshot();
    // only the quality flags of the school: no period ends after today
    expect(after.computed).toEqual({ fill: 0, quality: 1, lessons: 0, due: 0 });
    expect(after.quality.get(s)!.future_entry).toBe(flagsThen + 1);
    const direct = await withSystem(db, (c) => qualityCounts(c, { schoolIds: [s], from: QUARTER.from, effectiveTo: '2025-10-15', today: TODAY, timeZone: SCHOOL_TIME_ZONE }));
    expect(after.quality.get(s)).toEqual(direct.get(s));
    expect(before.schools.length).toBe(after.schools.length);
  });

  it("keeps the head's analysis of a week: counts read back with fresh names, computed again after a change in the week", async () => {
    const s = fx.school.schoolId;
    const period = resolvePeriod(TODAY, WEEK);
    const fresh = async () => {
      const settings = await withSystem(db, (c) => fillSettingsOfSchool(c, s));
      return schoolPageCounts(schoolRun(db, s), s, period, settings);
    };
    const first = await buildAnalysis(db, s, period, TODAY);
    const kept = await sql(db, `SELECT count(*)::int AS n FROM fill_snapshot WHERE kind = 'pages' AND school_id = $1 AND period_from = $2`, [s, WEEK.from]);
    expect(kept.rows[0].n).toBe(1);
    // a teacher renamed (no journal change): the kept counts, the new name
    await sql(db, `UPDATE app_user SET last_name = 'Перейменована' WHERE id = $1`, [fx.teacherA]);
    const renamed = await buildAnalysis(db, s, period, TODAY);
    expect(renamed.byPage.map((p) => p.figures)).toEqual(first.byPage.map((p) => p.figures));
    expect(renamed.byTeacher.some((t) => t.key.name.startsWith('Перейменована'))).toBe(true);
    // homework written on 9 October: the week's figures change, as a fresh computation says
    await sql(db, `UPDATE lesson SET homework = 'Вправа 5', topic = 'Дроби' WHERE school_id = $1 AND id = $2`, [s, fx.l1['10-09']]);
    const after = await buildAnalysis(db, s, period, TODAY);
    const direct = await fresh();
    expect(after.byPage.map((p) => [p.key.id, p.figures.withHomework]).sort()).toEqual(
      direct.map((p) => [p.pageId, p.withHomework]).sort(),
    );
    expect(after.school).not.toEqual(first.school);
  });

  it('forgets the log rows every kept snapshot has seen, and only those', async () => {
    await snapshot();
    await sql(db, `UPDATE lesson SET homework = '§ 3' WHERE school_id = $1 AND id = $2`, [other.schoolId, otherLessons[0]]);
    await snapshot();
    // the first school's figures were kept from before: what they have not seen stays
    const count = async () => (await sql(db, 'SELECT count(*)::int AS n FROM fill_dirty')).rows[0].n as number;
    const unseenByOldest = await sql(db, 'SELECT count(*)::int AS n FROM fill_dirty WHERE xid < (SELECT min(snap_xmin) FROM fill_snapshot)');
    expect(unseenByOldest.rows[0].n).toBe(0);
    // once everything kept is computed anew, nothing is left to remember (the analysis's week
    // kept by the test above is not the city's: dropped here)
    await sql(db, `DELETE FROM fill_snapshot WHERE kind = 'pages' OR period_from = $1`, [WEEK.from]);
    await sql(db, `UPDATE city SET settings = jsonb_set(COALESCE(settings, '{}'), '{fill}', $2::jsonb) WHERE id = $1`, [fx.cityId, JSON.stringify({ ...DEFAULT_FILL_SETTINGS, densityLessons: 4 })]);
    expect(await count()).toBeGreaterThan(0);
    await snapshot();
    const unseen = await sql(db, 'SELECT count(*)::int AS n FROM fill_dirty WHERE xid < (SELECT min(snap_xmin) FROM fill_snapshot)');
    expect(unseen.rows[0].n).toBe(0);
    // on one connection nothing else runs, so every row was seen; on PostgreSQL another test's open
    // transaction may hold the snapshots' horizon back
    if (testEngine === 'pglite') expect(await count()).toBe(0);
  });
});
