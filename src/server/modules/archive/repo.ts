import type { Client } from '../../db/tenancy.js';

export interface ArchiveRow {
  id: number;
  yearId: number;
  yearName: string;
  version: number;
  status: 'building' | 'built' | 'failed';
  dir: string;
  jobId: number | null;
  manifestSha256: string | null;
  files: number;
  bytes: number;
  pdfPages: number;
  createdBy: number;
  createdAt: string;
  builtAt: string | null;
  error: string | null;
  retainUntil: string | null;
}

const ARCHIVE_COLUMNS = `a.id, a.year_id AS "yearId", y.name AS "yearName", a.version, a.status, a.dir, a.job_id AS "jobId",
  a.manifest_sha256 AS "manifestSha256", a.files, a.bytes, a.pdf_pages AS "pdfPages", a.created_by AS "createdBy",
  a.created_at AS "createdAt", a.built_at AS "builtAt", a.error,
  (SELECT max(f.retain_until) FROM archive_file f WHERE f.school_id = a.school_id AND f.archive_id = a.id) AS "retainUntil"`;

export async function archives(c: Client, schoolId: number): Promise<ArchiveRow[]> {
  const r = await c.query(
    `SELECT ${ARCHIVE_COLUMNS} FROM archive a JOIN school_year y ON y.school_id = a.school_id AND y.id = a.year_id
     WHERE a.school_id = $1 ORDER BY y.starts_on DESC, a.version DESC`,
    [schoolId],
  );
  return r.rows;
}

export async function archive(c: Client, schoolId: number, archiveId: number, lock = false): Promise<ArchiveRow | undefined> {
  const r = await c.query(
    `SELECT ${ARCHIVE_COLUMNS} FROM archive a JOIN school_year y ON y.school_id = a.school_id AND y.id = a.year_id
     WHERE a.school_id = $1 AND a.id = $2 ${lock ? 'FOR UPDATE OF a' : ''}`,
    [schoolId, archiveId],
  );
  return r.rows[0];
}

export async function latestArchiveOfYear(c: Client, schoolId: number, yearId: number) {
  const r = await c.query(
    `SELECT a.id, a.version, a.status, (SELECT count(*)::int FROM archive_signature s WHERE s.school_id = a.school_id AND s.archive_id = a.id) AS signatures,
            (SELECT max(e.at) FROM school_year_event e WHERE e.school_id = a.school_id AND e.year_id = a.year_id AND e.action = 'close') > a.created_at AS "closedSince"
     FROM archive a WHERE a.school_id = $1 AND a.year_id = $2 ORDER BY a.version DESC LIMIT 1`,
    [schoolId, yearId],
  );
  return r.rows[0] as { id: number; version: number; status: string; signatures: number; closedSince: boolean | null } | undefined;
}

export async function insertArchive(c: Client, schoolId: number, a: { yearId: number; version: number; dir: string; userId: number }): Promise<number> {
  const r = await c.query('INSERT INTO archive (school_id, year_id, version, dir, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
    schoolId,
    a.yearId,
    a.version,
    a.dir,
    a.userId,
  ]);
  return r.rows[0].id;
}

export async function setArchiveJob(c: Client, schoolId: number, archiveId: number, jobId: number | null): Promise<void> {
  await c.query('UPDATE archive SET job_id = $3 WHERE school_id = $1 AND id = $2', [schoolId, archiveId, jobId]);
}

export async function restartArchive(c: Client, schoolId: number, archiveId: number): Promise<void> {
  await c.query(`UPDATE archive SET status = 'building', error = NULL WHERE school_id = $1 AND id = $2`, [schoolId, archiveId]);
}

