import {
  normalizePhone,
  type TAdminClass,
  type TClassDetail,
  type TGuardianCreate,
  type TPupilCreate,
  ZClassCreate,
  ZGuardianCreate,
  ZPupilCreate,
} from '../../../shared/api/admin.js';
import type { z } from 'zod';
import type { ZClassCreate as ZClassCreateT, ZGuardianPatch, ZPupilPatch } from '../../../shared/api/admin.js';
import type { Lang } from '../../../shared/errors.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import * as repo from './admin.classes.repo.js';
import { fieldError } from './admin.fields.js';
import { byUkrainianName } from './service.js';

export async function requireOpenYear(c: Client, schoolId: number): Promise<repo.YearRow> {
  const year = await repo.openYear(c, schoolId);
  if (!year) throw new AppError('no_open_year');
  return year;
}

async function requireClass(c: Client, schoolId: number, classId: number): Promise<TAdminClass> {
  const cls = await repo.findClass(c, schoolId, classId);
  if (!cls) throw new AppError('not_found');
  return cls;
}

async function requireTeacher(c: Client, schoolId: number, teacherId: number | null, lang: Lang): Promise<void> {
  if (teacherId !== null && !(await repo.isActiveStaff(c, schoolId, teacherId))) throw fieldError(lang, 'classTeacherId', 'no_such_teacher');
}

export async function listClasses(db: Database, ctx: TenantContext) {
  return withSchool(db, ctx, async (c) => {
    const year = await requireOpenYear(c, ctx.schoolId);
    return { year, classes: await repo.yearClasses(c, ctx.schoolId, year.id) };
  });
}

/** A class of the open year: grade 1-11, a Ukrainian letter, optionally its class teacher. */
export async function createClass(db: Database, ctx: TenantContext, input: z.input<typeof ZClassCreateT>, lang: Lang = 'uk'): Promise<TAdminClass> {
  const data = ZClassCreate.parse(input);
  return withSchool(db, ctx, async (c) => {
    const year = await requireOpenYear(c, ctx.schoolId);
    await requireTeacher(c, ctx.schoolId, data.classTeacherId, lang);
    const id = await repo.insertClass(c, ctx.schoolId, { yearId: year.id, ...data });
    if (!id) throw new AppError('class_exists', { label: `${data.grade}-${data.letter}` });
    return requireClass(c, ctx.schoolId, id);
  });
}

export async function setClassTeacher(db: Database, ctx: TenantContext, classId: number, teacherId: number | null, lang: Lang = 'uk'): Promise<TAdminClass> {
  return withSchool(db, ctx, async (c) => {
    await requireClass(c, ctx.schoolId, classId);
    await requireTeacher(c, ctx.schoolId, teacherId, lang);
    await repo.setClassTeacher(c, ctx.schoolId, classId, teacherId);
    return requireClass(c, ctx.schoolId, classId);
  });
}

/** The class with every pupil who was ever in it this year, their guardians, and its movement. */
export async function classDetail(db: Database, ctx: TenantContext, classId: number): Promise<TClassDetail> {
  return withSchool(db, ctx, async (c) => {
    const cls = await requireClass(c, ctx.schoolId, classId);
    const year = (await c.query(
      `SELECT id, name, starts_on AS "startsOn", ends_on AS "endsOn" FROM school_year WHERE school_id = $1 AND id = $2`,
      [ctx.schoolId, cls.yearId],
    )).rows[0];
    const pupils = (await repo.classPupils(c, ctx.schoolId, classId)).sort(byUkrainianName);
    const movement = await repo.classMovement(c, ctx.schoolId, classId, year.startsOn);
    return { class: cls, year, pupils, movement };
  });
}

/** The movement list of a class (arrived, left, with dates and orders). */
export async function classMovement(db: Database, ctx: TenantContext, classId: number) {
  const detail = await classDetail(db, ctx, classId);
  return { movement: detail.movement };
}

/** A new pupil enrolled in the class from the given date (the year's first day by default). */
export async function addPupil(db: Database, ctx: TenantContext, classId: number, input: TPupilCreate, lang: Lang = 'uk') {
  const data = ZPupilCreate.parse(input);
  return withSchool(db, ctx, async (c) => {
    const cls = await requireClass(c, ctx.schoolId, classId);
    const year = await repo.openYear(c, ctx.schoolId);
    if (!year || year.id !== cls.yearId) throw new AppError('year_closed');
    const fromDate = data.fromDate ?? year.startsOn;
    if (fromDate < year.startsOn || fromDate > year.endsOn) {
      throw fieldError(lang, 'fromDate', 'date_outside_year', { from: year.startsOn, to: year.endsOn });
    }
    const [pupilId] = await repo.insertPupils(c, ctx.schoolId, [data]);
    await repo.insertEnrollments(c, ctx.schoolId, [{ pupilId, classId, fromDate, order: data.order }]);
    return { ...(await repo.findPupil(c, ctx.schoolId, pupilId))!, fromDate, toDate: null };
  });
}

export async function updatePupil(db: Database, ctx: TenantContext, pupilId: number, patch: z.infer<typeof ZPupilPatch>) {
  return withSchool(db, ctx, async (c) => {
    if (!(await repo.findPupil(c, ctx.schoolId, pupilId))) throw new AppError('not_found');
    await repo.updatePupil(c, ctx.schoolId, pupilId, patch);
    return (await repo.findPupil(c, ctx.schoolId, pupilId))!;
  });
}

/** A guardian (parent) of the pupil: names, phone, e-mail, relation. */
export async function addGuardian(db: Database, ctx: TenantContext, pupilId: number, input: TGuardianCreate) {
  const data = ZGuardianCreate.parse(input);
  return withSchool(db, ctx, async (c) => {
    if (!(await repo.findPupil(c, ctx.schoolId, pupilId))) throw new AppError('not_found');
    const phone = data.phone ? normalizePhone(data.phone)! : '';
    const [guardianId] = await repo.insertGuardians(c, ctx.schoolId, [{ ...data, phone, email: data.email || null }]);
    await repo.linkGuardians(c, ctx.schoolId, [{ pupilId, guardianId, relation: data.relation }]);
    return (await repo.findPupil(c, ctx.schoolId, pupilId))!;
  });
}

export async function updateGuardian(db: Database, ctx: TenantContext, guardianId: number, patch: z.infer<typeof ZGuardianPatch>) {
  return withSchool(db, ctx, async (c) => {
    if (!(await repo.findGuardian(c, ctx.schoolId, guardianId))) throw new AppError('not_found');
    const phone = patch.phone === undefined ? undefined : patch.phone ? normalizePhone(patch.phone)! : '';
    await repo.updateGuardian(c, ctx.schoolId, guardianId, { ...patch, phone });
    if (patch.relation) await repo.setRelation(c, ctx.schoolId, guardianId, patch.relation);
    return (await repo.findGuardian(c, ctx.schoolId, guardianId))!;
  });
}

export async function unlinkGuardian(db: Database, ctx: TenantContext, pupilId: number, guardianId: number) {
  return withSchool(db, ctx, async (c) => {
    if (!(await repo.unlinkGuardian(c, ctx.schoolId, pupilId, guardianId))) throw new AppError('not_found');
    return (await repo.findPupil(c, ctx.schoolId, pupilId))!;
  });
}
