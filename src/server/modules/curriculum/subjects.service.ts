import type { TPlan, TPlanInput, TSubject, TSubjectInput } from '../../../shared/api/curriculum.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import * as repo from './subjects.repo.js';

const collator = new Intl.Collator('uk');

async function sortedSubjects(c: Client, schoolId: number): Promise<TSubject[]> {
  return (await repo.subjects(c, schoolId)).sort((a, b) => collator.compare(a.name, b.name));
}

export async function listSubjects(db: Database, ctx: TenantContext): Promise<TSubject[]> {
  return withSchool(db, ctx, (c) => sortedSubjects(c, ctx.schoolId));
}

export async function addSubject(db: Database, ctx: TenantContext, input: TSubjectInput): Promise<TSubject[]> {
  return withSchool(db, ctx, async (c) => {
    if (await repo.subjectNamed(c, ctx.schoolId, input.name, null)) throw new AppError('subject_exists', { name: input.name });
    await repo.insertSubject(c, ctx.schoolId, input);
    return sortedSubjects(c, ctx.schoolId);
  });
}

export async function renameSubject(db: Database, ctx: TenantContext, subjectId: number, input: TSubjectInput): Promise<TSubject[]> {
  return withSchool(db, ctx, async (c) => {
    if (await repo.subjectNamed(c, ctx.schoolId, input.name, subjectId)) throw new AppError('subject_exists', { name: input.name });
    if (!(await repo.updateSubject(c, ctx.schoolId, subjectId, input))) throw new AppError('not_found');
    return sortedSubjects(c, ctx.schoolId);
  });
}

/** Deletes a subject that no page or curriculum row uses. */
export async function removeSubject(db: Database, ctx: TenantContext, subjectId: number): Promise<TSubject[]> {
  return withSchool(db, ctx, async (c) => {
    const subject = (await repo.subjects(c, ctx.schoolId)).find((s) => s.id === subjectId);
    if (!subject) throw new AppError('not_found');
    if (subject.inUse) throw new AppError('subject_in_use');
    await repo.deleteSubject(c, ctx.schoolId, subjectId);
    return sortedSubjects(c, ctx.schoolId);
  });
}

async function planOf(c: Client, schoolId: number, year: repo.YearRow): Promise<TPlan> {
  return { year, grades: await repo.yearGrades(c, schoolId, year.id), rows: await repo.planRows(c, schoolId, year.id) };
}

/** The current year's curriculum: weekly hours of each subject in each grade. */
export async function getPlan(db: Database, ctx: TenantContext): Promise<TPlan> {
  return withSchool(db, ctx, async (c) => {
    const year = await repo.currentYear(c, ctx.schoolId);
    if (!year) throw new AppError('not_found');
    return planOf(c, ctx.schoolId, year);
  });
}

/** Sets a grade's weekly hours of a subject (0 takes the subject out of the grade). */
export async function setPlanRow(db: Database, ctx: TenantContext, input: Required<TPlanInput>): Promise<TPlan> {
  return withSchool(db, ctx, async (c) => {
    const year = await repo.currentYear(c, ctx.schoolId);
    if (!year) throw new AppError('not_found');
    if (year.status === 'closed') throw new AppError('year_closed');
    if (!(await repo.subjectExists(c, ctx.schoolId, input.subjectId))) throw new AppError('not_found');
    await repo.setPlanRow(c, ctx.schoolId, year.id, input);
    return planOf(c, ctx.schoolId, year);
  });
}
