import type { TAnalysis, TGapKind, TGaps, TLateChanges, TQualityCounts, TQualityFlags, TQualityKind } from '../../../shared/api/control.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { type GapRow, gapRows, type PageCounts, type Run } from './fill.repo.js';
import { emptyFigures, rollUp, schoolRun, scopeOf } from './fill.service.js';
import { keptPageCounts, keptQuality } from './fill.snapshot.js';
import * as late from './late.repo.js';
import { type ResolvedPeriod, resolvePeriod } from './period.js';
import { EMPTY_QUALITY, pendingLateChanges, qualityCounts, qualityRows } from './quality.repo.js';
import { fillSettingsOfSchool, SCHOOL_TIME_ZONE } from './settings.js';

/** The web path that opens a journal page focused on a lesson, a pupil or a summary column. */
export function journalLink(schoolId: number, pageId: number, focus: { lessonId?: number | null; pupilId?: number | null; columnId?: number | null }): string {
  const q = new URLSearchParams();
  if (focus.lessonId) q.set('lesson', String(focus.lessonId));
  if (focus.pupilId) q.set('pupil', String(focus.pupilId));
  if (focus.columnId) q.set('column', String(focus.columnId));
  const qs = q.toString();
  return `/s/${schoolId}/journal/${pageId}${qs ? `?${qs}` : ''}`;
}

async function schoolName(c: Client, schoolId: number): Promise<string> {
  const r = await c.query<{ name: string }>('SELECT short_name AS name FROM school WHERE id = $1', [schoolId]);
  if (!r.rowCount) throw new AppError('not_found');
  return r.rows[0].name;
}

async function analysisMeta(run: Run, schoolId: number) {
  return run(async (c) => ({
    settings: await fillSettingsOfSchool(c, schoolId),
    name: await schoolName(c, schoolId),
    lateChangesPending: await pendingLateChanges(c, schoolId),
  }));
}


function assemble(
  schoolId: number,
  today: string,
  period: ResolvedPeriod,
  meta: Awaited<ReturnType<typeof analysisMeta>>,
  pages: PageCounts[],
  quality: Map<number, TQualityCounts> | undefined,
): TAnalysis {
  const { settings, name } = meta;
  const teacherOfPage = new Map(pages.map((p) => [p.pageId, { teacherId: p.teacherId, teacherName: p.teacherName }]));
  const [school] = rollUp(pages, 'school', settings, new Map([[schoolId, name]]));
  return {
    schoolId,
    today,
    schoolName: name,
    period,
    settings,
    school: school?.figures ?? emptyFigures(settings),
    byTeacher: rollUp(pages, 'teacher', settings),
    byClass: rollUp(pages, 'class', settings),
    bySubject: rollUp(pages, 'subject', settings),
    byPage: rollUp(pages, 'page', settings).map((r) => ({ ...r, ...teacherOfPage.get(r.key.id)! })),
    quality: quality?.get(schoolId) ?? { ...EMPTY_QUALITY },
    lateChangesPending: meta.lateChangesPending,
  };
}

/**
 * The whole weekly analysis of one school for a period: the settings first, then the fill parts and
 * the quality flags side by side, each in a transaction of that school.
 */
export async function buildAnalysis(db: Database, schoolId: number, period: ResolvedPeriod, today: string): Promise<TAnalysis> {
  const run = schoolRun(db, schoolId);
  const meta = await analysisMeta(run, schoolId);
  // kept per school and period while no change reaches them (fill.snapshot.ts): a past week is
  // computed once, then read back with fresh labels
  const [pages, quality] = await Promise.all([keptPageCounts(db, run, schoolId, period, meta.settings), keptQuality(db, run, schoolId, period, meta.settings)]);
  return assemble(schoolId, today, period, meta, pages, quality && new Map([[schoolId, quality]]));
}

/** The analysis for a period (default: the last full week). */
export async function analysis(db: Database, ctx: TenantContext, q: { from?: string; to?: string }): Promise<TAnalysis> {
  const today = todayOf(db);
  return buildAnalysis(db, ctx.schoolId, resolvePeriod(today, q), today);
}

/** The exact missing entries behind a figure, each with the link that opens the cell. */
export async function gaps(
  db: Database,
  ctx: TenantContext,
  q: { from?: string; to?: string; kind?: TGapKind; pageId?: number; teacherId?: number; classId?: number; subjectId?: number; limit: number },
): Promise<TGaps> {
  const period = resolvePeriod(todayOf(db), q);
  if (period.effectiveTo < period.from) return { period, total: 0, gaps: [] };
  return withSchool(db, ctx, async (c) => {
    const settings = await fillSettingsOfSchool(c, ctx.schoolId);
    const scope = scopeOf([ctx.schoolId], period, settings, { pageId: q.pageId, teacherId: q.teacherId, classId: q.classId, subjectId: q.subjectId });
    const rows = await gapRows(c, scope, q.kind, q.limit);
    return { period, total: rows[0]?.total ?? 0, gaps: rows.map((r) => gapOut(ctx.schoolId, r)) };
  });
}

function gapOut(schoolId: number, r: GapRow) {
  const { total: _total, schoolId: _s, ...rest } = r;
  return { ...rest, link: journalLink(schoolId, r.pageId, r) };
}

/** Data-quality flags of a period with their counts. */
export async function qualityFlags(db: Database, ctx: TenantContext, q: { from?: string; to?: string; kind?: TQualityKind; limit: number }): Promise<TQualityFlags> {
  const today = todayOf(db);
  const period = resolvePeriod(today, q);
  if (period.effectiveTo < period.from) return { period, counts: { ...EMPTY_QUALITY }, flags: [] };
  const scope = { schoolIds: [ctx.schoolId], from: period.from, effectiveTo: period.effectiveTo, today, timeZone: SCHOOL_TIME_ZONE };
  return withSchool(db, ctx, async (c) => {
    const counts = (await qualityCounts(c, scope)).get(ctx.schoolId) ?? { ...EMPTY_QUALITY };
    const rows = await qualityRows(c, scope, q.kind, q.limit);
    return { period, counts, flags: rows.map((r) => ({ ...r, link: journalLink(ctx.schoolId, r.pageId, r) })) };
  });
}

/** Late corrections awaiting the head's review (or reviewed ones). */
export async function lateChanges(db: Database, ctx: TenantContext, q: { status: 'pending' | 'reviewed' | 'all'; limit: number }): Promise<TLateChanges> {
  const rows = await withSchool(db, ctx, (c) => late.lateChanges(c, ctx.schoolId, q.status, q.limit));
  return {
    total: rows[0]?.total ?? 0,
    changes: rows.map(({ total: _t, ...r }) => ({ ...r, link: journalLink(ctx.schoolId, r.pageId, r) })),
  };
}

/** The head marks late corrections reviewed. */
export async function reviewLateChanges(db: Database, ctx: TenantContext, ids: number[]): Promise<{ reviewed: number }> {
  return { reviewed: await withSchool(db, ctx, (c) => late.markReviewed(c, ctx.schoolId, ctx.userId, ids)) };
}
