import type { TPrincipal } from '../../../shared/roles.js';
import type { Client, TenantContext } from '../../db/tenancy.js';
import { membershipOf } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import { type PageMeta, pageMeta, substitutedLessonIds } from './page.repo.js';
import { canReadPage, canWritePage } from './policy.js';

export interface PageAccess {
  meta: PageMeta;
  canRead: boolean;
  canWrite: boolean;
  substituteLessonIds: number[];
}

/** Loads a page and decides what the person may do with it; 404 when the school has no such page. */
export async function loadPageAccess(
  c: Client,
  ctx: TenantContext,
  principal: TPrincipal,
  pageId: number,
  lang: 'uk' | 'en' = 'uk',
): Promise<PageAccess> {
  const meta = await pageMeta(c, ctx.schoolId, pageId, lang);
  if (!meta) throw new AppError('not_found');
  const writes = canWritePage(pageFacts(ctx, principal, meta));
  return pageAccessOf(ctx, principal, meta, writes ? [] : await substitutedLessonIds(c, ctx.schoolId, pageId, ctx.userId));
}

function pageFacts(ctx: TenantContext, principal: TPrincipal, meta: Pick<PageMeta, 'teacherId' | 'classId'>) {
  const m = membershipOf(principal, ctx.schoolId);
  return { roles: m?.roles ?? [], userId: ctx.userId, classIds: m?.classIds ?? [], page: { teacherId: meta.teacherId, classId: meta.classId } };
}

/**
 * What the person may do with a page already read, given the lessons of it they substituted
 * (read only when they do not write the page; ignored when they do).
 */
export function pageAccessOf<M extends Pick<PageMeta, 'teacherId' | 'classId'>>(
  ctx: TenantContext,
  principal: TPrincipal,
  meta: M,
  substituted: number[],
): Omit<PageAccess, 'meta'> & { meta: M } {
  const facts = pageFacts(ctx, principal, meta);
  const canWrite = canWritePage(facts);
  const substituteLessonIds = canWrite ? [] : substituted;
  const canRead = canReadPage({ ...facts, substitutes: substituteLessonIds.length > 0 });
  return { meta, canRead, canWrite, substituteLessonIds };
}

/** Like loadPageAccess, but refuses a person who may not read the page. */
export async function requireReadablePage(
  c: Client,
  ctx: TenantContext,
  principal: TPrincipal,
  pageId: number,
  lang: 'uk' | 'en' = 'uk',
) {
  const access = await loadPageAccess(c, ctx, principal, pageId, lang);
  if (!access.canRead) throw new AppError('forbidden');
  return access;
}

/** The semester containing the day, or the last one begun, or the first. */
export function semesterOf(semesters: PageMeta['semesters'], day: string): number {
  const within = semesters.find((s) => s.startsOn <= day && day <= s.endsOn);
  if (within) return within.number;
  const begun = semesters.filter((s) => s.startsOn <= day);
  return begun.length ? begun[begun.length - 1].number : 1;
}

/** Whole days from date a to date b (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}