export async function finishArchive(c: Client, schoolId: number, archiveId: number, x: { manifestSha256: string; files: number; bytes: number; pdfPages: number }) {
  await c.query(
    `UPDATE archive SET status = 'built', manifest_sha256 = $3, files = $4, bytes = $5, pdf_pages = $6, built_at = now(), error = NULL
     WHERE school_id = $1 AND id = $2`,
    [schoolId, archiveId, x.manifestSha256, x.files, x.bytes, x.pdfPages],
  );
}

export async function failArchive(c: Client, schoolId: number, archiveId: number, error: string): Promise<void> {
  await c.query(`UPDATE archive SET status = 'failed', error = $3 WHERE school_id = $1 AND id = $2`, [schoolId, archiveId, error.slice(0, 1000)]);
}

export interface FileRow {
  path: string;
  kind: string;
  classId: number | null;
  classLabel?: string | null;
  sha256: string;
  bytes: number;
  pdfPages: number;
  retentionYears: number;
  retainUntil: string;
  chainHead: string | null;
  /** the act that destroyed the file after its retention ended */
  destroyedActId?: number | null;
}

export async function files(c: Client, schoolId: number, archiveId: number): Promise<FileRow[]> {
  const r = await c.query(
    `SELECT f.path, f.kind, f.class_id AS "classId", CASE WHEN k.id IS NULL THEN NULL ELSE k.grade || '-' || k.letter END AS "classLabel",
            f.sha256, f.bytes, f.pdf_pages AS "pdfPages", f.retention_years AS "retentionYears", f.retain_until AS "retainUntil", f.chain_head AS "chainHead",
            f.destroyed_act_id AS "destroyedActId"
     FROM archive_file f LEFT JOIN school_class k ON k.school_id = f.school_id AND k.id = f.class_id
     WHERE f.school_id = $1 AND f.archive_id = $2 ORDER BY f.path`,
    [schoolId, archiveId],
  );
  return r.rows;
}

export async function recordFile(c: Client, schoolId: number, archiveId: number, f: FileRow): Promise<void> {
  await c.query(
    `INSERT INTO archive_file (school_id, archive_id, path, kind, class_id, sha256, bytes, pdf_pages, retention_years, retain_until, chain_head)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (school_id, archive_id, path) DO UPDATE SET sha256 = excluded.sha256, bytes = excluded.bytes, pdf_pages = excluded.pdf_pages,
       retention_years = excluded.retention_years, retain_until = excluded.retain_until, chain_head = excluded.chain_head, written_at = now()`,
    [schoolId, archiveId, f.path, f.kind, f.classId, f.sha256, f.bytes, f.pdfPages, f.retentionYears, f.retainUntil, f.chainHead],
  );
}

export async function signatures(c: Client, schoolId: number, archiveId?: number) {
  const r = await c.query(
    `SELECT s.archive_id AS "archiveId", s.id, s.method, s.file, s.signer, s.issuer, s.serial, s.signing_time AS "signingTime", s.algorithm,
            s.cert_not_after AS "certNotAfter", trim(u.last_name || ' ' || u.first_name) AS user, s.at
     FROM archive_signature s JOIN app_user u ON u.id = s.user_id
     WHERE s.school_id = $1 AND ($2::int IS NULL OR s.archive_id = $2) ORDER BY s.id`,
    [schoolId, archiveId ?? null],
  );
  return r.rows;
}

export async function insertSignature(
  c: Client,
  schoolId: number,
  s: { archiveId: number; method: 'pkcs12' | 'upload'; file: string; sha256: string; signer: string; issuer: string; serial: string; signingTime: Date | null; algorithm: string; certNotAfter: Date | null; userId: number },
): Promise<number> {
  const r = await c.query(
    `INSERT INTO archive_signature (school_id, archive_id, method, file, sha256, signer, issuer, serial, signing_time, algorithm, cert_not_after, user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [schoolId, s.archiveId, s.method, s.file, s.sha256, s.signer, s.issuer, s.serial, s.signingTime, s.algorithm, s.certNotAfter, s.userId],
  );
  return r.rows[0].id;
}
