import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type Client, lastStatement, type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { membershipOf } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import { semesterOf } from '../journal/access.js';
import { isFamilyOf } from '../people/policy.js';
import * as repo from './repo.js';

const collator = new Intl.Collator('uk');

/** Refuses a staff reader who neither leads the school nor the pupil's class (family may read). */
function checkReader(ctx: TenantContext, principal: TPrincipal, pupil: repo.PupilHeader | undefined) {
  if (!pupil) throw new AppError('not_found');
  if (!isFamilyOf(principal, ctx.schoolId, pupil.id)) {
    const m = membershipOf(principal, ctx.schoolId);
    const leads = m?.roles.some((r) => r === 'head' || r === 'controller' || r === 'admin');
    const classTeacher = (pupil.classIds ?? []).some((id) => m?.classIds.includes(id));
    if (!leads && !classTeacher) throw new AppError('forbidden');
  }
  return { id: pupil.id, name: pupil.name, classLabel: pupil.classLabel };
}

/** The pupil, after checking a staff reader leads the school or the pupil's class. */
async function loadPupil(c: Client, ctx: TenantContext, principal: TPrincipal, pupilId: number) {
  return checkReader(ctx, principal, await repo.pupilHeader(c, ctx.schoolId, pupilId));
}

/** Monday and Saturday of the week containing day. */
export function weekOf(day: string): { start: string; end: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
  const saturday = new Date(monday.getTime() + 5 * 86_400_000);
  return { start: monday.toISOString().slice(0, 10), end: saturday.toISOString().slice(0, 10) };
}

/** A week of the diary as JSON text: lessons, topics, homework and its files, the pupil's marks and absences. */
export async function diaryWeekJson(db: Database, ctx: TenantContext, principal: TPrincipal, pupilId: number, date?: string): Promise<string> {
  const today = todayOf(db);
  const { start, end } = weekOf(date ?? today);
  // one statement, given at once so it goes with the transaction's BEGIN and COMMIT in one write;
  // the reader is checked on its row
  // (a refused reader's rows were read and are dropped)
  return withSchool(db, ctx, () =>
    lastStatement(repo.weekQuery(ctx.schoolId, pupilId, start, end), (r) => {
      const row = repo.weekRow(r);
      const pupil = checkReader(ctx, principal, row);
      return `{"pupil":${JSON.stringify(pupil)},"weekStart":"${start}","weekEnd":"${end}","today":"${today}","lessons":${row?.lessons ?? '[]'}}`;
    }),
  );
}

/** Every subject of a semester: marks with dates, absences, thematic and semester marks. */
export async function diarySubjectsJson(db: Database, ctx: TenantContext, principal: TPrincipal, pupilId: number, semester?: number): Promise<string> {
  return withSchool(db, ctx, async (c) => {
    const pupil = await loadPupil(c, ctx, principal, pupilId);
    const sems = await repo.semesters(c, ctx.schoolId);
    const number = semester ?? semesterOf(sems, todayOf(db));
    const bounds = sems.find((s) => s.number === number);
    if (!bounds) throw new AppError('not_found');
    // a pupil has a dozen subjects: sorted here in Ukrainian order (SQL sorts by bytes, І before А)
    const subjects = (JSON.parse(await repo.subjectsJson(c, ctx.schoolId, pupilId, number, bounds.startsOn, bounds.endsOn)) as { subjectName: string }[]).sort(
      (a, b) => collator.compare(a.subjectName, b.subjectName),
    );
    return `{"pupil":${JSON.stringify(pupil)},"semester":${number},"semesters":${JSON.stringify(sems)},"subjects":${JSON.stringify(subjects)}}`;
  });
}
