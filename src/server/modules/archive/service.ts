import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { Readable } from 'node:stream';
import { ARCHIVE_PROBLEMS, type TArchive, type TArchiveFile, type TArchiveList, type TSignatureInfo, type TVerifyReport } from '../../../shared/api/archive.js';
import { formatMessage, type Lang } from '../../../shared/errors.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, withSchool, withSystem } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { enqueueJob, getJob } from '../../jobs/queue.js';
import { DESTROYED_FILE, MANIFEST_FILE } from './build/manifest.js';
import * as repo from './repo.js';
import { normalizeSignature } from './signing/cms.js';
import { Pkcs12Signer, type SignatureCheck, verifyDetached } from './signing/signer.js';
import { anchorsForSchool } from './trust/trust.service.js';
import { folderSource, isSignatureFile, verifyArchive, zipSource } from './verify.js';
import { zipFolder } from './zip.js';

export const ARCHIVE_JOB = 'archive.build';

export interface ArchiveConfig {
  archiveDir: string;
  retention: { journalYears: number; summaryYears: number };
  /** TRUSTED_CA_DIR: the folder of trusted CA certificates */
  trustedCaDir?: string;
  /** ATTACHMENTS_DIR: attachments kept in a folder are archived from there */
  attachmentsDir?: string;
}

const iso = (v: string | Date | null) => (v ? new Date(v).toISOString() : null);

function toSignature(s: Awaited<ReturnType<typeof repo.signatures>>[number]): TSignatureInfo {
  return { ...s, signingTime: iso(s.signingTime), certNotAfter: iso(s.certNotAfter), at: iso(s.at)! };
}

async function toArchive(db: Database, a: repo.ArchiveRow, sigs: TSignatureInfo[]): Promise<TArchive> {
  const job = a.status === 'building' && a.jobId ? await getJob(db, a.jobId) : null;
  return {
    id: a.id,
    yearId: a.yearId,
    yearName: a.yearName,
    version: a.version,
    status: a.status,
    files: a.files,
    bytes: Number(a.bytes),
    pdfPages: a.pdfPages,
    manifestSha256: a.manifestSha256,
    createdAt: iso(a.createdAt)!,
    builtAt: iso(a.builtAt),
    error: a.error,
    progress: job?.progress ?? null,
    retainUntil: a.retainUntil,
    signatures: sigs,
  };
}

/** The school's years (closed ones can be archived) and its archives with build progress and signatures. */
export async function listArchives(db: Database, ctx: TenantContext): Promise<TArchiveList> {
  const { years, archives, sigs } = await withSchool(db, ctx, async (c) => ({
    years: (await c.query('SELECT id, name, status FROM school_year WHERE school_id = $1 ORDER BY starts_on DESC', [ctx.schoolId])).rows,
    archives: await repo.archives(c, ctx.schoolId),
    sigs: await repo.signatures(c, ctx.schoolId),
  }));
  const out: TArchive[] = [];
  for (const a of archives) out.push(await toArchive(db, a, sigs.filter((s) => s.archiveId === a.id).map(toSignature)));
  return { years, archives: out };
}

async function requireArchive(c: Client, schoolId: number, archiveId: number, lock = false): Promise<repo.ArchiveRow> {
  const a = await repo.archive(c, schoolId, archiveId, lock);
  if (!a) throw new AppError('not_found');
  return a;
}

export async function getArchive(db: Database, ctx: TenantContext, archiveId: number): Promise<TArchive> {
  const { a, sigs } = await withSchool(db, ctx, async (c) => ({ a: await requireArchive(c, ctx.schoolId, archiveId), sigs: await repo.signatures(c, ctx.schoolId, archiveId) }));
  return toArchive(db, a, sigs.map(toSignature));
}

/**
 * Starts building the archive of a closed year in the background. A build already running is
 * refused; a failed one resumes; a built one is returned as it is. Once the year has been
 * closed again after an archive was started, a new version is built instead.
 */
