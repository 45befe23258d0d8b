import type { Client } from '../../../db/tenancy.js';

export interface BatchRow {
  id: number;
  kind: 'pupils' | 'staff';
  fileName: string;
  fileHash: string;
  content: Buffer | null;
  status: 'previewed' | 'committed';
  createdBy: number | null;
  committedAt: string | null;
  result: Record<string, unknown> | null;
}

const BATCH_SELECT = `SELECT id, kind, file_name AS "fileName", file_hash AS "fileHash", content, status, created_by AS "createdBy",
  to_char(committed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "committedAt", result FROM import_batch`;

export async function insertBatch(
  c: Client,
  schoolId: number,
  b: { kind: string; fileName: string; fileHash: string; content: Buffer; rowCount: number; createdBy: number | null },
): Promise<number> {
  // previews nobody committed within a day are dropped with their files
  await c.query(`DELETE FROM import_batch WHERE school_id = $1 AND status = 'previewed' AND created_at < now() - interval '1 day'`, [schoolId]);
  const r = await c.query(
    `INSERT INTO import_batch (school_id, kind, file_name, file_hash, content, row_count, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [schoolId, b.kind, b.fileName, b.fileHash, b.content, b.rowCount, b.createdBy],
  );
  return r.rows[0].id;
}

export async function findBatch(c: Client, schoolId: number, id: number, lock = false): Promise<BatchRow | undefined> {
  const r = await c.query(`${BATCH_SELECT} WHERE school_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [schoolId, id]);
  return r.rows[0];
}

/** The committed import of the same file (same kind and SHA-256), if any. */
export async function committedWithHash(c: Client, schoolId: number, kind: string, hash: string): Promise<BatchRow | undefined> {
  const r = await c.query(`${BATCH_SELECT} WHERE school_id = $1 AND kind = $2 AND file_hash = $3 AND status = 'committed'`, [schoolId, kind, hash]);
  return r.rows[0];
}

export async function markCommitted(c: Client, schoolId: number, id: number, result: unknown): Promise<void> {
  await c.query(
    `UPDATE import_batch SET status = 'committed', committed_at = now(), result = $3, content = NULL WHERE school_id = $1 AND id = $2`,
    [schoolId, id, JSON.stringify(result)],
  );
}

export async function listBatches(c: Client, schoolId: number) {
  const r = await c.query(
    `SELECT b.id, b.kind, b.file_name AS "fileName", b.status, b.row_count AS rows,
            to_char(b.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
            to_char(b.committed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "committedAt",
            COALESCE(trim(u.last_name || ' ' || u.first_name), 'CLI') AS by
     FROM import_batch b LEFT JOIN app_user u ON u.id = b.created_by
     WHERE b.school_id = $1 ORDER BY b.created_at DESC, b.id DESC LIMIT 50`,
    [schoolId],
  );
  return r.rows;
}

/** Classes of a year with their labels. */
export async function yearClassLabels(c: Client, schoolId: number, yearId: number): Promise<{ id: number; label: string }[]> {
  const r = await c.query(`SELECT id, grade || '-' || letter AS label FROM school_class WHERE school_id = $1 AND year_id = $2`, [schoolId, yearId]);
  return r.rows;
}

/** Every pupil of the school with the classes of the year they were in (by arrival). */
export async function pupilsForMatching(c: Client, schoolId: number, yearId: number) {
  const r = await c.query(
    `SELECT p.id, p.last_name AS "lastName", p.first_name AS "firstName", p.middle_name AS "middleName", p.birth_date AS "birthDate",
            COALESCE(array_agg(e.class_id ORDER BY e.from_date) FILTER (WHERE e.class_id IS NOT NULL), ARRAY[]::int[]) AS "classIds"
     FROM pupil p
     LEFT JOIN (SELECT e.school_id, e.pupil_id, e.class_id, e.from_date FROM enrollment e
                JOIN school_class k ON k.school_id = e.school_id AND k.id = e.class_id AND k.year_id = $2
                WHERE e.school_id = $1) e ON e.school_id = p.school_id AND e.pupil_id = p.id
     WHERE p.school_id = $1
     GROUP BY p.school_id, p.id`,
    [schoolId, yearId],
  );
  return r.rows as { id: number; lastName: string; firstName: string; middleName: string; birthDate: string | null; classIds: number[] }[];
}

export async function guardiansForMatching(c: Client, schoolId: number) {
  const r = await c.query(
    `SELECT g.id, g.last_name AS "lastName", g.first_name AS "firstName", g.middle_name AS "middleName", g.phone,
            COALESCE(array_agg(pg2.pupil_id) FILTER (WHERE pg2.pupil_id IS NOT NULL), ARRAY[]::int[]) AS "pupilIds"
     FROM guardian g LEFT JOIN pupil_guardian pg2 ON pg2.school_id = g.school_id AND pg2.guardian_id = g.id
     WHERE g.school_id = $1
     GROUP BY g.school_id, g.id`,
    [schoolId],
  );
  return r.rows as { id: number; lastName: string; firstName: string; middleName: string; phone: string; pupilIds: number[] }[];
}
