import type { TClassPupils, TClassSummary, TPupilCard, TSchoolOverview } from '../../../shared/api/people.js';
import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type TenantContext, withSchool } from '../../db/tenancy.js';
import { membershipOf } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import * as repo from './repo.js';

const collator = new Intl.Collator('uk');

/** Sorts people the Ukrainian way (є, і, ї, ґ in their places), by last then first name. */
export function byUkrainianName<T extends { lastName: string; firstName: string }>(a: T, b: T): number {
  return collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);
}

export async function listClasses(db: Database, ctx: TenantContext): Promise<TClassSummary[]> {
  return withSchool(db, ctx, (c) => repo.listClasses(c, ctx.schoolId));
}

export async function overview(db: Database, ctx: TenantContext): Promise<TSchoolOverview> {
  return withSchool(db, ctx, (c) => repo.overview(c, ctx.schoolId));
}

/** A class and its pupils; a subject teacher only for a class they teach. */
export async function classPupils(db: Database, ctx: TenantContext, principal: TPrincipal, classId: number): Promise<TClassPupils> {
  return withSchool(db, ctx, async (c) => {
    const cls = await repo.findClass(c, ctx.schoolId, classId);
    if (!cls) throw new AppError('not_found');
    const m = membershipOf(principal, ctx.schoolId)!;
    const leads = m.roles.some((r) => r === 'head' || r === 'controller' || r === 'admin') || m.classIds.includes(classId);
    if (!leads && !(await repo.teachesClass(c, ctx.schoolId, ctx.userId, classId))) throw new AppError('forbidden');
    const pupils = (await repo.classPupils(c, ctx.schoolId, classId)).sort(byUkrainianName);
    return { class: cls, pupils };
  });
}

export async function pupilCard(db: Database, ctx: TenantContext, pupilId: number): Promise<TPupilCard> {
  const card = await withSchool(db, ctx, (c) => repo.pupilCard(c, ctx.schoolId, pupilId));
  if (!card) throw new AppError('not_found');
  return card;
}