export async function startBuild(db: Database, ctx: TenantContext, yearId: number): Promise<TArchive> {
  const started = await withSchool(db, ctx, async (c) => {
    const y = (await c.query('SELECT name, status FROM school_year WHERE school_id = $1 AND id = $2 FOR UPDATE', [ctx.schoolId, yearId])).rows[0];
    if (!y) throw new AppError('not_found');
    if (y.status !== 'closed') throw new AppError('year_not_closed');
    const latest = await repo.latestArchiveOfYear(c, ctx.schoolId, yearId);
    if (latest?.status === 'building') throw new AppError('archive_busy');
    if (latest?.status === 'built' && !latest.closedSince) return { archiveId: latest.id, enqueue: false };
    if (latest?.status === 'failed' && !latest.closedSince) {
      await repo.restartArchive(c, ctx.schoolId, latest.id);
      return { archiveId: latest.id, enqueue: true };
    }
    const version = (latest?.version ?? 0) + 1;
    const dir = `${ctx.schoolId}/${String(y.name).replace(/[^\p{L}\p{N}-]+/gu, '-')}-v${version}`;
    return { archiveId: await repo.insertArchive(c, ctx.schoolId, { yearId, version, dir, userId: ctx.userId }), enqueue: true };
  });
  if (started.enqueue) {
    // the job table belongs to the owner role: queued after the archive row is committed
    await withSystem(db, async (c) => {
      const jobId = await enqueueJob(c, { kind: ARCHIVE_JOB, schoolId: ctx.schoolId, payload: { schoolId: ctx.schoolId, archiveId: started.archiveId, userId: ctx.userId }, maxAttempts: 3 });
      await c.query('UPDATE archive SET job_id = $3 WHERE school_id = $1 AND id = $2', [ctx.schoolId, started.archiveId, jobId]);
    });
  }
  return getArchive(db, ctx, started.archiveId);
}

export async function listFiles(db: Database, ctx: TenantContext, archiveId: number): Promise<TArchiveFile[]> {
  return withSchool(db, ctx, async (c) => {
    await requireArchive(c, ctx.schoolId, archiveId);
    return (await repo.files(c, ctx.schoolId, archiveId)).map((f) => ({
      path: f.path,
      kind: f.kind,
      classLabel: f.classLabel ?? null,
      sha256: f.sha256,
      bytes: Number(f.bytes),
      retentionYears: f.retentionYears,
      retainUntil: f.retainUntil,
      destroyed: f.destroyedActId != null,
    }));
  });
}

async function builtArchive(db: Database, ctx: TenantContext, cfg: ArchiveConfig, archiveId: number) {
  const a = await withSchool(db, ctx, (c) => requireArchive(c, ctx.schoolId, archiveId));
  if (a.status !== 'built') throw new AppError('archive_not_built');
  return { a, root: join(cfg.archiveDir, a.dir) };
}

const TYPES: Record<string, string> = { pdf: 'application/pdf', json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8', p7s: 'application/pkcs7-signature' };

/** One file of a built archive as stored (the read-only view renders the archived JSON). */
export async function readFile(db: Database, ctx: TenantContext, cfg: ArchiveConfig, archiveId: number, path: string): Promise<{ body: Buffer; type: string }> {
  const { root } = await builtArchive(db, ctx, cfg, archiveId);
  const clean = normalize(path);
  const row = await withSchool(db, ctx, async (c) =>
    (await c.query('SELECT destroyed_act_id AS "destroyedActId" FROM archive_file WHERE school_id = $1 AND archive_id = $2 AND path = $3', [ctx.schoolId, archiveId, clean])).rows[0],
  );
  if (row?.destroyedActId) throw new AppError('archive_file_destroyed');
  const listed = row !== undefined || clean === DESTROYED_FILE;
  if (!(listed || clean === MANIFEST_FILE || isSignatureFile(clean)) || !existsSync(join(root, clean))) throw new AppError('not_found');
  return { body: readFileSync(join(root, clean)), type: TYPES[clean.split('.').pop() ?? ''] ?? 'application/octet-stream' };
}

/** The whole archive as a .zip stream: the manifest, its signatures and every file still kept. */
export async function download(db: Database, ctx: TenantContext, cfg: ArchiveConfig, archiveId: number): Promise<{ stream: Readable; name: string }> {
  const { a, root } = await builtArchive(db, ctx, cfg, archiveId);
  const files = (await listFiles(db, ctx, archiveId)).filter((f) => !f.destroyed);
  const signatures = readdirSync(root).filter(isSignatureFile).sort();
  const destroyed = existsSync(join(root, DESTROYED_FILE)) ? [DESTROYED_FILE] : [];
  const top = `archive-${a.dir.replace(/\//g, '-')}`;
  return { stream: zipFolder(root, [MANIFEST_FILE, ...signatures, ...destroyed, ...files.map((f) => f.path)], top), name: `${top}.zip` };
}

function signatureReason(check: SignatureCheck, lang: Lang): string {
  return formatMessage(ARCHIVE_PROBLEMS[check.problem ?? 'bad_signature'][lang], { algorithm: check.algorithm ?? '' });
}

/** The manifest as built; refuses one whose bytes no longer match what was recorded. */
function manifestOf(root: string, a: repo.ArchiveRow, lang: Lang): Buffer {
  const bytes = readFileSync(join(root, MANIFEST_FILE));
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== a.manifestSha256) throw new AppError('signature_invalid', { reason: ARCHIVE_PROBLEMS.hash_mismatch[lang] });
  return bytes;
}

