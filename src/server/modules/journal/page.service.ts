import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { requireReadablePage, semesterOf } from './access.js';
import * as repo from './page.repo.js';

const collator = new Intl.Collator('uk');

/**
 * One semester of a journal page as JSON text: the grid is assembled in SQL and only the
 * pupils (a few dozen) pass through JavaScript, to be sorted in Ukrainian order.
 */
export async function getPageJson(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  opts: { pageId: number; semester?: number; lang: 'uk' | 'en'; lateEditDays: number },
): Promise<string> {
  return withSchool(db, ctx, async (c) => {
    const { meta, canWrite, substituteLessonIds } = await requireReadablePage(c, ctx, principal, opts.pageId, opts.lang);
    const today = todayOf(db);
    const semester = opts.semester ?? semesterOf(meta.semesters, today);
    const bounds = meta.semesters.find((s) => s.number === semester) ?? { startsOn: meta.yearStartsOn, endsOn: meta.yearEndsOn };
    const pupils = (await repo.pagePupils(c, ctx.schoolId, meta, bounds.startsOn, bounds.endsOn))
      .sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName))
      .map((p) => ({ id: p.id, name: `${p.lastName} ${p.firstName}`, fromDate: p.fromDate, toDate: p.toDate }));
    const grid = await repo.pageGridJson(c, ctx.schoolId, opts.pageId, semester, bounds.startsOn, bounds.endsOn);
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
    return `{"page":${JSON.stringify(page)},"semester":${semester},"pupils":${JSON.stringify(pupils)},"lessons":${grid.lessons},"columns":${grid.columns},"cells":${grid.cells},"summary":${grid.summary}}`;
  });
}
