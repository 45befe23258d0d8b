import type { TPromotionBody, TPromotionOutcome, TPromotionPreview, TPromotionResult } from '../../../shared/api/archive.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, withSchool } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import * as promo from './promotion.repo.js';
import * as repo from './repo.js';
import { copyStructure, type MovingClass, planStructure } from './structure.service.js';

const collator = new Intl.Collator('uk');

/** The same day and month a year later (29 February becomes 28). */
export function nextYearDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** '2025/2026' -> '2026/2027'; any other name: the years of the new dates. */
export function nextYearName(name: string, startsOn: string, endsOn: string): string {
  const m = /^(\d{4})\/(\d{4})$/.exec(name);
  if (m) return `${Number(m[1]) + 1}/${Number(m[2]) + 1}`;
  return `${startsOn.slice(0, 4)}/${endsOn.slice(0, 4)}`;
}

/** What may happen to a pupil of a grade: 11 graduates, 9 may graduate (leave with a certificate). */
export function allowedOutcomes(grade: number): TPromotionOutcome[] {
  if (grade >= 11) return ['graduate', 'repeat', 'leave'];
  if (grade === 9) return ['promote', 'graduate', 'repeat', 'leave'];
  return ['promote', 'repeat', 'leave'];
}

const defaultOutcome = (grade: number): TPromotionOutcome => (grade >= 11 ? 'graduate' : 'promote');

function targetLabel(grade: number, letter: string, outcome: TPromotionOutcome): string | null {
  if (outcome === 'promote') return `${grade + 1}-${letter}`;
  if (outcome === 'repeat') return `${grade}-${letter}`;
  return null;
}

interface Plan {
  fromYear: repo.YearRow;
  toYear: TPromotionPreview['toYear'];
  /** the end of the last semester: pupils, groups and timetable as they were that day */
  day: string;
  pupils: (promo.YearPupil & { outcome: TPromotionOutcome })[];
}

/** Classes with at least one pupil moving up (each once). */
function movingClasses(pupils: Plan['pupils']): MovingClass[] {
  const out = new Map<number, MovingClass>();
  for (const p of pupils) if (p.outcome === 'promote') out.set(p.classId, { classId: p.classId, grade: p.grade, letter: p.letter });
  return [...out.values()];
}

async function plan(c: Client, schoolId: number, yearId: number, lock: boolean): Promise<Plan> {
  const fromYear = await repo.year(c, schoolId, yearId, lock);
  if (!fromYear) throw new AppError('not_found');
  const existing = await promo.nextYear(c, schoolId, fromYear.startsOn);
  const startsOn = nextYearDate(fromYear.startsOn);
  const endsOn = nextYearDate(fromYear.endsOn);
  const toYear = existing ?? {
    id: null,
    name: nextYearName(fromYear.name, startsOn, endsOn),
    startsOn,
    endsOn,
    semesters: (await promo.semesters(c, schoolId, yearId)).map((s) => ({ number: s.number, startsOn: nextYearDate(s.startsOn), endsOn: nextYearDate(s.endsOn) })),
  };
  const day = await repo.annualDay(c, schoolId, yearId);
  const pupils = (await promo.pupilsAtYearEnd(c, schoolId, yearId, day)).map((p) => ({ ...p, outcome: defaultOutcome(p.grade) }));
  return { fromYear, toYear, day, pupils };
}

function toPreview(
  p: Plan,
  applied: boolean,
  recorded: Map<number, { outcome: TPromotionOutcome; toClass: string | null }>,
  structure: TPromotionPreview['structure'],
): TPromotionPreview {
  const classes = new Map<number, TPromotionPreview['classes'][number] & { letter: string }>();
  for (const x of p.pupils) {
    const k = classes.get(x.classId) ?? { classId: x.classId, label: `${x.grade}-${x.letter}`, grade: x.grade, letter: x.letter, pupils: [] };
    classes.set(x.classId, k);
    const rec = recorded.get(x.pupilId);
    const outcome = rec?.outcome ?? x.outcome;
    k.pupils.push({ id: x.pupilId, name: `${x.lastName} ${x.firstName}`, outcome, toClass: rec ? rec.toClass : targetLabel(x.grade, x.letter, outcome), allowed: allowedOutcomes(x.grade) });
  }
  const list = [...classes.values()].sort((a, b) => a.grade - b.grade || collator.compare(a.letter, b.letter));
  for (const k of list) k.pupils.sort((a, b) => collator.compare(a.name, b.name));
  return {
    fromYear: { id: p.fromYear.id, name: p.fromYear.name, status: p.fromYear.status },
    toYear: p.toYear,
    applied,
    structure,
    classes: list.map(({ letter: _letter, ...k }) => k),
  };
}

