import type { TStaffCreate, TStaffMember, TStaffPatch, TStaffYearRoles } from '../../../shared/api/admin.js';
import { ZStaffCreate } from '../../../shared/api/admin.js';
import { ERRORS, formatMessage, type Lang } from '../../../shared/errors.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { hashPassword } from '../auth/service.js';
import { loginStem, oneTimePassword, pickLogins } from './admin.accounts.js';
import * as repo from './admin.staff.repo.js';
import { byUkrainianName } from './service.js';

async function loadStaff(c: Client, schoolId: number, userId: number): Promise<TStaffMember> {
  const s = await repo.findStaff(c, schoolId, userId);
  if (!s) throw new AppError('not_found');
  return s;
}

export async function listStaff(db: Database, ctx: TenantContext): Promise<TStaffMember[]> {
  const staff = await withSchool(db, ctx, (c) => repo.listStaff(c, ctx.schoolId));
  return staff.sort((a, b) => Number(b.active) - Number(a.active) || byUkrainianName(a, b));
}

/** Picks free logins for people (given ones must be free; generated ones take the next number). */
export async function assignLogins(
  c: Client,
  people: { lastName: string; firstName: string; login?: string }[],
  lang: Lang = 'uk',
): Promise<string[]> {
  const given = people.map((p) => p.login).filter((l): l is string => !!l);
  const taken = await repo.takenLogins(c, given);
  const clash = given.find((l) => taken.has(l));
  if (clash) {
    const message = formatMessage(ERRORS.login_taken[lang], { login: clash });
    throw new AppError('login_taken', { login: clash }, { fields: [{ path: 'login', message }] });
  }
  const stems = people.filter((p) => !p.login).map((p) => loginStem(p.lastName, p.firstName));
  const existing = stems.length ? await repo.loginsLike(c, [...new Set(stems)]) : [];
  const picked = pickLogins(stems, [...existing, ...given]);
  let next = 0;
  return people.map((p) => p.login || picked[next++]);
}

/** A new staff member with an account, a one-time password (shown once) and roles. */
export async function createStaff(db: Database, ctx: TenantContext, input: TStaffCreate, lang: Lang = 'uk') {
  const data = ZStaffCreate.parse(input);
  const initialPassword = oneTimePassword();
  const passwordHash = await hashPassword(initialPassword);
  return withSchool(db, ctx, async (c) => {
    const [login] = await assignLogins(c, [{ ...data, login: data.login || undefined }], lang);
    const roles = [...new Set(data.roles)];
    const [userId] = await repo.insertStaff(c, ctx.schoolId, [
      { ...data, login, passwordHash, email: data.email || null, roles },
    ]);
    await repo.logStaffChanges(c, ctx.schoolId, ctx.userId, [{ userId, action: 'created', details: { login, roles, position: data.position } }]);
    return { staff: await loadStaff(c, ctx.schoolId, userId), login, initialPassword };
  });
}

/** Names, e-mail and position; the change log keeps the old and new values. */
export async function updateStaff(db: Database, ctx: TenantContext, userId: number, patch: TStaffPatch): Promise<TStaffMember> {
  return withSchool(db, ctx, async (c) => {
    const before = await loadStaff(c, ctx.schoolId, userId);
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['lastName', 'firstName', 'middleName', 'position', 'email'] as const) {
      const next = patch[key];
      if (next === undefined) continue;
      const old = key === 'email' ? (before.email ?? '') : before[key];
      if (old !== next) changed[key] = { from: old, to: next };
    }
    if (!Object.keys(changed).length) return before;
    await repo.updateAccount(c, userId, { ...patch, email: patch.email === undefined ? undefined : patch.email || null });
    if (patch.position !== undefined) await repo.setPosition(c, ctx.schoolId, userId, patch.position);
    await repo.logStaffChanges(c, ctx.schoolId, ctx.userId, [{ userId, action: 'updated', details: changed }]);
    return loadStaff(c, ctx.schoolId, userId);
  });
}

/**
 * Deactivates or reactivates a staff member in this school. Their journals keep them as the
 * author; a person left with no post, child or city role anywhere is switched off entirely.
 */
