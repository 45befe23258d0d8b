import type { TEntryProblem } from '../../../shared/api/journal.js';
import { CELL_PROBLEMS, formatMessage, type Lang } from '../../../shared/errors.js';
import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { daysBetween, loadPageAccess } from './access.js';
import { type ChangeRow, insertChanges } from './entries.repo.js';
import * as lessonsRepo from './lessons.repo.js';
import * as repo from './parallels.repo.js';

const collator = new Intl.Collator('uk');

/** The page's teacher and the lesson of the page; the rest is refused. */
async function requireOwnLesson(c: Client, ctx: TenantContext, principal: TPrincipal, pageId: number, lessonId: number, lang: Lang) {
  const { meta, canWrite } = await loadPageAccess(c, ctx, principal, pageId, lang);
  if (!canWrite) throw new AppError('forbidden');
  const lesson = await lessonsRepo.lockLesson(c, ctx.schoolId, lessonId);
  if (!lesson || lesson.pageId !== pageId) throw new AppError('not_found');
  return { meta, lesson };
}

async function parallelsOf(c: Client, ctx: TenantContext, lessonId: number) {
  const rows = await repo.parallelLessons(c, ctx.schoolId, lessonId, ctx.userId);
  return rows.sort((a, b) => collator.compare(a.classLabel, b.classLabel) || a.period - b.period);
}

/** The lessons of parallel classes that could get the same homework: same subject, day and grade, taught by the user. */
export async function listParallels(db: Database, ctx: TenantContext, principal: TPrincipal, opts: { pageId: number; lessonId: number; lang: Lang }) {
  return withSchool(db, ctx, async (c) => {
    await requireOwnLesson(c, ctx, principal, opts.pageId, opts.lessonId, opts.lang);
    return parallelsOf(c, ctx, opts.lessonId);
  });
}

/**
 * Sets the same homework for lessons of parallel classes, all or nothing: a lesson of a page the
 * user does not teach is refused (403), one that is not a parallel lesson, a stale version, an old
 * lesson without a reason are named; every changed lesson gets its history row.
 */
export async function setParallelHomework(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  opts: { pageId: number; lessonId: number; homework: string; lessons: { lessonId: number; version: number }[]; reason: string; lang: Lang; lateEditDays: number },
) {
  const { lang } = opts;
  return withSchool(db, ctx, async (c) => {
    const { meta } = await requireOwnLesson(c, ctx, principal, opts.pageId, opts.lessonId, lang);
    if (meta.yearStatus === 'closed') throw new AppError('year_closed');
    const ids = [...new Set(opts.lessons.map((x) => x.lessonId))];
    const teachers = await repo.lessonTeachers(c, ctx.schoolId, ids);
    if (ids.some((id) => !teachers.has(id))) throw new AppError('not_found');
    if (ids.some((id) => teachers.get(id) !== ctx.userId)) throw new AppError('forbidden');

    const parallels = new Set((await parallelsOf(c, ctx, opts.lessonId)).map((x) => x.lessonId));
    const today = todayOf(db);
    const problems: TEntryProblem[] = [];
    const problem = (lessonId: number, code: string) =>
      problems.push({ lessonId, code, message: formatMessage(CELL_PROBLEMS[code][lang], { days: opts.lateEditDays }) });
    const locked: lessonsRepo.LessonRow[] = [];
    const conflicts: lessonsRepo.LessonRow[] = [];
    for (const target of opts.lessons) {
      if (!parallels.has(target.lessonId)) {
        problem(target.lessonId, 'not_parallel_lesson');
        continue;
      }
      const lesson = (await lessonsRepo.lockLesson(c, ctx.schoolId, target.lessonId))!;
      if (lesson.version !== target.version) conflicts.push(lesson);
      else if (meta.grade === 1) problem(lesson.id, 'no_homework_grade1');
      else if (daysBetween(lesson.date, today) > opts.lateEditDays && !opts.reason) problem(lesson.id, 'reason_required');
      else locked.push(lesson);
    }
    if (problems.length) throw new AppError('invalid_entries', { count: problems.length }, { problems });
    if (conflicts.length) throw new AppError('conflict', {}, { lessons: conflicts });

    const saved: lessonsRepo.LessonRow[] = [];
    const history: ChangeRow[] = [];
    for (const lesson of locked) {
      if (lesson.homework === opts.homework) {
        saved.push(lesson);
        continue;
      }
      saved.push(await lessonsRepo.updateLesson(c, ctx.schoolId, ctx.userId, { ...lesson, homework: opts.homework }));
      const late = daysBetween(lesson.date, today) > opts.lateEditDays;
      history.push({ pageId: lesson.pageId, lessonId: lesson.id, columnId: null, pupilId: null, field: 'homework', oldValue: lesson.homework, newValue: opts.homework, reason: opts.reason, late });
    }
    await insertChanges(c, ctx.schoolId, ctx.userId, history);
    return saved;
  });
}
