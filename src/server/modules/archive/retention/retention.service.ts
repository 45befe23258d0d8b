/**
 * Retention clean-up: the list of archive files whose retention has ended, the act of destruction
 * the head approves with a reason, and the deletion of exactly those files afterwards. The act,
 * the manifests with their signatures and each destroyed file's metadata stay. Nothing is
 * destroyed before it expires: the service checks it and the database refuses it (044_*.sql).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { TApproveActBody, TApproveActResult, TDestructionAct, TRetentionOverview } from '../../../../shared/api/retention.js';
import type { Database } from '../../../db/database.js';
import { type Client, type TenantContext, todayOf, withSchool, withSystem } from '../../../db/tenancy.js';
import { AppError } from '../../../http/errors.js';
import { queueEmail } from '../../../jobs/outbox.js';
import { DESTROYED_FILE } from '../build/manifest.js';
import { actPdf } from './act-pdf.js';
import * as repo from './retention.repo.js';

export interface RetentionConfig {
  archiveDir: string;
}

const publicAct = ({ pdfPath: _p, ...a }: TDestructionAct & { pdfPath: string | null }): TDestructionAct => a;

/** What has expired as of the journal's today, what expires within a year, and the acts so far. */
export async function retentionOverview(db: Database, ctx: TenantContext): Promise<TRetentionOverview> {
  const today = todayOf(db);
  return withSchool(db, ctx, async (c) => {
    const next = await repo.upcoming(c, ctx.schoolId, today);
    return {
      today,
      expired: await repo.expiredFiles(c, ctx.schoolId, today),
      expiringSoon: next.soon,
      nextExpiry: next.next,
      acts: (await repo.acts(c, ctx.schoolId)).map(publicAct),
    };
  });
}

const inside = (root: string, rel: string) => {
  const p = normalize(join(root, rel));
  if (!p.startsWith(normalize(root))) throw new AppError('not_found');
  return p;
};

/** The list of what an archive folder lost, kept beside its manifest so verification can tell destroyed from missing. */
function recordDestroyed(root: string, entries: { path: string; sha256: string; act: number; approvedOn: string }[]): void {
  const file = join(root, DESTROYED_FILE);
  const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).files as typeof entries) : [];
  const known = new Set(before.map((e) => e.path));
  const files = [...before, ...entries.filter((e) => !known.has(e.path))].sort((a, b) => (a.path < b.path ? -1 : 1));
  writeFileSync(file, `${JSON.stringify({ kind: 'destroyed', files }, null, 1)}\n`);
}

/**
 * Deletes from the storage every file of the school that an approved act destroyed and that is
 * still there (the files of the act just approved, and any left by an interrupted deletion).
 */
async function purgeDestroyed(db: Database, ctx: TenantContext, cfg: RetentionConfig): Promise<number> {
  const rows = await withSchool(db, ctx, (c) => repo.destroyedFiles(c, ctx.schoolId, todayOf(db)));
  let deleted = 0;
  const byDir = new Map<string, typeof rows>();
  for (const r of rows) byDir.set(r.dir, [...(byDir.get(r.dir) ?? []), r]);
  for (const [dir, files] of byDir) {
    const root = inside(cfg.archiveDir, dir);
    if (!existsSync(root)) continue;
    recordDestroyed(root, files);
    for (const f of files) {
      const p = inside(root, f.path);
      if (!existsSync(p)) continue;
      rmSync(p);
      deleted++;
    }
  }
  return deleted;
}

async function writeActPdf(c: Client, ctx: TenantContext, cfg: RetentionConfig, actId: number): Promise<TDestructionAct> {
  const act = publicAct((await repo.acts(c, ctx.schoolId, actId))[0]);
  const pdf = await actPdf({ schoolName: await repo.schoolName(c, ctx.schoolId), act });
  const rel = `${ctx.schoolId}/acts/act-${act.number}.pdf`;
  const path = inside(cfg.archiveDir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, pdf);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  await repo.setActPdf(c, ctx.schoolId, actId, rel, sha256);
  return { ...act, pdfSha256: sha256 };
}

/**
 * The head approves an act of destruction for expired files, with a reason: all or nothing. A
 * file not expired (or not found, or destroyed already) refuses the whole act and changes nothing.
 */
export async function approveAct(db: Database, ctx: TenantContext, cfg: RetentionConfig, body: TApproveActBody & { reason: string }): Promise<TApproveActResult> {
  const today = todayOf(db);
  const wanted = [...new Map(body.files.map((f) => [`${f.archiveId}|${normalize(f.path)}`, { archiveId: f.archiveId, path: normalize(f.path) }])).values()];
  const act = await withSchool(db, ctx, async (c) => {
    const expired = await repo.lockExpired(c, ctx.schoolId, today, wanted);
    if (expired.length !== wanted.length) {
      const ok = new Set(expired.map((f) => `${f.archiveId}|${f.path}`));
      const refused = wanted.filter((f) => !ok.has(`${f.archiveId}|${f.path}`));
      throw new AppError('retention_not_expired', { count: refused.length }, { files: refused });
    }
    const bytes = expired.reduce((a, f) => a + Number(f.bytes), 0);
    const { id } = await repo.insertAct(c, ctx.schoolId, { reason: body.reason, userId: ctx.userId, today, files: expired.length, bytes });
    await repo.markDestroyed(c, ctx.schoolId, id, expired);
    return writeActPdf(c, ctx, cfg, id);
  });
  return { act, deleted: await purgeDestroyed(db, ctx, cfg) };
}

/** The act's PDF as it was written at approval. */
export async function actPdfFile(db: Database, ctx: TenantContext, cfg: RetentionConfig, actId: number): Promise<{ body: Buffer; name: string }> {
  const act = await withSchool(db, ctx, async (c) => (await repo.acts(c, ctx.schoolId, actId))[0]);
  if (!act?.pdfPath) throw new AppError('not_found');
  const path = inside(cfg.archiveDir, act.pdfPath);
  if (!existsSync(path)) throw new AppError('not_found');
  return { body: readFileSync(path), name: `act-${act.number}.pdf` };
}

/**
 * The weekly notice (a recurring job): tells each school's heads by e-mail how many archive files
 * have reached the end of their retention. It lists only; destroying needs the head's act.
 */
export async function notifyExpired(db: Database, period: string): Promise<{ schools: number; emails: number }> {
  const today = todayOf(db);
  return withSystem(db, async (c) => {
    const schools = await repo.schoolsWithExpired(c, today);
    let emails = 0;
    for (const s of schools) {
      for (const to of s.emails) {
        const id = await queueEmail(c, {
          to,
          schoolId: s.schoolId,
          subject: `Архів: строк зберігання минув (${s.files})`,
          text:
            `Шановний керівнику!\n\nУ архіві класних журналів закладу «${s.schoolName}» є файли, строк зберігання яких минув: ${s.files}.\n` +
            'Їх буде знищено лише після того, як Ви затвердите акт про вилучення для знищення документів (розділ «Архів журналів» → «Строки зберігання»).\n\n' +
            'Класний',
          dedupeKey: `archive-retention:${s.schoolId}:${period}:${to}`,
        });
        if (id !== null) emails++;
      }
    }
    return { schools: schools.length, emails };
  });
}
