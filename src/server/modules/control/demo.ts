/**
 * Demo data of the control module, called with one line by the demo generator after the schools
 * are seeded: a few remarks in every state on the first school's pages (some on the demo
 * teacher's pages, so they reach that teacher's home), and the weekly reports of the last four
 * weeks, so the trend and the list of reports are not empty on a new demo (the weekly job fills in
 * the earlier weeks a few minutes after the server starts).
 */
import type { Database } from '../../db/database.js';
import { type Client, withSystem } from '../../db/tenancy.js';
import { addDays, previousWeek } from './period.js';
import { backfillWeeklyReports, prepareWeeklyReport } from './report.service.js';

interface DemoRemark {
  text: string;
  /** days before today: the check, the deadline (negative: in the future) */
  checked: number;
  deadline: number;
  /** the statuses it went through after 'open', each a day after the previous */
  path: ('acknowledged' | 'fixed' | 'closed' | 'open')[];
  ownPage: boolean;
}

const REMARKS: DemoRemark[] = [
  { text: 'Не записано зміст уроків за минулий тиждень. Заповніть теми відповідно до календарно-тематичного плану.', checked: 2, deadline: -5, path: [], ownPage: true },
  { text: 'Не виставлено тематичні оцінки за першу тему. Виставте оцінки всім учням класу.', checked: 9, deadline: -2, path: ['acknowledged'], ownPage: true },
  { text: 'Домашні завдання записано не до всіх уроків. Допишіть завдання до уроків без них.', checked: 16, deadline: 6, path: [], ownPage: false },
  { text: 'Кілька учнів не мають жодної поточної оцінки за останні тижні. Зверніть увагу на накопичуваність оцінок.', checked: 12, deadline: 3, path: ['acknowledged', 'fixed'], ownPage: false },
  { text: 'Однакова тема записана на кількох уроках поспіль. Уточніть зміст кожного уроку.', checked: 30, deadline: 23, path: ['acknowledged', 'fixed', 'closed'], ownPage: false },
  { text: 'Не відмічено присутність учнів на двох уроках.', checked: 26, deadline: 20, path: ['fixed', 'open'], ownPage: true },
];

async function pagesOf(c: Client, schoolId: number) {
  const r = await c.query<{ id: number; teacherId: number; own: boolean }>(
    `SELECT jp.id, jp.teacher_id AS "teacherId", u.login = 'teacher' AS own
     FROM journal_page jp JOIN app_user u ON u.id = jp.teacher_id
     JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
     WHERE jp.school_id = $1 AND jp.scale_code <> 'verbal'
     ORDER BY u.login = 'teacher' DESC, k.grade DESC, jp.id`,
    [schoolId],
  );
  return r.rows;
}

async function seedRemarks(c: Client, schoolId: number, today: string): Promise<number> {
  const controller = await c.query<{ userId: number }>(
    `SELECT user_id AS "userId" FROM staff_role WHERE school_id = $1 AND role IN ('controller', 'head') ORDER BY role = 'controller' DESC, user_id LIMIT 1`,
    [schoolId],
  );
  const pages = await pagesOf(c, schoolId);
  const own = pages.filter((p) => p.own);
  const others = pages.filter((p) => !p.own);
  if (!controller.rowCount || !pages.length) return 0;
  const author = controller.rows[0].userId;
  let n = 0;
  for (const [i, r] of REMARKS.entries()) {
    const page = (r.ownPage && own.length ? own[i % own.length] : others[(i * 7) % Math.max(others.length, 1)]) ?? pages[0];
    const checked = addDays(today, -r.checked);
    const status = r.path.at(-1) ?? 'open';
    const at = (day: string) => `${day} 15:${String(10 + i).padStart(2, '0')}:00+02`;
    const ins = await c.query<{ id: number }>(
      `INSERT INTO control_remark (school_id, page_id, author_id, checked_on, text, deadline, status, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [schoolId, page.id, author, checked, r.text, addDays(today, -r.deadline), status, r.path.length + 1, at(checked), at(addDays(checked, r.path.length))],
    );
    let from: string | null = null;
    const steps: ('open' | 'acknowledged' | 'fixed' | 'closed')[] = ['open', ...r.path];
    for (const [k, to] of steps.entries()) {
      const by = to === 'acknowledged' || to === 'fixed' ? page.teacherId : author;
      const note = to === 'fixed' ? 'Виправлено.' : to === 'open' && k > 0 ? 'Виправлено не повністю.' : '';
      await c.query(
        `INSERT INTO control_remark_event (school_id, remark_id, at, user_id, from_status, to_status, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [schoolId, ins.rows[0].id, at(addDays(checked, k)), by, from, to, note],
      );
      from = to;
    }
    n++;
  }
  return n;
}

/** Seeds the control demo of a school; its recent weekly reports are built without e-mail. */
export async function seedControlDemo(db: Database, opts: { schoolId: number; today: string }): Promise<{ remarks: number; reports: number }> {
  // the planner needs statistics for the report queries (PGlite never analyses by itself)
  await db.pool.query('ANALYZE');
  const remarks = await withSystem(db, (c) => seedRemarks(c, opts.schoolId, opts.today));
  const week = previousWeek(opts.today);
  const last = await prepareWeeklyReport(db, opts.schoolId, week, { email: false });
  const earlier = await backfillWeeklyReports(db, opts.schoolId, week, { maxWeeks: 3 });
  return { remarks, reports: earlier + (last.created ? 1 : 0) };
}
