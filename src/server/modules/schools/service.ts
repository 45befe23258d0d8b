import type { TCitySchools, TSchool } from '../../../shared/api/schools.js';
import type { Database } from '../../db/database.js';
import { type TenantContext, withSchool, withSystem } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import * as repo from './repo.js';

export async function getSchool(db: Database, ctx: TenantContext): Promise<TSchool> {
  const row = await withSchool(db, ctx, (c) => repo.schoolWithYear(c, ctx.schoolId));
  if (!row) throw new AppError('not_found');
  return row;
}

/** City monitoring reads across schools, so it runs as the system role, returning counts only. */
export async function getCitySchools(db: Database, cityId: number): Promise<TCitySchools> {
  const row = await withSystem(db, (c) => repo.citySchools(c, cityId));
  if (!row) throw new AppError('not_found');
  return row;
}
