/**
 * Demo data of curriculum delivery, called with one line by the demo generator: on one page of
 * the first school (a senior class, not a demo login's page) the teacher was ill for three
 * weeks before the last full week and its lessons were cancelled, so the delivery report shows
 * that page behind the curriculum and its plan. The page gets a calendar-thematic plan made from
 * its lessons' topics (a test at the end of every unit, one lab work), mapped in order onto the
 * lessons not cancelled, as the plan shifts after cancelled lessons.
 * Deterministic: the same data and today give the same page and lessons.
 */
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { defaultSemester, lastSundayBefore } from './compute.js';

const UNIT = 8;

export async function seedDeliveryDemo(db: Database, opts: { schoolId: number; today: string }): Promise<{ pageId: number | null; cancelled: number; planItems: number }> {
  const none = { pageId: null, cancelled: 0, planItems: 0 };
  return withSystem(db, async (c) => {
    // the semester the report opens on (defaultSemester): in its first days, the one just ended
    const sems = await c.query<{ yearId: number; startsOn: string; endsOn: string; number: number }>(
      `SELECT m.year_id AS "yearId", m.starts_on AS "startsOn", m.ends_on AS "endsOn", m.number FROM semester m
       WHERE m.school_id = $1 AND m.year_id = (SELECT y.id FROM school_year y WHERE y.school_id = $1 AND y.starts_on <= $2 ORDER BY y.starts_on DESC LIMIT 1)
       ORDER BY m.number`,
      [opts.schoolId, opts.today],
    );
    const s = defaultSemester(sems.rows, opts.today);
    if (!s) return none;
    const page = await c.query<{ id: number; hpw: number }>(
      `SELECT jp.id, jp.hours_per_week::float8 AS hpw FROM journal_page jp
       JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
       JOIN subject sj ON sj.school_id = jp.school_id AND sj.id = jp.subject_id
       JOIN app_user u ON u.id = jp.teacher_id
       WHERE jp.school_id = $1 AND jp.year_id = $2 AND jp.group_id IS NULL AND jp.hours_per_week >= 2 AND jp.scale_code = 'points12'
         AND k.grade BETWEEN 7 AND 9 AND u.login NOT IN ('teacher', 'classteacher')
       ORDER BY k.grade DESC, k.letter, sj.name, jp.id LIMIT 1`,
      [opts.schoolId, s.yearId],
    );
    const p = page.rows[0];
    if (!p) return none;
    const dueTo = [lastSundayBefore(opts.today), s.endsOn].sort()[0];

    // the plan: one item per lesson of the semester, as the teacher planned it in August
    const lessons = await c.query<{ id: number; topic: string }>(
      `SELECT id, topic FROM lesson WHERE school_id = $1 AND page_id = $2 AND NOT cancelled AND lesson_date BETWEEN $3 AND $4 ORDER BY lesson_date, period, id`,
      [opts.schoolId, p.id, s.startsOn, s.endsOn],
    );
    const plan = await c.query<{ id: number }>(
      `INSERT INTO lesson_plan (school_id, page_id, semester) VALUES ($1, $2, $3) ON CONFLICT (school_id, page_id, semester) DO NOTHING RETURNING id`,
      [opts.schoolId, p.id, s.number],
    );
    let planItems = 0;
    if (plan.rowCount) {
      const planId = plan.rows[0].id;
      const n = lessons.rows.length;
      for (let u = 0; u * UNIT < n; u++) {
        const unit = await c.query<{ id: number }>(
          'INSERT INTO plan_unit (school_id, plan_id, position, title) VALUES ($1, $2, $3, $4) RETURNING id',
          [opts.schoolId, planId, u + 1, `Розділ ${u + 1}`],
        );
        const items = lessons.rows.slice(u * UNIT, (u + 1) * UNIT);
        for (const [i, l] of items.entries()) {
          const position = u * UNIT + i + 1;
          const last = i === items.length - 1 && items.length > 1;
          const kind = last ? 'test' : u === 1 && i === 3 ? 'lab' : 'lesson';
          const topic = last ? `Контрольна робота за розділом ${u + 1}` : kind === 'lab' ? 'Лабораторна робота' : l.topic || `Урок ${position}`;
          await c.query(
            `INSERT INTO plan_item (school_id, plan_id, unit_id, position, topic, hours, kind) VALUES ($1, $2, $3, $4, $5, 1, $6)`,
            [opts.schoolId, planId, unit.rows[0].id, position, topic, kind],
          );
          planItems++;
        }
      }
    }

    // three weeks of the teacher's illness: the latest lessons up to the last full week, with no history
    const ill = await c.query<{ id: number }>(
      `SELECT l.id FROM lesson l
       WHERE l.school_id = $1 AND l.page_id = $2 AND NOT l.cancelled AND l.lesson_date BETWEEN $3 AND $4
         AND NOT EXISTS (SELECT 1 FROM journal_change h WHERE h.school_id = l.school_id AND h.lesson_id = l.id)
       ORDER BY l.lesson_date DESC, l.period DESC LIMIT $5`,
      [opts.schoolId, p.id, s.startsOn, dueTo, Math.ceil(p.hpw) * 3],
    );
    const ids = ill.rows.map((r) => r.id);
    await c.query('DELETE FROM journal_cell WHERE school_id = $1 AND lesson_id = ANY($2::int[])', [opts.schoolId, ids]);
    await c.query(
      `UPDATE lesson SET cancelled = true, topic = '', homework = '', attendance_taken = false, first_entry_at = NULL, version = version + 1
       WHERE school_id = $1 AND id = ANY($2::int[])`,
      [opts.schoolId, ids],
    );

    // the plan's items in order onto the lessons not cancelled (the plan shifts after the cancelled ones)
    if (plan.rowCount) {
      await c.query(
        `WITH l AS (
           SELECT id, row_number() OVER (ORDER BY lesson_date, period, id) AS n FROM lesson
           WHERE school_id = $1 AND page_id = $2 AND NOT cancelled AND lesson_date BETWEEN $3 AND $4),
         i AS (SELECT id, row_number() OVER (ORDER BY position) AS n FROM plan_item WHERE school_id = $1 AND plan_id = $5)
         UPDATE lesson SET plan_item_id = i.id FROM l JOIN i ON i.n = l.n WHERE lesson.school_id = $1 AND lesson.id = l.id`,
        [opts.schoolId, p.id, s.startsOn, s.endsOn, plan.rows[0].id],
      );
    }
    return { pageId: p.id, cancelled: ids.length, planItems };
  });
}
