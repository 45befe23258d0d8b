import {
  SURVEY_QUESTIONS,
  type TInventoryInput,
  type TMeasure,
  type TMeasureInput,
  type TMySurvey,
  type TReadiness,
  type TSurveyInput,
} from '../../../shared/api/readiness.js';
import type { Database } from '../../db/database.js';
import { type TenantContext, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import * as repo from './repo.js';

const collator = new Intl.Collator('uk');

async function yearOf(c: Parameters<typeof repo.openYearId>[0], schoolId: number): Promise<number> {
  const id = await repo.openYearId(c, schoolId);
  if (!id) throw new AppError('not_found');
  return id;
}

/** The plan, the inventory and the survey results of the open year, with teachers' names (school staff only). */
export async function readiness(db: Database, ctx: TenantContext): Promise<TReadiness> {
  return withSchool(db, ctx, async (c) => {
    const yearId = await yearOf(c, ctx.schoolId);
    const rows = await repo.surveyRows(c, ctx.schoolId, yearId);
    const named = rows
      .map((r) => ({ ...r, name: [r.last, r.first, r.middle].filter(Boolean).join(' ') }))
      .sort((a, b) => collator.compare(a.name, b.name));
    const answered = named.filter((r) => r.answers);
    const averages = SURVEY_QUESTIONS.map((_, i) =>
      answered.length ? Math.round((answered.reduce((s, r) => s + (r.answers?.[i] ?? 0), 0) / answered.length) * 100) / 100 : null,
    );
    return {
      measures: await repo.listMeasures(c, ctx.schoolId),
      inventory: await repo.getInventory(c, ctx.schoolId),
      survey: {
        teachers: named.length,
        answered: answered.length,
        needTraining: answered.filter((r) => r.needsTraining).length,
        averages,
        answers: answered.map((r) => ({ userId: r.userId, name: r.name, answers: r.answers ?? [], needsTraining: !!r.needsTraining, updatedAt: r.updatedAt ?? '' })),
        notAnswered: named.filter((r) => !r.answers).map((r) => ({ userId: r.userId, name: r.name })),
      },
    };
  });
}

export function addMeasure(db: Database, ctx: TenantContext, body: TMeasureInput): Promise<TMeasure> {
  return withSchool(db, ctx, (c) => repo.insertMeasure(c, ctx.schoolId, body));
}

export function changeMeasure(db: Database, ctx: TenantContext, id: number, body: Partial<TMeasureInput>): Promise<TMeasure> {
  return withSchool(db, ctx, async (c) => {
    const m = await repo.updateMeasure(c, ctx.schoolId, id, body);
    if (!m) throw new AppError('not_found');
    return m;
  });
}

export function removeMeasure(db: Database, ctx: TenantContext, id: number): Promise<{ ok: true }> {
  return withSchool(db, ctx, async (c) => {
    if (!(await repo.deleteMeasure(c, ctx.schoolId, id))) throw new AppError('not_found');
    return { ok: true as const };
  });
}

export function setInventory(db: Database, ctx: TenantContext, body: TInventoryInput) {
  return withSchool(db, ctx, async (c) => {
    await repo.putInventory(c, ctx.schoolId, body);
    return (await repo.getInventory(c, ctx.schoolId))!;
  });
}

/** The signed-in staff member's own answer of the open year. */
export function mySurvey(db: Database, ctx: TenantContext): Promise<TMySurvey> {
  return withSchool(db, ctx, async (c) => {
    const yearId = await yearOf(c, ctx.schoolId);
    return { yearId, questions: SURVEY_QUESTIONS.map((q) => ({ ...q })), answer: await repo.getSurvey(c, ctx.schoolId, yearId, ctx.userId) };
  });
}

/** Answers (or changes) the signed-in staff member's own survey: one answer per teacher and year. */
export function answerSurvey(db: Database, ctx: TenantContext, body: TSurveyInput): Promise<TMySurvey> {
  return withSchool(db, ctx, async (c) => {
    const yearId = await yearOf(c, ctx.schoolId);
    await repo.putSurvey(c, ctx.schoolId, yearId, ctx.userId, body.answers, body.needsTraining);
    return { yearId, questions: SURVEY_QUESTIONS.map((q) => ({ ...q })), answer: await repo.getSurvey(c, ctx.schoolId, yearId, ctx.userId) };
  });
}
