import type { TDestructionAct, TRetentionItem } from '../../../../shared/api/retention.js';
import type { Client } from '../../../db/tenancy.js';

const ITEM_COLUMNS = `f.archive_id AS "archiveId", y.name AS "yearName", a.version, f.path, f.kind,
  CASE WHEN k.id IS NULL THEN NULL ELSE k.grade || '-' || k.letter END AS "classLabel",
  f.bytes::float AS bytes, f.sha256, f.retention_years AS "retentionYears", f.retain_until::text AS "retainUntil"`;

const ITEM_FROM = `archive_file f
  JOIN archive a ON a.school_id = f.school_id AND a.id = f.archive_id
  JOIN school_year y ON y.school_id = a.school_id AND y.id = a.year_id
  LEFT JOIN school_class k ON k.school_id = f.school_id AND k.id = f.class_id`;

/** Files of built archives whose retention ended before `today` and that are still kept. */
export async function expiredFiles(c: Client, schoolId: number, today: string): Promise<TRetentionItem[]> {
  const r = await c.query(
    `SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM}
     WHERE f.school_id = $1 AND a.status = 'built' AND f.destroyed_act_id IS NULL AND f.retain_until < $2
     ORDER BY f.retain_until, y.starts_on, a.version, f.path`,
    [schoolId, today],
  );
  return r.rows;
}

/** How many kept files expire within a year from `today`, and the next date any does. */
export async function upcoming(c: Client, schoolId: number, today: string) {
  const r = await c.query(
    `SELECT count(*) FILTER (WHERE f.retain_until < ($2::date + 365))::int AS soon, min(f.retain_until)::text AS next
     FROM archive_file f JOIN archive a ON a.school_id = f.school_id AND a.id = f.archive_id
     WHERE f.school_id = $1 AND a.status = 'built' AND f.destroyed_act_id IS NULL AND f.retain_until >= $2`,
    [schoolId, today],
  );
  return r.rows[0] as { soon: number; next: string | null };
}

/** Locks the named files and returns those that exist, are kept and have expired. */
export async function lockExpired(c: Client, schoolId: number, today: string, files: { archiveId: number; path: string }[]) {
  const r = await c.query(
    `SELECT f.archive_id AS "archiveId", f.path, f.bytes::float AS bytes, a.dir
     FROM archive_file f JOIN archive a ON a.school_id = f.school_id AND a.id = f.archive_id
     JOIN unnest($3::int[], $4::text[]) AS w(archive_id, path) ON w.archive_id = f.archive_id AND w.path = f.path
     WHERE f.school_id = $1 AND a.status = 'built' AND f.destroyed_act_id IS NULL AND f.retain_until < $2
     FOR UPDATE OF f`,
    [schoolId, today, files.map((x) => x.archiveId), files.map((x) => x.path)],
  );
  return r.rows as { archiveId: number; path: string; bytes: number; dir: string }[];
}

export async function insertAct(c: Client, schoolId: number, a: { reason: string; userId: number; today: string; files: number; bytes: number }): Promise<{ id: number; number: number }> {
  // one act at a time per school: the number follows the last one
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1), $2)', ['archive_destruction_act', schoolId]);
  const r = await c.query(
    `INSERT INTO archive_destruction_act (school_id, number, reason, approved_by, approved_on, files, bytes)
     VALUES ($1, COALESCE((SELECT max(number) FROM archive_destruction_act WHERE school_id = $1), 0) + 1, $2, $3, $4, $5, $6)
     RETURNING id, number`,
    [schoolId, a.reason, a.userId, a.today, a.files, a.bytes],
  );
  return r.rows[0];
}

export async function markDestroyed(c: Client, schoolId: number, actId: number, files: { archiveId: number; path: string }[]): Promise<number> {
  const r = await c.query(
    `UPDATE archive_file f SET destroyed_act_id = $2, destroyed_at = now()
     FROM unnest($3::int[], $4::text[]) AS w(archive_id, path)
     WHERE f.school_id = $1 AND f.archive_id = w.archive_id AND f.path = w.path`,
    [schoolId, actId, files.map((x) => x.archiveId), files.map((x) => x.path)],
  );
  return r.rowCount ?? 0;
}

