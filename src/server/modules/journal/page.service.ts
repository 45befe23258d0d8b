import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { requireReadablePage, semesterOf } from './access.js';
import { cachedGrid, gridKey, keepGrid } from './page.cache.js';
import * as repo from './page.repo.js';

const collator = new Intl.Collator('uk');

/**
 * One semester of a journal page as JSON (UTF-8 bytes): the grid is assembled in SQL and only
 * the pupils (a few dozen) pass through JavaScript, to be sorted in Ukrainian order. The grid
 * part is kept in memory and reused while the page's revision is unchanged (page.cache.ts).
 */
export async function getPageJson(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  opts: { pageId: number; semester?: number; lang: 'uk' | 'en'; lateEditDays: number },
): Promise<Buffer> {
  return withSchool(db, ctx, async (c) => {
    const { meta, canWrite, substituteLessonIds } = await requireReadablePage(c, ctx, principal, opts.pageId, opts.lang, { revision: true });
    const today = todayOf(db);
    const semester = opts.semester ?? semesterOf(meta.semesters, today);
    const bounds = meta.semesters.find((s) => s.number === semester) ?? { startsOn: meta.yearStartsOn, endsOn: meta.yearEndsOn };
    // pencil marks are the teacher's own notes: the page's teacher and a substitute see them, nobody else
    const includeTentative = canWrite || substituteLessonIds.length > 0;
    const key = gridKey(ctx.schoolId, opts.pageId, `${semester}:${bounds.startsOn}:${bounds.endsOn}`, includeTentative ? 'own' : 'all');
    let body = meta.revision ? cachedGrid(db, key, meta.revision) : undefined;
    if (!body) {
      const pupils = (await repo.pagePupils(c, ctx.schoolId, meta, bounds.startsOn, bounds.endsOn))
        .sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName))
        .map((p) => ({ id: p.id, name: `${p.lastName} ${p.firstName}`, fromDate: p.fromDate, toDate: p.toDate }));
      const grid = await repo.pageGridJson(c, ctx.schoolId, opts.pageId, semester, bounds.startsOn, bounds.endsOn, includeTentative);
      body = Buffer.from(`"pupils":${JSON.stringify(pupils)},"lessons":${grid.lessons},"columns":${grid.columns},"cells":${grid.cells},"summary":${grid.summary}}`);
      if (meta.revision) keepGrid(db, key, meta.revision, body);
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
  });
}
