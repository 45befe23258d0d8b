/**
 * The next year's structure copied from the year that ends: a promoted class (5-А → 6-А) gets
 * its pages (subject, group, teacher, hours, scale of the new grade), its groups with the pupils
 * who moved with it, and optionally its timetable; the curriculum is copied grade by grade.
 * Only reads the ending year, so a closed year stays as it was.
 */
import { defaultScaleOf } from '../../../shared/api/curriculum.js';
import type { TPromotionOutcome, TStructureClass, TStructurePlan, TStructureResult } from '../../../shared/api/archive.js';
import type { Client } from '../../db/tenancy.js';
import { reconcileLessons } from '../timetable/regenerate.service.js';
import * as repo from './structure.repo.js';

const collator = new Intl.Collator('uk');

/**
 * The scale of a page in the next grade: when the grade's default changes (2 → 3 verbal to
 * levels, 4 → 5 levels to 1-12) the new default; within a band the page keeps its own choice.
 */
export function scaleForGrade(scale: string, fromGrade: number, toGrade: number): string {
  return defaultScaleOf(fromGrade) === defaultScaleOf(toGrade) ? scale : defaultScaleOf(toGrade);
}

/** A class of the ending year whose pupils move up and the label of the class they move to. */
export interface MovingClass {
  classId: number;
  grade: number;
  letter: string;
}

interface Source {
  pages: repo.SourcePage[];
  groups: Awaited<ReturnType<typeof repo.yearGroups>>;
  plan: Awaited<ReturnType<typeof repo.curriculum>>;
}

async function loadSource(c: Client, schoolId: number, yearId: number, day: string): Promise<Source> {
  return { pages: await repo.yearPages(c, schoolId, yearId, day), groups: await repo.yearGroups(c, schoolId, yearId), plan: await repo.curriculum(c, schoolId, yearId) };
}

function classPlan(src: Source, k: MovingClass, targetExists: boolean, targetHasPages: boolean): TStructureClass {
  const hours = new Map(src.plan.filter((p) => p.grade === k.grade + 1).map((p) => [p.subjectId, p.hours]));
  const pages = src.pages
    .filter((p) => p.classId === k.classId)
    .map((p) => ({
      subject: p.subjectName,
      group: p.groupName,
      teacher: p.teacherActive ? p.teacherName : null,
      teacherLeft: p.teacherId !== null && !p.teacherActive ? p.teacherName : null,
      hoursPerWeek: hours.get(p.subjectId) ?? p.hoursPerWeek,
      hoursFromPlan: hours.has(p.subjectId),
      scaleFrom: p.scaleCode,
      scaleTo: scaleForGrade(p.scaleCode, k.grade, k.grade + 1),
      slots: p.slots,
    }))
    .sort((a, b) => collator.compare(a.subject, b.subject) || collator.compare(a.group ?? '', b.group ?? ''));
  return {
    fromClass: `${k.grade}-${k.letter}`,
    toClass: `${k.grade + 1}-${k.letter}`,
    targetExists,
    skipped: targetHasPages,
    groups: src.groups.filter((g) => g.classId === k.classId).map((g) => g.name).sort(collator.compare),
    pages,
  };
}

/** What copying the structure would make: per promoted class, its pages in the new grade. */
export async function planStructure(
  c: Client,
  x: { schoolId: number; fromYearId: number; day: string; toYearId: number | null; moving: MovingClass[] },
): Promise<TStructurePlan> {
  const src = await loadSource(c, x.schoolId, x.fromYearId, x.day);
  const existing = x.toYearId === null ? [] : await existingClasses(c, x.schoolId, x.toYearId);
  const withPages = x.toYearId === null ? new Set<number>() : await repo.classesWithPages(c, x.schoolId, x.toYearId);
  const newPlan = x.toYearId === null ? [] : await repo.curriculum(c, x.schoolId, x.toYearId);
  const planned = new Set(newPlan.map((p) => p.grade));
  const classes = [...x.moving]
    .sort((a, b) => a.grade - b.grade || collator.compare(a.letter, b.letter))
    .map((k) => {
      const target = existing.find((t) => t.grade === k.grade + 1 && t.letter === k.letter);
      return classPlan(src, k, target !== undefined, target !== undefined && withPages.has(target.id));
    });
  return { classes, curriculumRows: src.plan.filter((p) => !planned.has(p.grade)).length };
}