/** Files an approved act destroyed (their retention over), with their archive's folder: what must be gone from the storage. */
export async function destroyedFiles(c: Client, schoolId: number, today: string) {
  const r = await c.query(
    `SELECT a.dir, f.path, f.sha256, d.number AS act, d.approved_on::text AS "approvedOn"
     FROM archive_file f JOIN archive a ON a.school_id = f.school_id AND a.id = f.archive_id
     JOIN archive_destruction_act d ON d.school_id = f.school_id AND d.id = f.destroyed_act_id
     WHERE f.school_id = $1 AND f.retain_until < $2`,
    [schoolId, today],
  );
  return r.rows as { dir: string; path: string; sha256: string; act: number; approvedOn: string }[];
}

export async function schoolName(c: Client, schoolId: number): Promise<string> {
  return (await c.query('SELECT name FROM school WHERE id = $1', [schoolId])).rows[0].name;
}

export async function setActPdf(c: Client, schoolId: number, actId: number, path: string, sha256: string): Promise<void> {
  await c.query('UPDATE archive_destruction_act SET pdf_path = $3, pdf_sha256 = $4 WHERE school_id = $1 AND id = $2', [schoolId, actId, path, sha256]);
}

/** The school's acts, newest first, each with what it destroyed. */
export async function acts(c: Client, schoolId: number, actId?: number): Promise<(TDestructionAct & { pdfPath: string | null })[]> {
  const r = await c.query(
    `SELECT d.id, d.number, d.reason, trim(u.last_name || ' ' || u.first_name) AS "approvedBy", d.approved_on::text AS "approvedOn",
            d.approved_at AS "approvedAt", d.files, d.bytes::float AS bytes, d.pdf_sha256 AS "pdfSha256", d.pdf_path AS "pdfPath",
            COALESCE((SELECT json_agg(json_build_object(
                'archiveId', f.archive_id, 'yearName', y.name, 'version', a.version, 'path', f.path, 'kind', f.kind,
                'classLabel', CASE WHEN k.id IS NULL THEN NULL ELSE k.grade || '-' || k.letter END,
                'bytes', f.bytes, 'sha256', f.sha256, 'retentionYears', f.retention_years, 'retainUntil', f.retain_until::text,
                'manifestSha256', a.manifest_sha256) ORDER BY y.starts_on, a.version, f.path)
              FROM ${ITEM_FROM} WHERE f.school_id = d.school_id AND f.destroyed_act_id = d.id), '[]') AS items
     FROM archive_destruction_act d JOIN app_user u ON u.id = d.approved_by
     WHERE d.school_id = $1 AND ($2::int IS NULL OR d.id = $2) ORDER BY d.number DESC`,
    [schoolId, actId ?? null],
  );
  return r.rows.map((x) => ({ ...x, approvedAt: new Date(x.approvedAt).toISOString() }));
}

/** Schools with kept files whose retention has ended, with their heads' e-mails (for the weekly notice). */
export async function schoolsWithExpired(c: Client, today: string) {
  const r = await c.query(
    `SELECT f.school_id AS "schoolId", s.name AS "schoolName", count(*)::int AS files,
            COALESCE((SELECT array_agg(DISTINCT u.email) FROM staff_role sr JOIN staff st ON st.school_id = sr.school_id AND st.user_id = sr.user_id AND st.active
                      JOIN app_user u ON u.id = sr.user_id WHERE sr.school_id = f.school_id AND sr.role = 'head' AND u.email IS NOT NULL), '{}') AS emails
     FROM archive_file f JOIN archive a ON a.school_id = f.school_id AND a.id = f.archive_id JOIN school s ON s.id = f.school_id
     WHERE a.status = 'built' AND f.destroyed_act_id IS NULL AND f.retain_until < $1
     GROUP BY f.school_id, s.name ORDER BY f.school_id`,
    [today],
  );
  return r.rows as { schoolId: number; schoolName: string; files: number; emails: string[] }[];
}
