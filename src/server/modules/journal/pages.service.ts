import type { TPageSummary } from '../../../shared/api/pages.js';
import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type TenantContext, withSchool } from '../../db/tenancy.js';
import { membershipOf } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import * as repo from './pages.repo.js';

/**
 * Journal pages the person may read: all for the head, controller and administrator; otherwise
 * their own pages, or (class teacher) the pages of their classes.
 */
export async function listPages(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  query: { mine?: 'true' | 'false'; classId?: number },
): Promise<TPageSummary[]> {
  const m = membershipOf(principal, ctx.schoolId)!;
  const seesAll = m.roles.some((r) => r === 'head' || r === 'controller' || r === 'admin');
  const classIds = query.classId ? [query.classId] : undefined;
  if (query.mine === 'true') return withSchool(db, ctx, (c) => repo.listPages(c, ctx.schoolId, { teacherId: ctx.userId, classIds }));
  if (seesAll) return withSchool(db, ctx, (c) => repo.listPages(c, ctx.schoolId, { classIds }));
  if (query.classId) {
    if (!m.classIds.includes(query.classId)) throw new AppError('forbidden');
    return withSchool(db, ctx, (c) => repo.listPages(c, ctx.schoolId, { classIds }));
  }
  return withSchool(db, ctx, (c) => repo.listPages(c, ctx.schoolId, { teacherId: ctx.userId }));
}
