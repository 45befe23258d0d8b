/**
 * A hand-built school whose gaps are known exactly (see the comments): the fill, analysis and
 * report tests assert against it. Today is 2025-10-16; the week analysed is 2025-W41 (6-12 October).
 */
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import * as f from '../../test/factories.js';

export const TODAY = '2025-10-16';
export const WEEK = { from: '2025-10-06', to: '2025-10-12' };

export interface Fixture {
  cityId: number;
  school: f.BuiltSchool;
  teacherA: number;
  teacherB: number;
  classA: number;
  classB: number;
  classC: number;
  p1: number;
  p2: number;
  p3: number;
  l1: Record<string, number>;
  l2: Record<string, number>;
  pupils: Record<string, number>;
  thematic1: number;
  thematic3: number;
}

/** Runs SQL as the owner (test set-up only). */
export const sql = (db: Database, text: string, params: unknown[] = []) => withSystem(db, (c) => c.query(text, params));

export async function buildFixture(db: Database, prefix: string): Promise<Fixture> {
  const cityId = await f.buildCity(db);
  const school = await f.buildSchool(db, cityId, `Гімназія ${prefix}`);
  const s = school.schoolId;
  const teacherA = await f.buildStaff(db, s, `${prefix}-math`, ['teacher']);
  const teacherB = await f.buildStaff(db, s, `${prefix}-prim`, ['teacher']);
  const classA = await f.buildClass(db, school, 7, 'Б');
  const classB = await f.buildClass(db, school, 2, 'А');
  const classC = await f.buildClass(db, school, 8, 'А');
  const pupils: Record<string, number> = {};
  pupils.anna = await f.buildPupil(db, s, classA, ['Іваненко', 'Анна']);
  pupils.yakiv = await f.buildPupil(db, s, classA, ['Яковенко', 'Яків']);
  pupils.boris = await f.buildPupil(db, s, classA, ['Ґалаган', 'Борис']);
  pupils.vira = await f.buildPupil(db, s, classA, ['Вербова', 'Віра']);
  pupils.petro = await f.buildPupil(db, s, classC, ['Чуб', 'Петро']);
  pupils.olia = await f.buildPupil(db, s, classB, ['Малюк', 'Оля']);
  // Борис left on 1 October; Віра arrived on 1 October
  await sql(db, `UPDATE enrollment SET to_date = '2025-10-01' WHERE school_id = $1 AND pupil_id = $2`, [s, pupils.boris]);
  await sql(db, `UPDATE enrollment SET from_date = '2025-10-01' WHERE school_id = $1 AND pupil_id = $2`, [s, pupils.vira]);

  // P1: 7-Б algebra (teacher A). Planned in the week: 7 and 9 October (8 October is cancelled,
  // 10 October is an extra lesson, 14 October is after the period, 20 October is in the future).
  const p1 = await f.buildPage(db, school, { classId: classA, subject: 'Алгебра', teacherId: teacherA });
  const d1 = ['2025-09-02', '2025-09-09', '2025-09-16', '2025-09-23', '2025-09-30', '2025-10-02', '2025-10-07', '2025-10-08', '2025-10-09', '2025-10-10', '2025-10-14', '2025-10-20'];
  const ids1 = await f.buildLessons(db, s, p1, d1);
  const l1 = Object.fromEntries(d1.map((d, i) => [d.slice(5), ids1[i]]));
  await sql(db, `UPDATE lesson SET cancelled = true WHERE school_id = $1 AND id = $2`, [s, l1['10-08']]);
  await sql(db, `UPDATE lesson SET kind = 'extra', topic = 'Додатковий урок' WHERE school_id = $1 AND id = $2`, [s, l1['10-10']]);
  await sql(db, `UPDATE lesson SET topic = 'Наперед' WHERE school_id = $1 AND id = $2`, [s, l1['10-20']]);
  // 7 October: fully written up on the day; Анна got 10 (and is also marked absent: a quality flag)
  await sql(db, `UPDATE lesson SET topic = 'Рівняння', homework = '§1', attendance_taken = true, first_entry_at = '2025-10-07 12:00+03' WHERE school_id = $1 AND id = $2`, [s, l1['10-07']]);
  await sql(db, `INSERT INTO journal_cell (school_id, lesson_id, pupil_id, mark, absent) VALUES ($1, $2, $3, '10', true)`, [s, l1['10-07'], pupils.anna]);
  // Яків's only mark is on 2 September: outside the page's last 8 lessons (9 September - 10 October)
  await sql(db, `INSERT INTO journal_cell (school_id, lesson_id, pupil_id, mark, absent) VALUES ($1, $2, $3, '8', false)`, [s, l1['09-02'], pupils.yakiv]);
  // 9 October: nothing at all
  const cols = await f.buildSummaryColumns(db, s, p1);
  const thematic1 = cols.thematic;
  // the thematic column closes on 3 October (due): Анна has a mark; Яків and Віра (on the roll then) do not
  await sql(db, `UPDATE summary_column SET after_date = '2025-10-03' WHERE school_id = $1 AND id = $2`, [s, thematic1]);
  await sql(db, `INSERT INTO summary_column (school_id, page_id, kind, semester, title, after_date, position) VALUES ($1, $2, 'thematic', 1, 'Тематична 2', '2025-10-20', 4)`, [s, p1]);
  await sql(db, `INSERT INTO summary_mark (school_id, column_id, pupil_id, mark) VALUES ($1, $2, $3, '9')`, [s, thematic1, pupils.anna]);
  // a late correction on P1 in the week, not yet reviewed
  await sql(
    db,
    `INSERT INTO journal_change (school_id, at, user_id, page_id, lesson_id, pupil_id, field, old_value, new_value, reason, late)
     VALUES ($1, '2025-10-08 10:00+03', $2, $3, $4, $5, 'mark', '7', '8', 'Помилка', true)`,
    [s, teacherA, p1, l1['09-02'], pupils.yakiv],
  );

  // P2: 2-А reading (teacher B), verbal scale: no homework, density or summative expected.
  const p2 = await f.buildPage(db, school, { classId: classB, subject: 'Читання', teacherId: teacherB, scale: 'verbal' });
  const d2 = ['2025-09-29', '2025-10-01', '2025-10-06', '2025-10-08'];
  const ids2 = await f.buildLessons(db, s, p2, d2);
  const l2 = Object.fromEntries(d2.map((d, i) => [d.slice(5), ids2[i]]));
  // the same topic on three lessons (a quality flag); 6 October written up after midnight Kyiv time on 8 October: late
  await sql(db, `UPDATE lesson SET topic = 'Звуки' WHERE school_id = $1 AND id = ANY($2::int[])`, [s, [l2['09-29'], l2['10-01'], l2['10-06']]]);
  await sql(db, `UPDATE lesson SET attendance_taken = true, first_entry_at = '2025-10-08 00:30+03' WHERE school_id = $1 AND id = $2`, [s, l2['10-06']]);
  await sql(db, `UPDATE lesson SET topic = 'Букви', first_entry_at = '2025-10-08 10:00+03' WHERE school_id = $1 AND id = $2`, [s, l2['10-08']]);

  // P3: 8-А geometry (teacher A): no lessons in the week, a thematic column due on 30 September with no marks
  const p3 = await f.buildPage(db, school, { classId: classC, subject: 'Геометрія', teacherId: teacherA });
  await f.buildLessons(db, s, p3, ['2025-09-30']);
  const r3 = await sql(
    db,
    `INSERT INTO summary_column (school_id, page_id, kind, semester, title, after_date, position) VALUES ($1, $2, 'thematic', 1, 'Тематична 1', '2025-09-30', 1) RETURNING id`,
    [s, p3],
  );
  return { cityId, school, teacherA, teacherB, classA, classB, classC, p1, p2, p3, l1, l2, pupils, thematic1, thematic3: r3.rows[0].id };
}
