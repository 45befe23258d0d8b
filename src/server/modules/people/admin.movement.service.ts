import type { Lang } from '../../../shared/errors.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import * as repo from './admin.classes.repo.js';
import { requireOpenYear } from './admin.classes.service.js';
import { fieldError, movementRefused } from './admin.fields.js';

/**
 * Movement of pupils: an arrival opens a stay in a class, a departure ends it, a transfer ends
 * one and opens the next the same day. Marks and attendance stay where they were made: a
 * stay's rows are never moved or deleted, only given an end date.
 */

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

interface Move {
  pupilId: number;
  date: string;
  order: string;
}

async function prepare(c: Client, schoolId: number, move: Move, lang: Lang) {
  const year = await requireOpenYear(c, schoolId);
  if (move.date < year.startsOn || move.date > year.endsOn) {
    throw fieldError(lang, 'date', 'date_outside_year', { from: year.startsOn, to: year.endsOn });
  }
  const stays = await repo.pupilEnrollments(c, schoolId, move.pupilId);
  if (!stays.length && !(await repo.findPupil(c, schoolId, move.pupilId))) throw new AppError('not_found');
  const current = stays.find((e) => e.fromDate <= move.date && (e.toDate === null || e.toDate >= move.date));
  const later = stays.find((e) => e.fromDate > move.date);
  return { year, stays, current, later };
}

async function requireClassOfYear(c: Client, schoolId: number, classId: number, yearId: number, lang: Lang) {
  const cls = await repo.findClass(c, schoolId, classId);
  if (!cls) throw new AppError('not_found');
  if (cls.yearId !== yearId) throw movementRefused(lang, 'other_year');
  return cls;
}

async function labelOf(c: Client, schoolId: number, classId: number): Promise<string> {
  return (await repo.findClass(c, schoolId, classId))?.label ?? '';
}

/** A pupil arrives in a class on a date by an order (a new pupil, or one who had left). */
export async function arrive(db: Database, ctx: TenantContext, move: Move & { classId: number }, lang: Lang) {
  return withSchool(db, ctx, async (c) => {
    const { year, current, later } = await prepare(c, ctx.schoolId, move, lang);
    await requireClassOfYear(c, ctx.schoolId, move.classId, year.id, lang);
    if (current) throw movementRefused(lang, 'already_enrolled', { label: await labelOf(c, ctx.schoolId, current.classId) });
    if (later) throw movementRefused(lang, 'later_stay', { date: later.fromDate });
    await repo.insertEnrollments(c, ctx.schoolId, [{ pupilId: move.pupilId, classId: move.classId, fromDate: move.date, order: move.order }]);
    return { enrollments: await repo.pupilEnrollments(c, ctx.schoolId, move.pupilId) };
  });
}

/** A pupil leaves the school: the current stay ends on the date (the last day on the roll). */
export async function depart(db: Database, ctx: TenantContext, move: Move, lang: Lang) {
  return withSchool(db, ctx, async (c) => {
    const { current, later } = await prepare(c, ctx.schoolId, move, lang);
    if (!current) throw movementRefused(lang, 'not_enrolled');
    if (later) throw movementRefused(lang, 'later_stay', { date: later.fromDate });
    await repo.closeEnrollment(c, ctx.schoolId, current.id, move.date, move.order);
    return { enrollments: await repo.pupilEnrollments(c, ctx.schoolId, move.pupilId) };
  });
}

/** A pupil moves to another class from the date: one stay ends the day before, the next begins. */
export async function transfer(db: Database, ctx: TenantContext, move: Move & { toClassId: number }, lang: Lang) {
  return withSchool(db, ctx, async (c) => {
    const { year, current, later } = await prepare(c, ctx.schoolId, move, lang);
    await requireClassOfYear(c, ctx.schoolId, move.toClassId, year.id, lang);
    if (!current) throw movementRefused(lang, 'not_enrolled');
    if (current.classId === move.toClassId) throw movementRefused(lang, 'same_class');
    if (current.fromDate >= move.date) throw movementRefused(lang, 'before_arrival', { date: current.fromDate });
    if (later || current.toDate !== null) throw movementRefused(lang, 'later_stay', { date: later?.fromDate ?? current.toDate! });
    await repo.closeEnrollment(c, ctx.schoolId, current.id, dayBefore(move.date), move.order);
    await repo.insertEnrollments(c, ctx.schoolId, [{ pupilId: move.pupilId, classId: move.toClassId, fromDate: move.date, order: move.order }]);
    return { enrollments: await repo.pupilEnrollments(c, ctx.schoolId, move.pupilId) };
  });
}
