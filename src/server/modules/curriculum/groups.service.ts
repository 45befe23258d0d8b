import type { TClassGroups } from '../../../shared/api/curriculum.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, todayOf, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import * as repo from './groups.repo.js';

const collator = new Intl.Collator('uk');

async function groupsOf(c: Client, db: Database, schoolId: number, cls: repo.ClassRow): Promise<TClassGroups> {
  const pupils = (await repo.classPupilsOn(c, schoolId, cls.id, todayOf(db)))
    .sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName))
    .map((p) => ({ id: p.id, name: `${p.lastName} ${p.firstName}` }));
  return { classId: cls.id, classLabel: cls.label, groups: await repo.classGroups(c, schoolId, cls.id), pupils };
}

async function requireClass(c: Client, schoolId: number, classId: number, write: boolean): Promise<repo.ClassRow> {
  const cls = await repo.classRow(c, schoolId, classId);
  if (!cls) throw new AppError('not_found');
  if (write && cls.yearStatus === 'closed') throw new AppError('year_closed');
  return cls;
}

/** A class's split groups with their pupils, and the class's pupils to pick from. */
export async function classGroups(db: Database, ctx: TenantContext, classId: number): Promise<TClassGroups> {
  return withSchool(db, ctx, async (c) => groupsOf(c, db, ctx.schoolId, await requireClass(c, ctx.schoolId, classId, false)));
}

export async function addGroup(db: Database, ctx: TenantContext, classId: number, name: string): Promise<TClassGroups> {
  return withSchool(db, ctx, async (c) => {
    const cls = await requireClass(c, ctx.schoolId, classId, true);
    if (await repo.groupNamed(c, ctx.schoolId, classId, name, null)) throw new AppError('group_exists', { name });
    await repo.insertGroup(c, ctx.schoolId, classId, name);
    return groupsOf(c, db, ctx.schoolId, cls);
  });
}

async function requireGroup(c: Client, schoolId: number, groupId: number) {
  const group = await repo.lockGroup(c, schoolId, groupId);
  if (!group) throw new AppError('not_found');
  const cls = await requireClass(c, schoolId, group.classId, true);
  return { group, cls };
}

export async function renameGroup(db: Database, ctx: TenantContext, groupId: number, name: string): Promise<TClassGroups> {
  return withSchool(db, ctx, async (c) => {
    const { group, cls } = await requireGroup(c, ctx.schoolId, groupId);
    if (await repo.groupNamed(c, ctx.schoolId, group.classId, name, groupId)) throw new AppError('group_exists', { name });
    await repo.renameGroup(c, ctx.schoolId, groupId, name);
    return groupsOf(c, db, ctx.schoolId, cls);
  });
}

/** Sets the group's pupils; every one of them must be (or have been) in the class. */
export async function setMembers(db: Database, ctx: TenantContext, groupId: number, pupilIds: number[]): Promise<TClassGroups> {
  return withSchool(db, ctx, async (c) => {
    const { cls } = await requireGroup(c, ctx.schoolId, groupId);
    const unique = [...new Set(pupilIds)];
    const inClass = await repo.pupilsOfClass(c, ctx.schoolId, cls.id, unique);
    const strangers = unique.filter((id) => !inClass.has(id));
    if (strangers.length) throw new AppError('pupils_not_in_class', { count: strangers.length }, { pupilIds: strangers });
    await repo.replaceMembers(c, ctx.schoolId, groupId, unique);
    return groupsOf(c, db, ctx.schoolId, cls);
  });
}

/** Deletes a group that has no journal pages. */
export async function removeGroup(db: Database, ctx: TenantContext, groupId: number): Promise<TClassGroups> {
  return withSchool(db, ctx, async (c) => {
    const { cls } = await requireGroup(c, ctx.schoolId, groupId);
    if ((await repo.groupPages(c, ctx.schoolId, groupId)) > 0) throw new AppError('group_in_use');
    await repo.deleteGroup(c, ctx.schoolId, groupId);
    return groupsOf(c, db, ctx.schoolId, cls);
  });
}
