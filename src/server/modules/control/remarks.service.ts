import type { TRemark, TRemarkAction, TRemarkCreate, TRemarks } from '../../../shared/api/control.js';
import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { membershipOf } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import { ACTION_STATUS, controlsRemarks, remarkAbilities, seesAllRemarks } from './policy.js';
import * as repo from './remarks.repo.js';

function rolesOf(principal: TPrincipal, schoolId: number) {
  return membershipOf(principal, schoolId)?.roles ?? [];
}

function withAbilities(row: repo.RemarkRow, principal: TPrincipal, ctx: TenantContext): TRemark {
  return { ...row, can: remarkAbilities({ roles: rolesOf(principal, ctx.schoolId), userId: ctx.userId, teacherId: row.teacherId, status: row.status }) };
}

/** Remarks the person may see: the leadership all of the school's, a teacher those on their own pages. */
export async function listRemarks(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  q: { status: repo.RemarkFilter; pageId?: number; teacherId?: number; mine?: 'true' | 'false' },
): Promise<TRemarks> {
  const all = seesAllRemarks(rolesOf(principal, ctx.schoolId));
  const teacherId = !all || q.mine === 'true' ? ctx.userId : q.teacherId;
  const rows = await withSchool(db, ctx, (c) => repo.listRemarks(c, ctx.schoolId, { status: q.status, pageId: q.pageId, teacherId }));
  return { today: todayOf(db), remarks: rows.map((r) => withAbilities(r, principal, ctx)) };
}

/** Records a check of a page: date, remarks, deadline; its history starts with 'open'. */
export async function createRemark(db: Database, ctx: TenantContext, principal: TPrincipal, body: TRemarkCreate): Promise<TRemark> {
  if (body.deadline < body.checkedOn) throw new AppError('remark_deadline');
  if (body.checkedOn > todayOf(db)) throw new AppError('remark_future_check');
  return withSchool(db, ctx, async (c) => {
    if (!(await repo.pageTeacher(c, ctx.schoolId, body.pageId))) throw new AppError('not_found');
    const id = await repo.insertRemark(c, ctx.schoolId, ctx.userId, body);
    await repo.insertEvent(c, ctx.schoolId, { remarkId: id, userId: ctx.userId, from: null, to: 'open', note: '' });
    return withAbilities((await repo.getRemark(c, ctx.schoolId, id))!, principal, ctx);
  });
}

async function readableRemark(c: Client, ctx: TenantContext, principal: TPrincipal, remarkId: number, lock = false) {
  const row = await repo.getRemark(c, ctx.schoolId, remarkId, lock);
  if (!row) throw new AppError('not_found');
  if (!seesAllRemarks(rolesOf(principal, ctx.schoolId)) && row.teacherId !== ctx.userId) throw new AppError('forbidden');
  return row;
}

/**
 * Moves a remark on: the page's teacher acknowledges or marks it fixed; the controller or head
 * closes or reopens it. A wrong status answers 409, a stale version 409 with the current remark.
 */
export async function actOnRemark(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  opts: { remarkId: number; action: TRemarkAction; version: number; note: string },
): Promise<TRemark> {
  return withSchool(db, ctx, async (c) => {
    const row = await readableRemark(c, ctx, principal, opts.remarkId, true);
    const roles = rolesOf(principal, ctx.schoolId);
    const teacherAction = opts.action === 'acknowledge' || opts.action === 'fix';
    const entitled = teacherAction ? row.teacherId === ctx.userId : controlsRemarks(roles);
    if (!entitled) throw new AppError('forbidden');
    if (row.version !== opts.version) throw new AppError('conflict', {}, { remark: withAbilities(row, principal, ctx) });
    const can = remarkAbilities({ roles, userId: ctx.userId, teacherId: row.teacherId, status: row.status });
    if (!can[opts.action]) throw new AppError('remark_status');
    const to = ACTION_STATUS[opts.action];
    await repo.setStatus(c, ctx.schoolId, row.id, to);
    await repo.insertEvent(c, ctx.schoolId, { remarkId: row.id, userId: ctx.userId, from: row.status, to, note: opts.note });
    return withAbilities((await repo.getRemark(c, ctx.schoolId, row.id))!, principal, ctx);
  });
}

/** Every status change of a remark, oldest first. */
export async function remarkHistory(db: Database, ctx: TenantContext, principal: TPrincipal, remarkId: number) {
  return withSchool(db, ctx, async (c) => {
    await readableRemark(c, ctx, principal, remarkId);
    return { events: await repo.remarkEvents(c, ctx.schoolId, remarkId) };
  });
}

const collator = new Intl.Collator('uk');

/** Open, overdue and fixed remarks per teacher, the most overdue first. */
export async function remarksByTeacher(db: Database, ctx: TenantContext) {
  const rows = await withSchool(db, ctx, (c) => repo.countsByTeacher(c, ctx.schoolId));
  rows.sort((a, b) => b.overdue - a.overdue || b.open - a.open || collator.compare(a.teacherName, b.teacherName));
  return { today: todayOf(db), teachers: rows };
}