function nextSignatureFile(root: string): string {
  const taken = readdirSync(root).filter(isSignatureFile).length;
  return taken === 0 ? 'manifest.p7s' : `manifest-${taken + 1}.p7s`;
}

async function keepSignature(db: Database, ctx: TenantContext, root: string, archiveId: number, method: 'pkcs12' | 'upload', der: Buffer, check: SignatureCheck): Promise<TSignatureInfo> {
  mkdirSync(root, { recursive: true });
  const file = nextSignatureFile(root);
  writeFileSync(join(root, file), der);
  const d = check.details!;
  const sha256 = createHash('sha256').update(der).digest('hex');
  const id = await withSchool(db, ctx, (c) =>
    repo.insertSignature(c, ctx.schoolId, { archiveId, method, file, sha256, signer: d.signer, issuer: d.issuer, serial: d.serial, signingTime: d.signingTime, algorithm: d.algorithm, certNotAfter: d.certNotAfter, userId: ctx.userId }),
  );
  const all = await withSchool(db, ctx, (c) => repo.signatures(c, ctx.schoolId, archiveId));
  return toSignature(all.find((s) => s.id === id)!);
}

/**
 * Signs the manifest inside Klasnyi with the head's key from a PKCS#12 file. The password opens
 * the file for this request only; neither it nor the key is stored.
 */
export async function signWithKey(db: Database, ctx: TenantContext, cfg: ArchiveConfig, archiveId: number, p12: Buffer, password: string, lang: Lang): Promise<TSignatureInfo> {
  const { a, root } = await builtArchive(db, ctx, cfg, archiveId);
  const manifest = manifestOf(root, a, lang);
  const signer = Pkcs12Signer.open(p12, password);
  const now = new Date();
  if (now < new Date(signer.certificate.validFrom) || now > new Date(signer.certificate.validTo)) {
    throw new AppError('signature_invalid', { reason: ARCHIVE_PROBLEMS.certificate_expired[lang] });
  }
  const der = await signer.signDetached(manifest);
  const check = verifyDetached(manifest, der);
  if (!check.ok) throw new AppError('signature_invalid', { reason: signatureReason(check, lang) });
  return keepSignature(db, ctx, root, archiveId, 'pkcs12', der, check);
}

/** Keeps a detached signature made elsewhere, after checking it against the manifest. */
export async function uploadSignature(db: Database, ctx: TenantContext, cfg: ArchiveConfig, archiveId: number, p7s: Buffer, lang: Lang): Promise<TSignatureInfo> {
  const { a, root } = await builtArchive(db, ctx, cfg, archiveId);
  const manifest = manifestOf(root, a, lang);
  const check = verifyDetached(manifest, p7s);
  if (!check.ok) throw new AppError('signature_invalid', { reason: signatureReason(check, lang) });
  return keepSignature(db, ctx, root, archiveId, 'upload', normalizeSignature(p7s), check);
}

/** Verifies a stored archive on disk; signers' chains against the folder's and the city's trusted CAs. */
export async function verifyStored(db: Database, ctx: TenantContext, cfg: ArchiveConfig, archiveId: number, lang: Lang): Promise<TVerifyReport> {
  const { root } = await builtArchive(db, ctx, cfg, archiveId);
  const trustedCas = await anchorsForSchool(db, cfg.trustedCaDir, ctx.schoolId);
  const { manifest: _m, ...report } = await verifyArchive(folderSource(root), { lang, trustedCas });
  return report;
}

/** Verifies an archive someone uploads as a .zip (trusted CAs as for a stored one). */
export async function verifyUpload(db: Database, ctx: TenantContext, cfg: ArchiveConfig, zip: Buffer, lang: Lang): Promise<TVerifyReport> {
  let src: ReturnType<typeof zipSource>;
  try {
    src = zipSource(zip);
  } catch {
    return { ok: false, filesChecked: 0, filesDestroyed: 0, historyEntries: 0, signatures: [], problems: [{ file: '', code: 'manifest_missing', message: ARCHIVE_PROBLEMS.manifest_missing[lang] }] };
  }
  const trustedCas = await anchorsForSchool(db, cfg.trustedCaDir, ctx.schoolId);
  const { manifest: _m, ...report } = await verifyArchive(src, { lang, trustedCas });
  return report;
}
