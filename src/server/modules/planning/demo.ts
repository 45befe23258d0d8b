/**
 * Demo calendar-thematic plans, called with one line by the demo generator: the demo teacher's
 * first pages (12-point scale) get a plan of the current semester, made as a teacher would type
 * it in August: one item per lesson of the programme (a new topic and its first practice make
 * one item of two hours), units ending where the page's thematic columns stand, a test closing
 * each unit. The second page's plan runs two hours longer (or, with no room in the curriculum,
 * one item fewer) than its calendar, so the journal shows a disagreement.
 * Deterministic: the same data and today give the same plans.
 */
import type { Database } from '../../db/database.js';
import { type Client, withSystem } from '../../db/tenancy.js';
import { topicOf, topicsFor } from '../demo/topics.js';
import { allowanceOf } from './service.js';
import { remapPlan, thematicTitle } from './remap.js';

const PAGES = 2;
// the first follow-up lesson of a topic in demo/topics.ts
const FOLLOW_UP_FIRST = 'Закріплення';

interface DemoItem {
  topic: string;
  hours: number;
  kind: 'lesson' | 'test';
}

async function currentSemester(c: Client, schoolId: number, today: string) {
  const r = await c.query<{ yearId: number; startsOn: string; endsOn: string; number: number }>(
    `SELECT m.year_id AS "yearId", m.starts_on AS "startsOn", m.ends_on AS "endsOn", m.number FROM semester m
     JOIN school_year y ON y.school_id = m.school_id AND y.id = m.year_id AND y.status = 'open'
     WHERE m.school_id = $1 AND m.starts_on <= $2 ORDER BY ($2 <= m.ends_on) DESC, m.starts_on DESC LIMIT 1`,
    [schoolId, today],
  );
  return r.rows[0];
}

/** Items of one unit: a topic's first lesson and its follow-up practice make one item of two hours; "Контрольна…" topics are tests. */
function itemsOf(topics: string[]): DemoItem[] {
  const items: DemoItem[] = [];
  for (const topic of topics) {
    const last = items[items.length - 1];
    if (last && last.hours === 1 && topic === `${last.topic}. ${FOLLOW_UP_FIRST}`) last.hours++;
    else items.push({ topic, hours: 1, kind: /контрольна/i.test(topic) ? 'test' : 'lesson' });
  }
  return items;
}

export async function seedPlanningDemo(db: Database, opts: { schoolId: number; today: string }): Promise<{ pageIds: number[] }> {
  return withSystem(db, async (c) => {
    const s = await currentSemester(c, opts.schoolId, opts.today);
    if (!s) return { pageIds: [] };
    const pages = await c.query<{ id: number; teacherId: number; subject: string; grade: number }>(
      `SELECT jp.id, jp.teacher_id AS "teacherId", sj.name AS subject, k.grade::int AS grade FROM journal_page jp
       JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
       JOIN subject sj ON sj.school_id = jp.school_id AND sj.id = jp.subject_id
       JOIN app_user u ON u.id = jp.teacher_id
       WHERE jp.school_id = $1 AND jp.year_id = $2 AND u.login = 'teacher' AND jp.scale_code = 'points12'
         AND NOT EXISTS (SELECT 1 FROM lesson_plan lp WHERE lp.school_id = jp.school_id AND lp.page_id = jp.id)
       ORDER BY k.grade, k.letter, sj.name, jp.id LIMIT $3`,
      [opts.schoolId, s.yearId, PAGES],
    );
    const done: number[] = [];
    for (const [n, page] of pages.rows.entries()) {
      // the programme's topic of every lesson of the year; the semester's lessons take theirs
      const year = await c.query<{ date: string; cancelled: boolean; topic: string }>(
        `SELECT lesson_date AS date, cancelled, topic FROM lesson WHERE school_id = $1 AND page_id = $2 ORDER BY lesson_date, period, id`,
        [opts.schoolId, page.id],
      );
      const programme = topicsFor(page.subject, page.grade);
      const held = year.rows.map((l, k) => ({ ...l, planned: topicOf(programme, k, year.rows.length) })).filter((l) => !l.cancelled && l.date >= s.startsOn && l.date <= s.endsOn);
      if (!held.length) continue;
      const columns = await c.query<{ id: number; afterDate: string }>(
        `SELECT id, after_date AS "afterDate" FROM summary_column WHERE school_id = $1 AND page_id = $2 AND kind = 'thematic' AND semester = $3 AND after_date IS NOT NULL ORDER BY after_date, id`,
        [opts.schoolId, page.id, s.number],
      );
      const bounds = columns.rows.length ? columns.rows : [{ id: null, afterDate: s.endsOn }];
      const units = bounds.map((col, i) => {
        const from = i === 0 ? '' : bounds[i - 1].afterDate;
        const topics = held.filter((l) => l.date > from && (l.date <= col.afterDate || i === bounds.length - 1)).map((l) => (/контрольна/i.test(l.topic) ? l.topic : l.planned));
        const items = itemsOf(topics);
        if (items.length > 1 && items[items.length - 1].kind !== 'test') items[items.length - 1] = { topic: 'Тематична контрольна робота', hours: 1, kind: 'test' };
        return { columnId: col.id, title: `Розділ ${i + 1}. ${items[0]?.topic ?? ''}`, items };
      });
      const allowance = await allowanceOf(c, opts.schoolId, page.id, s.yearId, s);
      const planned = units.reduce((h, u) => h + u.items.reduce((x, i) => x + i.hours, 0), 0);
      if (n === 1) {
        const last = units[units.length - 1].items;
        if (planned + 2 <= allowance.maxHours) last.push({ topic: 'Повторення та узагальнення за семестр', hours: 2, kind: 'lesson' });
        // no room in the curriculum: the plan ends two hours early instead
        else if (last.length > 2) last.splice(last.length - 3, 1);
      }

      const plan = await c.query<{ id: number }>(
        `INSERT INTO lesson_plan (school_id, page_id, semester, source, created_by, updated_by) VALUES ($1, $2, $3, 'import', $4, $4) RETURNING id`,
        [opts.schoolId, page.id, s.number, page.teacherId],
      );
      let position = 0;
      for (const [i, unit] of units.entries()) {
        if (!unit.items.length) continue;
        const u = await c.query<{ id: number }>(
          'INSERT INTO plan_unit (school_id, plan_id, position, title, column_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
          [opts.schoolId, plan.rows[0].id, i + 1, unit.title, unit.columnId],
        );
        for (const item of unit.items) {
          await c.query('INSERT INTO plan_item (school_id, plan_id, unit_id, position, topic, hours, kind) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
            opts.schoolId,
            plan.rows[0].id,
            u.rows[0].id,
            ++position,
            item.topic,
            item.hours,
            item.kind,
          ]);
        }
        if (unit.columnId) await c.query('UPDATE summary_column SET title = $3 WHERE school_id = $1 AND id = $2', [opts.schoolId, unit.columnId, thematicTitle(unit.title)]);
      }
      // the lessons the teacher has not written up yet take the plan's topics, as after an import by the teacher
      await c.query(`SELECT set_config('app.user_id', $1, true)`, [String(page.teacherId)]);
      await remapPlan(c, opts.schoolId, page.id, s.number);
      done.push(page.id);
    }
    return { pageIds: done };
  });
}
