import { z } from 'zod';
import type { Lang } from '../errors.js';
import { formatMessage } from '../errors.js';

const id = z.coerce.number().int().positive();
const hours = z.number().min(0.5).max(40).multipleOf(0.5);

export const ZCurriculumParams = z.object({ schoolId: id });
export const ZSubjectParams = z.object({ schoolId: id, subjectId: id });
export const ZGroupClassParams = z.object({ schoolId: id, classId: id });
export const ZGroupParams = z.object({ schoolId: id, groupId: id });
export const ZLoadParams = z.object({ schoolId: id, pageId: id });

/** The default scale of a grade: verbal in 1-2, levels in 3-4, 12 points from grade 5. */
export function defaultScaleOf(grade: number): 'verbal' | 'levels' | 'points12' {
  if (grade <= 2) return 'verbal';
  if (grade <= 4) return 'levels';
  return 'points12';
}

export const ZSubject = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string(),
  /** pages or curriculum rows use it, so it cannot be deleted */
  inUse: z.boolean(),
});
export type TSubject = z.infer<typeof ZSubject>;
export const ZSubjectList = z.object({ subjects: z.array(ZSubject) });

export const ZSubjectInput = z.object({
  name: z.string().trim().min(1, 'required').max(100),
  shortName: z.string().trim().min(1, 'required').max(30),
});
export type TSubjectInput = z.input<typeof ZSubjectInput>;

export const ZPlanRow = z.object({ grade: z.number(), subjectId: z.number(), hoursPerWeek: z.number() });
export type TPlanRow = z.infer<typeof ZPlanRow>;
export const ZPlan = z.object({
  year: z.object({ id: z.number(), name: z.string(), status: z.enum(['open', 'closed']) }),
  /** grades that have classes this year */
  grades: z.array(z.number()),
  rows: z.array(ZPlanRow),
});
export type TPlan = z.infer<typeof ZPlan>;

export const ZPlanInput = z.object({
  grade: z.number().int().min(1).max(11),
  subjectId: z.number().int().positive(),
  /** 0 removes the subject from the grade */
  hoursPerWeek: z.union([z.literal(0), hours]),
});
export type TPlanInput = z.input<typeof ZPlanInput>;

export const ZGroup = z.object({ id: z.number(), name: z.string(), pupilIds: z.array(z.number()), pages: z.number() });
export type TGroup = z.infer<typeof ZGroup>;
export const ZClassGroups = z.object({
  classId: z.number(),
  classLabel: z.string(),
  groups: z.array(ZGroup),
  /** pupils enrolled in the class today, in Ukrainian alphabetical order */
  pupils: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type TClassGroups = z.infer<typeof ZClassGroups>;

export const ZGroupInput = z.object({ name: z.string().trim().min(1, 'required').max(40) });
export const ZGroupMembers = z.object({ pupilIds: z.array(z.number().int().positive()).max(60) });
export type TGroupMembers = z.infer<typeof ZGroupMembers>;

export const ZLoadPage = z.object({
  id: z.number(),
  classId: z.number(),
  classLabel: z.string(),
  grade: z.number(),
  groupId: z.number().nullable(),
  groupName: z.string().nullable(),
  subjectId: z.number(),
  subjectName: z.string(),
  teacherId: z.number().nullable(),
  teacherName: z.string().nullable(),
  hoursPerWeek: z.number(),
  scaleCode: z.string(),
  /** weekly slots the timetable gives the page today (an alternating-week slot counts 0.5) */
  timetableHours: z.number(),
});
export type TLoadPage = z.infer<typeof ZLoadPage>;

export const WARNING_KINDS = ['no_page', 'no_teacher', 'over_limit', 'hours_mismatch', 'timetable_mismatch'] as const;
export type TWarningKind = (typeof WARNING_KINDS)[number];

export const ZLoadWarning = z.object({
  kind: z.enum(WARNING_KINDS),
  classId: z.number().nullable(),
  subjectId: z.number().nullable(),
  pageId: z.number().nullable(),
  teacherId: z.number().nullable(),
  message: z.string(),
});
export type TLoadWarning = z.infer<typeof ZLoadWarning>;

export const ZTeacherLoad = z.object({ id: z.number(), name: z.string(), hours: z.number(), pages: z.number() });
export type TTeacherLoad = z.infer<typeof ZTeacherLoad>;

export const ZTeachingLoad = z.object({
  year: z.object({ id: z.number(), name: z.string(), status: z.enum(['open', 'closed']) }),
  maxTeacherHours: z.number(),
  classes: z.array(z.object({ id: z.number(), label: z.string(), grade: z.number(), groups: z.array(z.object({ id: z.number(), name: z.string() })) })),
  pages: z.array(ZLoadPage),
  /** every active teacher of the school with their weekly hours, the unloaded ones too */
  teachers: z.array(ZTeacherLoad),
  scales: z.array(z.object({ code: z.string(), name: z.string() })),
  warnings: z.array(ZLoadWarning),
});
export type TTeachingLoad = z.infer<typeof ZTeachingLoad>;

export const ZLoadInput = z.object({
  classId: z.number().int().positive(),
  groupId: z.number().int().positive().nullable().default(null),
  subjectId: z.number().int().positive(),
  teacherId: z.number().int().positive().nullable().default(null),
  hoursPerWeek: hours,
  /** the grade's default scale when omitted */
  scaleCode: z.string().min(1).max(20).optional(),
});
export type TLoadInput = z.input<typeof ZLoadInput>;

export const ZLoadPatch = z.object({
  teacherId: z.number().int().positive().nullable().optional(),
  hoursPerWeek: hours.optional(),
  scaleCode: z.string().min(1).max(20).optional(),
});
export type TLoadPatch = z.input<typeof ZLoadPatch>;

export const ZLoadSettings = z.object({ maxTeacherHours: z.number().min(1).max(60) });
export type TLoadSettings = z.infer<typeof ZLoadSettings>;

/** The text of a teaching-load warning in each language. */
export const WARNING_MESSAGES: Record<TWarningKind, Record<Lang, string>> = {
  no_page: {
    uk: '{class}: предмет «{subject}» є в навчальному плані, але не має сторінки журналу й учителя.',
    en: '{class}: "{subject}" is in the curriculum but has no journal page or teacher.',
  },
  no_teacher: { uk: '{class}: «{subject}» — не призначено вчителя.', en: '{class}: "{subject}" has no teacher.' },
  over_limit: {
    uk: '{teacher}: навантаження {hours} год на тиждень перевищує межу {limit} год.',
    en: '{teacher}: a load of {hours} hours a week is over the limit of {limit}.',
  },
  hours_mismatch: {
    uk: '{class}: «{subject}» — {hours} год на тиждень, а в навчальному плані {expected}.',
    en: '{class}: "{subject}" has {hours} hours a week; the curriculum says {expected}.',
  },
  timetable_mismatch: {
    uk: '{class}: «{subject}» — у розкладі {slots} год на тиждень із {hours}.',
    en: '{class}: "{subject}" has {slots} of {hours} weekly hours in the timetable.',
  },
};

export function warningMessage(kind: TWarningKind, lang: Lang, params: Record<string, string | number>): string {
  return formatMessage(WARNING_MESSAGES[kind][lang], params);
}
