import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { lastStatement, type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { pageAccessOf, semesterOf } from './access.js';
import { cachedGrid, gridKey, keepGrid } from './page.cache.js';
import * as repo from './page.repo.js';

const collator = new Intl.Collator('uk');

/**
 * One semester of a journal page as JSON (UTF-8 bytes): the grid is assembled in SQL and only
 * the pupils (a few dozen) pass through JavaScript, to be sorted in Ukrainian order. The grid
 * part is kept in memory and reused while the page's revision is unchanged (page.cache.ts): a
 * request for a kept grid is one round trip (the page's facts and revision, sent with BEGIN and
 * COMMIT); only a grid not kept, or out of date, is built in a second transaction.
 */
export async function getPageJson(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  opts: { pageId: number; semester?: number; lang: 'uk' | 'en'; lateEditDays: number },
): Promise<Buffer> {
  const row = await withSchool(db, ctx, () => lastStatement(repo.pageMetaRevisionQuery(ctx.schoolId, opts.pageId, opts.lang, ctx.userId), repo.pageMetaRevisionRow));
  if (!row) throw new AppError('not_found');
  const { revision, substituteLessonIds: substituted, ...meta } = row;
  const { canRead, canWrite, substituteLessonIds } = pageAccessOf(ctx, principal, meta, substituted ?? []);
  if (!canRead) throw new AppError('forbidden');
  const today = todayOf(db);
  const semester = opts.semester ?? semesterOf(meta.semesters, today);
  const bounds = meta.semesters.find((s) => s.number === semester) ?? { startsOn: meta.yearStartsOn, endsOn: meta.yearEndsOn };
  // pencil marks are the teacher's own notes: the page's teacher and a substitute see them, nobody else
  const includeTentative = canWrite || substituteLessonIds.length > 0;
  const key = gridKey(ctx.schoolId, opts.pageId, `${semester}:${bounds.startsOn}:${bounds.endsOn}`, includeTentative ? 'own' : 'all');
  let body = revision ? cachedGrid(db, key, revision) : undefined;
  if (!body) {
    // built from what is committed now: a change committed since the revision was read only
    // makes the kept grid newer than its revision, and the next request builds it again
    body = await withSchool(db, ctx, async (c) => {
      const pupils = (await repo.pagePupils(c, ctx.schoolId, meta, bounds.startsOn, bounds.endsOn))
        .sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName))
        .map((p) => ({ id: p.id, name: `${p.lastName} ${p.firstName}`, fromDate: p.fromDate, toDate: p.toDate }));
      const grid = await repo.pageGridJson(c, ctx.schoolId, opts.pageId, semester, bounds.startsOn, bounds.endsOn, includeTentative);
      return Buffer.from(`"pupils":${JSON.stringify(pupils)},"lessons":${grid.lessons},"columns":${grid.columns},"cells":${grid.cells},"summary":${grid.summary}}`);
    });
    if (revision) keepGrid(db, key, revision, body);
  }
  const page = {
    id: meta.id,
    classId: meta.classId,
    classLabel: meta.classLabel,
    grade: meta.grade,
    subjectName: meta.subjectName,
    groupName: meta.groupName,
    teacherId: meta.teacherId,
    teacherName: meta.teacherName,
    scale: meta.scale,
    passFail: meta.passFail,
    yearName: meta.yearName,
    yearStatus: meta.yearStatus,
    semesters: meta.semesters,
    lateEditDays: opts.lateEditDays,
    today,
    canWrite: canWrite && meta.yearStatus === 'open',
    substituteLessonIds,
  };
  // UTF-8 bytes: the grid part is encoded once, when it is built, not on every answer
  const head = Buffer.from(`{"page":${JSON.stringify(page)},"semester":${semester},`);
  return Buffer.concat([head, body], head.length + body.length);
}
