/**
 * Demo data of announcements, called with one line by the demo generator after the schools are
 * seeded: a school-wide announcement from the head and one from the class teacher of 5-А to the
 * class, a few days back, some already read, so the family's home and the receipts are not empty.
 * They count as e-mailed already: a new demo sends nothing.
 */
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';

const SCHOOL_NOTICE = {
  title: 'Графік роботи шкільної бібліотеки',
  body: 'Шановні батьки та учні! Шкільна бібліотека працює щодня з 8:30 до 16:00, у п’ятницю — до 14:00. Підручники можна обміняти в бібліотеці протягом першого тижня кожного семестру.',
};
const CLASS_NOTICE = {
  title: 'Батьківські збори 5-А',
  body: 'Шановні батьки! Запрошую на батьківські збори в четвер о 18:00 у кабінеті класу. Поговоримо про підсумки семестру, екскурсію та харчування. Прошу підтвердити участь.',
};

/** Announcements of the first school (days back from today), with receipts from every other family of 5-А. */
export async function seedNoticesDemo(db: Database, opts: { schoolId: number; today: string }): Promise<{ announcements: number }> {
  return withSystem(db, async (c) => {
    const head = await c.query(`SELECT user_id FROM staff_role WHERE school_id = $1 AND role = 'head' ORDER BY user_id LIMIT 1`, [opts.schoolId]);
    const cls = await c.query(
      `SELECT k.id, k.class_teacher_id FROM school_class k JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id AND y.status = 'open'
       WHERE k.school_id = $1 AND k.grade = 5 AND k.letter = 'А' AND k.class_teacher_id IS NOT NULL`,
      [opts.schoolId],
    );
    let count = 0;
    const at = (daysBack: number, hour: number) => `${shift(opts.today, -daysBack)}T${String(hour).padStart(2, '0')}:15:00+02:00`;
    if (head.rowCount) {
      await c.query(
        `INSERT INTO announcement (school_id, author_id, audience, title, body, created_at, notified_at) VALUES ($1, $2, 'school', $3, $4, $5, $5)`,
        [opts.schoolId, head.rows[0].user_id, SCHOOL_NOTICE.title, SCHOOL_NOTICE.body, at(6, 10)],
      );
      count++;
    }
    if (cls.rowCount) {
      const { id: classId, class_teacher_id: author } = cls.rows[0];
      const a = await c.query(
        `INSERT INTO announcement (school_id, author_id, audience, class_id, title, body, created_at, notified_at)
         VALUES ($1, $2, 'class', $3, $4, $5, $6, $6) RETURNING id, created_at`,
        [opts.schoolId, author, classId, CLASS_NOTICE.title, CLASS_NOTICE.body, at(2, 16)],
      );
      count++;
      // every other parent with an account has read it (the demo parent has not: it shows as new)
      await c.query(
        `INSERT INTO announcement_receipt (school_id, announcement_id, user_id, read_at)
         SELECT $1, $2, x.user_id, $3::timestamptz + make_interval(mins => (row_number() OVER (ORDER BY x.user_id))::int * 7)
         FROM (SELECT DISTINCT g.user_id
               FROM enrollment e
               JOIN pupil_guardian pg ON pg.school_id = e.school_id AND pg.pupil_id = e.pupil_id
               JOIN guardian g ON g.school_id = pg.school_id AND g.id = pg.guardian_id AND g.user_id IS NOT NULL
               JOIN app_user u ON u.id = g.user_id AND u.login <> 'parent'
               WHERE e.school_id = $1 AND e.class_id = $4 AND e.pupil_id % 2 = 0) x`,
        [opts.schoolId, a.rows[0].id, a.rows[0].created_at, classId],
      );
    }
    return { announcements: count };
  });
}

/** YYYY-MM-DD moved by days. */
function shift(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
