/**
 * Bulk loading with the foreign-key triggers off, then one set-based check instead.
 *
 * Row-by-row foreign-key checks cost about three quarters of the insert time of journal cells
 * (each is a lookup and a row lock). A superuser may turn them off for the transaction with
 * session_replication_role = replica, as pg_restore --disable-triggers does; the generator
 * then proves the same references with anti-joins over the school's rows before committing,
 * so a bug still rolls the school back. Without superuser rights the triggers stay on.
 * Note that replica mode skips every ordinary trigger on these tables, not only foreign keys.
 */
import type { Client } from '../../db/tenancy.js';

export async function skipTriggersIfAllowed(c: Client): Promise<boolean> {
  const r = await c.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
  if (!r.rows[0]?.rolsuper) return false;
  await c.query('SET LOCAL session_replication_role = replica');
  return true;
}

// [child table, child columns, parent table, parent columns]
const REFERENCES: [string, string, string, string][] = [
  ['lesson', 'page_id', 'journal_page', 'id'],
  ['journal_cell', 'lesson_id', 'lesson', 'id'],
  ['journal_cell', 'pupil_id', 'pupil', 'id'],
  ['summary_column', 'page_id', 'journal_page', 'id'],
  ['summary_mark', 'column_id', 'summary_column', 'id'],
  ['summary_mark', 'pupil_id', 'pupil', 'id'],
  ['journal_change', 'page_id', 'journal_page', 'id'],
  ['absence_reason', 'pupil_id', 'pupil', 'id'],
];
// columns pointing at app_user (not school-owned)
const USER_REFERENCES: [string, string][] = [
  ['lesson', 'updated_by'], ['journal_cell', 'updated_by'], ['summary_mark', 'updated_by'],
  ['journal_change', 'user_id'], ['journal_change', 'reviewed_by'], ['absence_reason', 'recorded_by'],
];

/** Turns the triggers back on and throws if any journal row of the school points nowhere. */
export async function verifyReferences(c: Client, schoolId: number): Promise<void> {
  await c.query('SET LOCAL session_replication_role = origin');
  const checks = [
    ...REFERENCES.map(([t, col, parent, pcol]) =>
      `SELECT '${t}.${col}' AS ref, count(*) AS n FROM ${t} x WHERE x.school_id = $1 AND NOT EXISTS (SELECT 1 FROM ${parent} p WHERE p.school_id = x.school_id AND p.${pcol} = x.${col})`),
    ...USER_REFERENCES.map(([t, col]) =>
      `SELECT '${t}.${col}', count(*) FROM ${t} x WHERE x.school_id = $1 AND x.${col} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = x.${col})`),
  ];
  const r = await c.query(checks.join(' UNION ALL '), [schoolId]);
  const broken = r.rows.filter((row) => Number(row.n) > 0).map((row) => `${row.ref}: ${row.n}`);
  if (broken.length) throw new Error(`seedDemo: broken references in school ${schoolId}: ${broken.join(', ')}`);
}
