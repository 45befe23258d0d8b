import { CELL_PROBLEMS, formatMessage, type Lang } from '../../../shared/errors.js';
import type { TEntriesResult, TEntryConflict, TEntryProblem, TCellChange, TSummaryChange } from '../../../shared/api/journal.js';
import type { TPrincipal } from '../../../shared/roles.js';
import { checkMark, normalizeMark } from '../../../shared/scales.js';
import type { Database } from '../../db/database.js';
import { type Client, type LastStatement, type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { daysBetween, pageAccessOf } from './access.js';
import * as repo from './entries.repo.js';

interface SaveInput {
  pageId: number;
  cells: TCellChange[];
  summary: TSummaryChange[];
  reason: string;
  lang: Lang;
  lateEditDays: number;
}

function lastPerKey<T>(items: T[], key: (t: T) => string): T[] {
  return [...new Map(items.map((i) => [key(i), i])).values()];
}

/**
 * Saves a block of cells and summary marks of one page, all or nothing: every value is checked
 * against the page's scale, pupils and lessons; a stale version answers 409 with what is stored
 * now; each change writes its history row in the same transaction.
 */
export async function saveEntries(db: Database, ctx: TenantContext, principal: TPrincipal, input: SaveInput): Promise<TEntriesResult> {
  const save = () => withSchool(db, ctx, (c) => saveEntriesIn(c, db, ctx, principal, input), { genericPlans: true });
  try {
    return await save();
  } catch (err) {
    // another save inserted one of the cells after this one read them: once more, the read finds
    // that value and the answer is a conflict naming it
    if (repo.isLostInsert(err)) return save();
    throw err;
  }
}

/**
 * Confirms pencil marks (the cells named, every one of a lesson, or every one of the page) as one
 * bulk save: the same checks, history rows `?10 → 10`, and the notifications of new marks follow.
 */
export async function confirmTentative(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  input: { pageId: number; lessonId?: number; cells?: { lessonId: number; pupilId: number }[]; reason: string; lang: Lang; lateEditDays: number },
): Promise<TEntriesResult> {
  return withSchool(db, ctx, async (c) => {
    const found = await repo.tentativeCells(c, ctx.schoolId, input.pageId, input.lessonId ?? null, input.cells ?? null);
    const cells = found.map((x) => ({ ...x, absent: false, tentative: false }));
    return saveEntriesIn(c, db, ctx, principal, { pageId: input.pageId, cells, summary: [], reason: input.reason, lang: input.lang, lateEditDays: input.lateEditDays });
  });
}

/**
 * The history row of a mark change. What others see of a pencil mark is an empty cell, so a change
 * they cannot see (entering, changing or clearing a pencil mark) is a row only the teacher reads;
 * a confirmation is a public row `?10 → 10`.
 */
function markChange(cur: { mark: string; tentative: boolean } | undefined, x: { mark: string; tentative: boolean }) {
  const privOld = cur?.tentative ? `?${cur.mark}` : (cur?.mark ?? '');
  const privNew = x.tentative ? `?${x.mark}` : x.mark;
  if (privOld === privNew) return null;
  const pubOld = cur?.tentative ? '' : (cur?.mark ?? '');
  const pubNew = x.tentative ? '' : x.mark;
  if (pubOld === pubNew) return { oldValue: privOld, newValue: privNew, tentative: true };
  const confirmed = !!cur?.tentative && cur.mark === x.mark;
  return { oldValue: confirmed ? privOld : pubOld, newValue: pubNew, tentative: false };
}

async function saveEntriesIn(c: Client, db: Database, ctx: TenantContext, principal: TPrincipal, input: SaveInput): Promise<TEntriesResult | LastStatement<TEntriesResult>> {
  // objects built whole (not spread and overridden): they are read for every cell below
  const cells = lastPerKey(input.cells, (x) => `${x.lessonId}:${x.pupilId}`).map((x) => {
    const mark = normalizeMark(x.mark);
    return { lessonId: x.lessonId, pupilId: x.pupilId, mark, absent: x.absent, tentative: !!x.tentative && mark !== '', version: x.version };
  });
  const summary = lastPerKey(input.summary, (x) => `${x.columnId}:${x.pupilId}`).map((x) => ({ columnId: x.columnId, pupilId: x.pupilId, mark: normalizeMark(x.mark), version: x.version }));
  {
    // one round trip for every read: the page, lessons, columns, pupils and the locked current values
    const state = await repo.saveState(c, ctx.schoolId, input.pageId, input.lang, ctx.userId, cells, summary);
    if (!state) throw new AppError('not_found');
    const { meta, canWrite, substituteLessonIds } = pageAccessOf(ctx, principal, state.meta, state.substituteLessonIds ?? []);
    if (!canWrite && substituteLessonIds.length === 0) throw new AppError('forbidden');
    if (meta.yearStatus === 'closed') throw new AppError('year_closed');
    const today = todayOf(db);
    const problems: TEntryProblem[] = [];
    const problem = (where: Omit<TEntryProblem, 'code' | 'message'>, code: string) =>
      problems.push({ ...where, code, message: formatMessage(CELL_PROBLEMS[code][input.lang], { days: input.lateEditDays }) });

    const lessons = new Map(state.lessons.map((l) => [l.id, l]));
    const columns = new Map(state.columns.map((x) => [x.id, x]));
    const pupils = new Map(state.pupils.map((p) => [p.id, p]));
    const onPage = (pupilId: number, day?: string) => {
      const p = pupils.get(pupilId);
      return !!p && (!day || (p.fromDate <= day && (p.toDate === null || day <= p.toDate)));
    };
    const scaleOpts = { grade: meta.grade, passFail: meta.passFail };

    const lateLessons = new Set<number>();
    for (const x of cells) {
      const where = { lessonId: x.lessonId, pupilId: x.pupilId };
      const lesson = lessons.get(x.lessonId);
      if (!lesson || lesson.pageId !== input.pageId) problem(where, 'lesson_not_on_page');
      else if (!canWrite && !substituteLessonIds.includes(lesson.id)) problem(where, 'not_your_lesson');
      else if (lesson.cancelled) problem(where, 'cancelled_lesson');
      else if (lesson.date > today) problem(where, 'future_lesson');
      else if (!onPage(x.pupilId, lesson.date)) problem(where, 'pupil_not_on_page');
      else {
        const bad = checkMark(meta.scale, x.mark, 'lesson', scaleOpts);
        if (bad) problem(where, bad);
        else if (x.tentative && x.absent) problem(where, 'tentative_absent');
        else if (daysBetween(lesson.date, today) > input.lateEditDays) {
          if (!input.reason) problem(where, 'reason_required');
          lateLessons.add(lesson.id);
        }
      }
    }
    for (const x of summary) {
      const where = { columnId: x.columnId, pupilId: x.pupilId };
      const column = columns.get(x.columnId);
      if (!column || column.pageId !== input.pageId) problem(where, 'column_not_on_page');
      else if (!canWrite) problem(where, 'not_your_lesson');
      else if (!onPage(x.pupilId)) problem(where, 'pupil_not_on_page');
      else {
        const bad = checkMark(meta.scale, x.mark, column.kind, scaleOpts);
        if (bad) problem(where, bad);
        else if (column.kind === 'corrected' && !input.reason) problem(where, 'corrected_reason_required');
      }
    }
    if (problems.length) throw new AppError('invalid_entries', { count: problems.length }, { problems });

    const currentCells = new Map(state.cells.map((r) => [`${r.lessonId}:${r.pupilId}`, r]));
    const currentSummary = new Map(state.summary.map((r) => [`${r.columnId}:${r.pupilId}`, r]));
    const conflicts: TEntryConflict[] = [];
    for (const x of cells) {
      const cur = currentCells.get(`${x.lessonId}:${x.pupilId}`);
      if ((cur?.version ?? 0) !== x.version) {
        conflicts.push({ lessonId: x.lessonId, pupilId: x.pupilId, mark: cur?.mark ?? '', absent: cur?.absent ?? false, tentative: cur?.tentative ?? false, version: cur?.version ?? 0, updatedBy: cur?.updatedBy ?? null, updatedAt: cur?.updatedAt ?? null });
      }
    }
    for (const x of summary) {
      const cur = currentSummary.get(`${x.columnId}:${x.pupilId}`);
      if ((cur?.version ?? 0) !== x.version) {
        conflicts.push({ columnId: x.columnId, pupilId: x.pupilId, mark: cur?.mark ?? '', version: cur?.version ?? 0, updatedBy: cur?.updatedBy ?? null, updatedAt: cur?.updatedAt ?? null });
      }
    }
    if (conflicts.length) throw new AppError('conflict', {}, { conflicts });

    // A summary mark set earlier and older than the window is a correction: it needs a reason too.
    for (const x of summary) {
      const cur = currentSummary.get(`${x.columnId}:${x.pupilId}`);
      if (cur?.mark && cur.mark !== x.mark && daysBetween(cur.updatedAt.slice(0, 10), today) > input.lateEditDays && !input.reason) {
        problem({ columnId: x.columnId, pupilId: x.pupilId }, 'reason_required');
      }
    }
    if (problems.length) throw new AppError('invalid_entries', { count: problems.length }, { problems });

    const changedCells = cells.filter((x) => {
      const cur = currentCells.get(`${x.lessonId}:${x.pupilId}`);
      return !cur || cur.mark !== x.mark || cur.absent !== x.absent || cur.tentative !== x.tentative;
    });
    const changedSummary = summary.filter((x) => currentSummary.get(`${x.columnId}:${x.pupilId}`)?.mark !== x.mark || !currentSummary.has(`${x.columnId}:${x.pupilId}`));
    const history: repo.ChangeRow[] = [];
    // lessons with a change others see: only these get their first entry's time
    const entryLessons = new Set<number>();
    // every history row is built whole, with one shape: rows assembled by spreading and then
    // overriding fields were slow objects, and this loop runs for every cell of a save
    const row = (x: { lessonId: number | null; columnId: number | null; pupilId: number }, field: repo.ChangeRow['field'], oldValue: string, newValue: string, late: boolean, tentative: boolean): repo.ChangeRow => ({
      pageId: input.pageId,
      lessonId: x.lessonId,
      columnId: x.columnId,
      pupilId: x.pupilId,
      field,
      oldValue,
      newValue,
      reason: input.reason,
      late,
      tentative,
    });
    for (const x of changedCells) {
      const cur = currentCells.get(`${x.lessonId}:${x.pupilId}`);
      const late = lateLessons.has(x.lessonId);
      const where = { lessonId: x.lessonId, columnId: null, pupilId: x.pupilId };
      const mark = markChange(cur, x);
      // a pencil row is never a late correction for the head: nobody else saw the value
      if (mark) history.push(row(where, 'mark', mark.oldValue, mark.newValue, late && !mark.tentative, mark.tentative));
      if (mark && !mark.tentative) entryLessons.add(x.lessonId);
      if ((cur?.absent ?? false) !== x.absent) {
        history.push(row(where, 'attendance', cur?.absent ? 'н' : '', x.absent ? 'н' : '', late, false));
        entryLessons.add(x.lessonId);
      }
    }
    for (const x of changedSummary) {
      const cur = currentSummary.get(`${x.columnId}:${x.pupilId}`);
      const late = !!cur?.mark && daysBetween(cur.updatedAt.slice(0, 10), today) > input.lateEditDays;
      history.push(row({ lessonId: null, columnId: x.columnId, pupilId: x.pupilId }, 'summary', cur?.mark ?? '', x.mark, late, false));
    }
    if (!changedCells.length && !changedSummary.length) return { cells: [], summary: [] };
    const attendanceLessons = changedCells.filter((x) => x.absent || currentCells.get(`${x.lessonId}:${x.pupilId}`)?.absent).map((x) => x.lessonId);
    // every write in one statement, sent with the COMMIT
    return repo.writeEntries(ctx.schoolId, ctx.userId, {
      cells: changedCells.map((x) => ({ lessonId: x.lessonId, pupilId: x.pupilId, mark: x.mark, absent: x.absent, tentative: x.tentative, exists: currentCells.has(`${x.lessonId}:${x.pupilId}`) })),
      lessons: { all: [...new Set(changedCells.map((x) => x.lessonId))], attendance: [...new Set(attendanceLessons)], entry: [...entryLessons] },
      summary: changedSummary.map((x) => ({ columnId: x.columnId, pupilId: x.pupilId, mark: x.mark, exists: currentSummary.has(`${x.columnId}:${x.pupilId}`) })),
      history,
    });
  }
}
