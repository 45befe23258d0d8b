import { createHash } from 'node:crypto';
import { attachmentUrl, type TAttachment } from '../../../shared/api/attachments.js';
import { CELL_PROBLEMS, formatMessage, type Lang } from '../../../shared/errors.js';
import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { membershipOf } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import { daysBetween, loadPageAccess } from '../journal/access.js';
import { insertChanges } from '../journal/entries.repo.js';
import { ALLOWED_TYPES, detectAttachmentType } from './detect.js';
import { familyPupilIds } from './policy.js';
import * as repo from './repo.js';
import { readAttachmentFile, writeAttachmentFile } from './storage.js';

const MB = 1024 * 1024;

export interface AttachmentSettings {
  /** the deployment's largest file, in MB (ATTACHMENT_MAX_MB) */
  maxMb: number;
  /** ATTACHMENTS_DIR, or undefined to keep the bytes in the database */
  dir?: string;
  lateEditDays: number;
}

type LessonRef = { pageId: number; lessonId: number };

const withUrl = (schoolId: number, a: repo.AttachmentRow): TAttachment => ({ ...a, url: attachmentUrl(schoolId, a.id) });

/** A size for the history row: "12,3 КБ". */
function sizeText(bytes: number): string {
  const kb = bytes / 1024;
  return kb < 1024 ? `${kb.toLocaleString('uk-UA', { maximumFractionDigits: 1 })} КБ` : `${(kb / 1024).toLocaleString('uk-UA', { maximumFractionDigits: 1 })} МБ`;
}

/** The school's limit in bytes: its own setting when smaller than the deployment's. */
async function maxBytesOf(c: Client, schoolId: number, s: AttachmentSettings): Promise<number> {
  const own = await repo.schoolMaxMb(c, schoolId);
  return Math.floor(Math.min(own ?? s.maxMb, s.maxMb) * MB);
}

/** The page's teacher (or the lesson's substitute) in an open year; refuses everybody else. */
async function requireLessonWriter(c: Client, ctx: TenantContext, principal: TPrincipal, ref: LessonRef, lang: Lang) {
  const { meta, canWrite, substituteLessonIds } = await loadPageAccess(c, ctx, principal, ref.pageId, lang);
  const lesson = await repo.lessonOfPage(c, ctx.schoolId, ref.pageId, ref.lessonId);
  if (!lesson) throw new AppError('not_found');
  if (!canWrite && !substituteLessonIds.includes(ref.lessonId)) throw new AppError('forbidden');
  if (meta.yearStatus === 'closed') throw new AppError('year_closed');
  if (meta.grade === 1) refuse('no_homework_grade1', lang);
  return { lesson };
}

function refuse(code: string, lang: Lang, params: Record<string, number> = {}): never {
  throw new AppError('invalid_entries', { count: 1 }, { problems: [{ code, message: formatMessage(CELL_PROBLEMS[code][lang], params) }] });
}

/** A lesson's files for its page's readers, with the school's limit and whether the person may change them. */
export async function listAttachments(db: Database, ctx: TenantContext, principal: TPrincipal, ref: LessonRef, s: AttachmentSettings) {
  return withSchool(db, ctx, async (c) => {
    const access = await loadPageAccess(c, ctx, principal, ref.pageId);
    if (!access.canRead) throw new AppError('forbidden');
    if (!(await repo.lessonOfPage(c, ctx.schoolId, ref.pageId, ref.lessonId))) throw new AppError('not_found');
    const canWrite = access.meta.yearStatus === 'open' && access.meta.grade > 1 && (access.canWrite || access.substituteLessonIds.includes(ref.lessonId));
    return {
      attachments: (await repo.lessonAttachments(c, ctx.schoolId, ref.lessonId)).map((a) => withUrl(ctx.schoolId, a)),
      maxBytes: await maxBytesOf(c, ctx.schoolId, s),
      allowedExtensions: [...new Set(Object.values(ALLOWED_TYPES))],
      canWrite,
    };
  });
}

/** Checks the person may attach to the lesson before the file is read, and gives the limit to read it with. */
export async function uploadLimit(db: Database, ctx: TenantContext, principal: TPrincipal, ref: LessonRef, s: AttachmentSettings, lang: Lang): Promise<number> {
  return withSchool(db, ctx, async (c) => {
    await requireLessonWriter(c, ctx, principal, ref, lang);
    return maxBytesOf(c, ctx.schoolId, s);
  });
}

