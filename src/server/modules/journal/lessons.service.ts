import type { TLessonPatch } from '../../../shared/api/journal.js';
import { CELL_PROBLEMS, formatMessage, type Lang } from '../../../shared/errors.js';
import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { remapLessonDates } from '../planning/remap.js';
import { daysBetween, loadPageAccess, requireReadablePage } from './access.js';
import { type ChangeRow, insertChanges } from './entries.repo.js';
import * as repo from './lessons.repo.js';

type PatchInput = Omit<TLessonPatch, 'reason'> & { reason: string };

function refuse(code: string, lang: Lang, params: Record<string, number> = {}): never {
  throw new AppError('invalid_entries', { count: 1 }, { problems: [{ code, message: formatMessage(CELL_PROBLEMS[code][lang], params) }] });
}

/**
 * Changes a lesson's topic, homework, remote flag, attendance flag, date or period, or cancels it,
 * with optimistic concurrency and a history row for every field that changed.
 */
export async function patchLesson(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  opts: { pageId: number; lessonId: number; patch: PatchInput; lang: Lang; lateEditDays: number },
) {
  const { patch, lang } = opts;
  return withSchool(db, ctx, async (c) => {
    const { meta, canWrite, substituteLessonIds } = await loadPageAccess(c, ctx, principal, opts.pageId, lang);
    const substitute = substituteLessonIds.includes(opts.lessonId);
    if (!canWrite && !substitute) throw new AppError('forbidden');
    // a substitute fills the lesson; moving or cancelling it stays with the page's teacher
    if (!canWrite && (patch.date !== undefined || patch.period !== undefined || patch.cancelled !== undefined)) throw new AppError('forbidden');
    if (meta.yearStatus === 'closed') throw new AppError('year_closed');
    const lesson = await repo.lockLesson(c, ctx.schoolId, opts.lessonId);
    if (!lesson || lesson.pageId !== opts.pageId) throw new AppError('not_found');
    if (lesson.version !== patch.version) throw new AppError('conflict', {}, { lesson });
    if (patch.homework && meta.grade === 1) refuse('no_homework_grade1', lang);
    if (patch.date && (patch.date < meta.yearStartsOn || patch.date > meta.yearEndsOn)) refuse('date_outside_year', lang);
    const late = daysBetween(lesson.date, todayOf(db)) > opts.lateEditDays;
    if (late && !patch.reason) refuse('reason_required', lang, { days: opts.lateEditDays });

    const next: repo.LessonRow = {
      ...lesson,
      topic: patch.topic?.trim() ?? lesson.topic,
      homework: patch.homework?.trim() ?? lesson.homework,
      remote: patch.remote ?? lesson.remote,
      attendanceTaken: patch.attendanceTaken ?? lesson.attendanceTaken,
      date: patch.date ?? lesson.date,
      period: patch.period ?? lesson.period,
      cancelled: patch.cancelled ?? lesson.cancelled,
    };
    const describe = (l: repo.LessonRow) => `${l.date} #${l.period}${l.cancelled ? ' скасовано' : ''}`;
    const base = { pageId: opts.pageId, lessonId: lesson.id, columnId: null, pupilId: null, reason: patch.reason, late };
    const history: ChangeRow[] = (
      [
        ['topic', lesson.topic, next.topic],
        ['homework', lesson.homework, next.homework],
        ['remote', String(lesson.remote), String(next.remote)],
        ['lesson', describe(lesson), describe(next)],
      ] as const
    )
      .filter(([, oldValue, newValue]) => oldValue !== newValue)
      .map(([field, oldValue, newValue]) => ({ ...base, field, oldValue, newValue }));
    const saved = await repo.updateLesson(c, ctx.schoolId, ctx.userId, next);
    await insertChanges(c, ctx.schoolId, ctx.userId, history);
    if (next.date === lesson.date && next.period === lesson.period && next.cancelled === lesson.cancelled) return saved;
    // the plan's topics shift over the lessons that are held now
    await remapLessonDates(c, ctx.schoolId, opts.pageId, [lesson.date, next.date]);
    return (await repo.lockLesson(c, ctx.schoolId, lesson.id))!;
  });
}

/** Adds an extra lesson to a page (a lesson not in the timetable). */
export async function addLesson(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  opts: { pageId: number; lesson: { date: string; period: number; topic: string; homework: string; remote: boolean }; lang: Lang },
) {
  return withSchool(db, ctx, async (c) => {
    const { meta, canWrite } = await loadPageAccess(c, ctx, principal, opts.pageId, opts.lang);
    if (!canWrite) throw new AppError('forbidden');
    if (meta.yearStatus === 'closed') throw new AppError('year_closed');
    const l = opts.lesson;
    if (l.date < meta.yearStartsOn || l.date > meta.yearEndsOn) refuse('date_outside_year', opts.lang);
    if (l.homework && meta.grade === 1) refuse('no_homework_grade1', opts.lang);
    const saved = await repo.insertLesson(c, ctx.schoolId, ctx.userId, { pageId: opts.pageId, ...l });
    await insertChanges(c, ctx.schoolId, ctx.userId, [
      { pageId: opts.pageId, lessonId: saved.id, columnId: null, pupilId: null, field: 'lesson', oldValue: '', newValue: `${l.date} #${l.period}`, reason: '', late: false },
    ]);
    await remapLessonDates(c, ctx.schoolId, opts.pageId, [l.date]);
    return (await repo.lockLesson(c, ctx.schoolId, saved.id))!;
  });
}

/** The head or administrator names who substitutes one lesson; that teacher may then fill it. */
export async function setSubstitute(db: Database, ctx: TenantContext, opts: { pageId: number; lessonId: number; teacherId: number | null }) {
  return withSchool(db, ctx, async (c) => {
    const lesson = await repo.lockLesson(c, ctx.schoolId, opts.lessonId);
    if (!lesson || lesson.pageId !== opts.pageId) throw new AppError('not_found');
    if (opts.teacherId !== null && !(await repo.isActiveTeacher(c, ctx.schoolId, opts.teacherId))) throw new AppError('not_found');
    return (await repo.setSubstitute(c, ctx.schoolId, opts.lessonId, opts.teacherId))!;
  });
}

/** A page's change history, newest first, optionally of one cell, lesson or column. */
export async function pageHistory(db: Database, ctx: TenantContext, principal: TPrincipal, pageId: number, filter: { lessonId?: number; columnId?: number; pupilId?: number }) {
  return withSchool(db, ctx, async (c) => {
    const { canWrite, substituteLessonIds } = await requireReadablePage(c, ctx, principal, pageId);
    return repo.history(c, ctx.schoolId, pageId, filter, canWrite || substituteLessonIds.length > 0);
  });
}
