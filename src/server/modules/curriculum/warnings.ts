import { type TLoadPage, type TLoadWarning, type TPlanRow, type TTeacherLoad, warningMessage } from '../../../shared/api/curriculum.js';
import type { Lang } from '../../../shared/errors.js';

export interface WarningFacts {
  plan: readonly TPlanRow[];
  subjectNames: ReadonlyMap<number, string>;
  classes: readonly { id: number; label: string; grade: number }[];
  pages: readonly TLoadPage[];
  teachers: readonly TTeacherLoad[];
  maxTeacherHours: number;
}

const hoursText = (h: number) => String(h).replace('.', ',');

/**
 * What the administrator should look at in the teaching load: curriculum subjects without a
 * page, pages without a teacher, hours differing from the plan or the timetable, and teachers
 * loaded over the limit.
 */
export function loadWarnings(f: WarningFacts, lang: Lang): TLoadWarning[] {
  const out: TLoadWarning[] = [];
  const none = { classId: null, subjectId: null, pageId: null, teacherId: null };
  const pagesOf = new Map<string, TLoadPage[]>();
  for (const p of f.pages) pagesOf.set(`${p.classId}|${p.subjectId}`, [...(pagesOf.get(`${p.classId}|${p.subjectId}`) ?? []), p]);
  const planOf = new Map(f.plan.map((r) => [`${r.grade}|${r.subjectId}`, r.hoursPerWeek]));

  for (const k of f.classes) {
    for (const row of f.plan.filter((r) => r.grade === k.grade)) {
      if (pagesOf.has(`${k.id}|${row.subjectId}`)) continue;
      const subject = f.subjectNames.get(row.subjectId) ?? '';
      out.push({ ...none, kind: 'no_page', classId: k.id, subjectId: row.subjectId, message: warningMessage('no_page', lang, { class: k.label, subject }) });
    }
  }
  for (const p of f.pages) {
    const label = p.groupName ? `${p.classLabel} (${p.groupName})` : p.classLabel;
    const params = { class: label, subject: p.subjectName, hours: hoursText(p.hoursPerWeek) };
    const ids = { ...none, classId: p.classId, subjectId: p.subjectId, pageId: p.id, teacherId: p.teacherId };
    if (p.teacherId === null) out.push({ ...ids, kind: 'no_teacher', message: warningMessage('no_teacher', lang, params) });
    const planned = planOf.get(`${p.grade}|${p.subjectId}`);
    if (planned !== undefined && planned !== p.hoursPerWeek) {
      out.push({ ...ids, kind: 'hours_mismatch', message: warningMessage('hours_mismatch', lang, { ...params, expected: hoursText(planned) }) });
    }
    if (p.timetableHours !== p.hoursPerWeek) {
      out.push({ ...ids, kind: 'timetable_mismatch', message: warningMessage('timetable_mismatch', lang, { ...params, slots: hoursText(p.timetableHours) }) });
    }
  }
  for (const t of f.teachers) {
    if (t.hours <= f.maxTeacherHours) continue;
    const params = { teacher: t.name, hours: hoursText(t.hours), limit: hoursText(f.maxTeacherHours) };
    out.push({ ...none, kind: 'over_limit', teacherId: t.id, message: warningMessage('over_limit', lang, params) });
  }
  return out;
}