/**
 * Attaches a file to a lesson's homework: its type is detected from the bytes, and a file that
 * is too large, empty or not an allowed type is refused with nothing stored. Writes a history row.
 */
export async function addAttachment(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  opts: LessonRef & { name: string; bytes: Buffer; reason: string; lang: Lang },
  s: AttachmentSettings,
): Promise<TAttachment> {
  const name = cleanFileName(opts.name);
  if (opts.bytes.length === 0) throw new AppError('attachment_empty', { name });
  const mediaType = await detectAttachmentType(opts.bytes);
  if (!mediaType) throw new AppError('attachment_type', { name });
  const sha256 = createHash('sha256').update(opts.bytes).digest('hex');
  return withSchool(db, ctx, async (c) => {
    const { lesson } = await requireLessonWriter(c, ctx, principal, opts, opts.lang);
    const maxBytes = await maxBytesOf(c, ctx.schoolId, s);
    if (opts.bytes.length > maxBytes) throw new AppError('attachment_too_large', { name, limit: formatMb(maxBytes) });
    const late = daysBetween(lesson.date, todayOf(db)) > s.lateEditDays;
    if (late && !opts.reason.trim()) refuse('reason_required', opts.lang, { days: s.lateEditDays });
    if (s.dir) await writeAttachmentFile(s.dir, ctx.schoolId, sha256, opts.bytes);
    const saved = await repo.insertAttachment(c, ctx.schoolId, ctx.userId, {
      lessonId: opts.lessonId,
      name,
      mediaType,
      size: opts.bytes.length,
      sha256,
      content: s.dir ? null : opts.bytes,
    });
    await insertChanges(c, ctx.schoolId, ctx.userId, [
      { pageId: opts.pageId, lessonId: opts.lessonId, columnId: null, pupilId: null, field: 'homework', oldValue: '', newValue: `файл «${name}» (${sizeText(saved.size)})`, reason: opts.reason.trim(), late },
    ]);
    return withUrl(ctx.schoolId, saved);
  });
}

/** Removes a file from a lesson (kept in the database as removed) with a history row. */
export async function removeAttachment(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  opts: LessonRef & { attachmentId: number; reason: string; lang: Lang },
  s: AttachmentSettings,
): Promise<void> {
  await withSchool(db, ctx, async (c) => {
    const { lesson } = await requireLessonWriter(c, ctx, principal, opts, opts.lang);
    const late = daysBetween(lesson.date, todayOf(db)) > s.lateEditDays;
    if (late && !opts.reason.trim()) refuse('reason_required', opts.lang, { days: s.lateEditDays });
    const removed = await repo.removeAttachment(c, ctx.schoolId, ctx.userId, opts.lessonId, opts.attachmentId);
    if (!removed) throw new AppError('not_found');
    await insertChanges(c, ctx.schoolId, ctx.userId, [
      { pageId: opts.pageId, lessonId: opts.lessonId, columnId: null, pupilId: null, field: 'homework', oldValue: `файл «${removed.name}» (${sizeText(removed.size)})`, newValue: '', reason: opts.reason.trim(), late },
    ]);
  });
}

/**
 * A file for download: the page's readers (teacher, substitute, class teacher, head, controller,
 * administrator), and a pupil or parent when the child was on the lesson's page; others 403.
 */
export async function readAttachment(db: Database, ctx: TenantContext, principal: TPrincipal, attachmentId: number, s: AttachmentSettings) {
  const found = await withSchool(db, ctx, async (c) => {
    const a = await repo.storedAttachment(c, ctx.schoolId, attachmentId);
    if (!a) throw new AppError('not_found');
    const family = familyPupilIds(membershipOf(principal, ctx.schoolId));
    if (family.length && (await repo.pupilsOnLesson(c, ctx.schoolId, a.lessonId, family))) return a;
    const m = membershipOf(principal, ctx.schoolId);
    const staff = m?.roles.some((r) => r !== 'parent' && r !== 'pupil');
    if (!staff || !(await loadPageAccess(c, ctx, principal, a.pageId)).canRead) throw new AppError('forbidden');
    return a;
  });
  const bytes = found.content ?? (await readAttachmentFile(s.dir ?? '', ctx.schoolId, found.sha256));
  return { name: found.name, mediaType: found.mediaType, bytes };
}

/** The name as shown: no folders, no control characters, at most 255 characters; never empty. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-255);
  return clean || 'file';
}

/** A limit in MB for messages: 10, 2.5, 0.02. */
export const formatMb = (bytes: number) => Number((bytes / MB).toPrecision(2));