/** Who moves where: by default up one grade with the same letter, grade 11 graduates. */
export async function previewPromotion(db: Database, ctx: TenantContext, yearId: number): Promise<TPromotionPreview> {
  return withSchool(db, ctx, async (c) => {
    const p = await plan(c, ctx.schoolId, yearId, false);
    const rec = await promo.recorded(c, ctx.schoolId, yearId);
    const structure = rec.length
      ? null
      : await planStructure(c, { schoolId: ctx.schoolId, fromYearId: yearId, day: p.day, toYearId: p.toYear.id, moving: movingClasses(p.pupils) });
    return toPreview(p, rec.length > 0, new Map(rec.map((r) => [r.pupilId, r])), structure);
  });
}

/**
 * Applies the promotion with the head's exceptions: makes the next year (semesters on the same
 * days) and its classes when missing, enrols pupils from its first day, records every outcome,
 * and (when asked) copies the promoted classes' structure. All or nothing; once per year.
 */
export async function applyPromotion(db: Database, ctx: TenantContext, yearId: number, body: Required<TPromotionBody>): Promise<TPromotionResult> {
  return withSchool(db, ctx, async (c) => {
    const p = await plan(c, ctx.schoolId, yearId, true);
    if ((await promo.recorded(c, ctx.schoolId, yearId)).length) throw new AppError('already_promoted');
    const byPupil = new Map(p.pupils.map((x) => [x.pupilId, x]));
    const refused = body.exceptions.filter((e) => {
      const x = byPupil.get(e.pupilId);
      return !x || !allowedOutcomes(x.grade).includes(e.outcome);
    });
    if (refused.length) {
      throw new AppError('validation', {}, { fields: refused.map((e) => ({ path: `exceptions.${e.pupilId}`, message: e.outcome })) });
    }
    for (const e of body.exceptions) byPupil.get(e.pupilId)!.outcome = e.outcome;

    const toYearId = p.toYear.id ?? (await promo.insertYear(c, ctx.schoolId, p.toYear));
    const classes = new Map((await promo.classesOfYear(c, ctx.schoolId, toYearId)).map((k) => [`${k.grade}-${k.letter}`, k.id]));
    let classesCreated = 0;
    const rows: { pupilId: number; fromClassId: number; toClassId: number | null; outcome: TPromotionOutcome }[] = [];
    // promoted classes first, so a new class keeps its class teacher
    const ordered = [...byPupil.values()].sort((a, b) => Number(b.outcome === 'promote') - Number(a.outcome === 'promote'));
    for (const x of ordered) {
      const label = targetLabel(x.grade, x.letter, x.outcome);
      let toClassId: number | null = null;
      if (label) {
        toClassId = classes.get(label) ?? null;
        if (toClassId === null) {
          const grade = x.outcome === 'promote' ? x.grade + 1 : x.grade;
          toClassId = await promo.insertClass(c, ctx.schoolId, toYearId, { grade, letter: x.letter, classTeacherId: x.outcome === 'promote' ? x.classTeacherId : null });
          classes.set(label, toClassId);
          classesCreated++;
        }
      }
      rows.push({ pupilId: x.pupilId, fromClassId: x.classId, toClassId, outcome: x.outcome });
    }
    const enrol = rows.filter((r) => r.toClassId !== null).map((r) => ({ pupilId: r.pupilId, classId: r.toClassId! }));
    await promo.insertEnrollments(c, ctx.schoolId, p.toYear.startsOn, body.order, enrol);
    await promo.insertPromotions(c, ctx.schoolId, { fromYearId: yearId, toYearId, order: body.order, userId: ctx.userId }, rows);
    const counts = { promote: 0, repeat: 0, leave: 0, graduate: 0 };
    for (const r of rows) counts[r.outcome]++;
    const structure = body.copyStructure
      ? await copyStructure(c, {
          schoolId: ctx.schoolId,
          fromYearId: yearId,
          day: p.day,
          toYear: { id: toYearId, startsOn: p.toYear.startsOn },
          moving: movingClasses(p.pupils).map((k) => ({ ...k, toClassId: classes.get(`${k.grade + 1}-${k.letter}`)! })),
          placed: rows.filter((r) => r.toClassId !== null).map((r) => ({ pupilId: r.pupilId, toClassId: r.toClassId!, outcome: r.outcome })),
          timetable: body.copyTimetable,
        })
      : null;
    return { toYearId, toYearName: p.toYear.name, counts, classesCreated, structure };
  });
}
