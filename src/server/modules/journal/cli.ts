import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';

/**
 * `journal tentative --school ID`: how many pencil (tentative) marks each page still has and the
 * oldest lesson they are in. Counts only, never the values: before a year is closed, whatever is
 * left in pencil is not in the journal (nor in its archive).
 */
export async function tentativeFromCli(db: Database, o: { sub?: string; schoolId: number }, print: (line: string) => void): Promise<number> {
  if (o.sub !== 'tentative') {
    print('journal tentative --school ID');
    return 1;
  }
  if (!Number.isInteger(o.schoolId) || o.schoolId <= 0) {
    print('--school ID is required');
    return 1;
  }
  const rows = await withSystem(db, async (c) => {
    const r = await c.query<{ page: string; teacher: string | null; n: number; oldest: string }>(
      `SELECT k.grade || '-' || k.letter || ' ' || s.name || COALESCE(' (' || g.name || ')', '') AS page,
              trim(u.last_name || ' ' || u.first_name) AS teacher, count(*)::int AS n, min(l.lesson_date)::text AS oldest
       FROM journal_cell jc
       JOIN lesson l ON l.school_id = jc.school_id AND l.id = jc.lesson_id
       JOIN journal_page jp ON jp.school_id = l.school_id AND jp.id = l.page_id
       JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
       JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
       LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
       LEFT JOIN app_user u ON u.id = jp.teacher_id
       WHERE jc.school_id = $1 AND jc.tentative
       GROUP BY jp.id, k.grade, k.letter, s.name, g.name, u.last_name, u.first_name`,
      [o.schoolId],
    );
    return r.rows;
  });
  const collator = new Intl.Collator('uk', { numeric: true });
  rows.sort((a, b) => collator.compare(a.page, b.page));
  print(rows.length ? `Pencil marks not confirmed yet: ${rows.reduce((sum, r) => sum + r.n, 0)} on ${rows.length} pages` : 'No pencil marks: every mark is confirmed.');
  for (const r of rows) print(`${String(r.n).padStart(5)}  since ${r.oldest}  ${r.page}${r.teacher ? ` · ${r.teacher}` : ''}`);
  return 0;
}