export async function setActive(db: Database, ctx: TenantContext, userId: number, active: boolean): Promise<TStaffMember> {
  if (!active && userId === ctx.userId) throw new AppError('self_lockout');
  return withSchool(db, ctx, async (c) => {
    const before = await loadStaff(c, ctx.schoolId, userId);
    if (before.active === active) return before;
    await repo.setStaffActive(c, ctx.schoolId, userId, active);
    if (active) await repo.setAccountActive(c, userId, true);
    else if (!(await repo.hasMembershipAnywhere(c, userId))) await repo.setAccountActive(c, userId, false);
    await repo.logStaffChanges(c, ctx.schoolId, ctx.userId, [{ userId, action: active ? 'activated' : 'deactivated' }]);
    return loadStaff(c, ctx.schoolId, userId);
  });
}

/** A new one-time password for a staff member of this school, shown once. */
export async function resetPassword(db: Database, ctx: TenantContext, userId: number) {
  const initialPassword = oneTimePassword();
  const passwordHash = await hashPassword(initialPassword);
  return withSchool(db, ctx, async (c) => {
    const before = await loadStaff(c, ctx.schoolId, userId);
    await repo.setOneTimePassword(c, userId, passwordHash);
    await repo.logStaffChanges(c, ctx.schoolId, ctx.userId, [{ userId, action: 'password_reset' }]);
    return { staff: { ...before, mustChangePassword: true }, login: before.login, initialPassword };
  });
}

/** The year roles are set for: the one named (of this school, not closed) or the current one. */
async function yearFor(c: Client, schoolId: number, yearId: number | undefined) {
  const years = await repo.schoolYears(c, schoolId);
  const year = yearId === undefined ? years.find((y) => y.current) : years.find((y) => y.yearId === yearId);
  if (!year) throw new AppError('no_such_year');
  if (year.closed) throw new AppError('year_closed');
  return year;
}

/** The person's roles in each school year: the current one, years to come, closed ones kept. */
export async function yearRoles(db: Database, ctx: TenantContext, userId: number): Promise<TStaffYearRoles> {
  return withSchool(db, ctx, async (c) => {
    await loadStaff(c, ctx.schoolId, userId);
    const roles = await repo.yearRoles(c, ctx.schoolId, userId);
    const years = await repo.schoolYears(c, ctx.schoolId);
    return { years: years.map((y) => ({ ...y, roles: (roles.get(y.yearId) ?? []) as TStaffYearRoles['years'][number]['roles'] })) };
  });
}

/**
 * Sets the person's roles in this school for one school year (the current one unless another
 * is named): next year's roles do not change this year's, and a closed year's stay as they were.
 * Each added or removed role goes to the change log with its year.
 */
export async function setRoles(db: Database, ctx: TenantContext, userId: number, roles: string[], yearId?: number): Promise<TStaffMember> {
  return withSchool(db, ctx, async (c) => {
    await loadStaff(c, ctx.schoolId, userId);
    const year = await yearFor(c, ctx.schoolId, yearId);
    const had = (await repo.yearRoles(c, ctx.schoolId, userId)).get(year.yearId) ?? [];
    const next = new Set(roles);
    const added = [...next].filter((r) => !had.includes(r));
    const removed = had.filter((r) => !next.has(r));
    if (year.current && userId === ctx.userId && removed.includes('admin')) throw new AppError('self_lockout');
    await repo.addRoles(c, ctx.schoolId, year.yearId, userId, added);
    await repo.removeRoles(c, ctx.schoolId, year.yearId, userId, removed);
    const details = (role: string) => ({ role, year: year.name });
    await repo.logStaffChanges(c, ctx.schoolId, ctx.userId, [
      ...added.map((role) => ({ userId, action: 'role_added', details: details(role) })),
      ...removed.map((role) => ({ userId, action: 'role_removed', details: details(role) })),
    ]);
    return loadStaff(c, ctx.schoolId, userId);
  });
}

export async function history(db: Database, ctx: TenantContext, userId: number) {
  return withSchool(db, ctx, async (c) => {
    await loadStaff(c, ctx.schoolId, userId);
    return { changes: await repo.staffHistory(c, ctx.schoolId, userId) };
  });
}