async function existingClasses(c: Client, schoolId: number, yearId: number) {
  const r = await c.query('SELECT id, grade::int AS grade, letter FROM school_class WHERE school_id = $1 AND year_id = $2', [schoolId, yearId]);
  return r.rows as { id: number; grade: number; letter: string }[];
}

/**
 * Copies the structure into the next year after the pupils were placed: `targets` maps a moving
 * class to its class of the new year, `placed` every promoted pupil to their new class.
 */
export async function copyStructure(
  c: Client,
  x: {
    schoolId: number;
    fromYearId: number;
    day: string;
    toYear: { id: number; startsOn: string };
    moving: (MovingClass & { toClassId: number })[];
    placed: { pupilId: number; toClassId: number; outcome: TPromotionOutcome }[];
    timetable: boolean;
  },
): Promise<TStructureResult> {
  const src = await loadSource(c, x.schoolId, x.fromYearId, x.day);
  const withPages = await repo.classesWithPages(c, x.schoolId, x.toYear.id);
  const moving = x.moving.filter((k) => !withPages.has(k.toClassId));
  const target = new Map(moving.map((k) => [k.classId, k]));

  const planned = new Set((await repo.curriculum(c, x.schoolId, x.toYear.id)).map((p) => p.grade));
  const curriculumRows = await repo.insertCurriculum(c, x.schoolId, x.toYear.id, src.plan.filter((p) => !planned.has(p.grade)));

  const groups = src.groups.filter((g) => target.has(g.classId));
  const groupIds = await repo.insertGroups(c, x.schoolId, groups.map((g) => ({ classId: target.get(g.classId)!.toClassId, name: g.name })));
  const newClassOf = new Map(x.placed.filter((p) => p.outcome === 'promote').map((p) => [p.pupilId, p.toClassId]));
  const members = groups.flatMap((g) => {
    const toClassId = target.get(g.classId)!.toClassId;
    const groupId = groupIds.get(`${toClassId}|${g.name}`)!;
    return g.members.filter((p) => newClassOf.get(p) === toClassId).map((pupilId) => ({ groupId, pupilId }));
  });
  const memberCount = await repo.insertMembers(c, x.schoolId, members);

  const oldGroupName = new Map(src.groups.map((g) => [g.id, g.name]));
  const pages = src.pages.filter((p) => target.has(p.classId));
  const rows = pages.map((p) => {
    const k = target.get(p.classId)!;
    const hours = src.plan.find((h) => h.grade === k.grade + 1 && h.subjectId === p.subjectId)?.hours ?? p.hoursPerWeek;
    const groupId = p.groupId === null ? null : groupIds.get(`${k.toClassId}|${oldGroupName.get(p.groupId)}`)!;
    return {
      classId: k.toClassId,
      groupId,
      subjectId: p.subjectId,
      teacherId: p.teacherActive ? p.teacherId : null,
      hoursPerWeek: hours,
      scaleCode: scaleForGrade(p.scaleCode, k.grade, k.grade + 1),
    };
  });
  const pageIds = await repo.insertPages(c, x.schoolId, x.toYear.id, rows);

  let timetable = { copied: 0, skipped: 0 };
  let lessons = 0;
  if (x.timetable && pages.length) {
    const map = pages.map((p, i) => ({ from: p.pageId, to: pageIds.get(`${rows[i].classId}|${rows[i].subjectId}|${rows[i].groupId ?? 0}`)! }));
    timetable = await repo.copyTimetable(c, x.schoolId, { day: x.day, validFrom: x.toYear.startsOn, toYearId: x.toYear.id }, map);
    if (timetable.copied) {
      lessons = (await reconcileLessons(c, x.schoolId, { yearId: x.toYear.id, pageIds: map.map((m) => m.to), from: x.toYear.startsOn })).added;
    }
  }
  return {
    classes: moving.length,
    pages: pageIds.size,
    groups: groupIds.size,
    members: memberCount,
    curriculumRows,
    timetableEntries: timetable.copied,
    timetableSkipped: timetable.skipped,
    lessons,
  };
}
