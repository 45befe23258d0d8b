import { z } from 'zod';
import { ZAttachmentLink } from './attachments.js';

const id = z.coerce.number().int().positive();
export const ZDiaryParams = z.object({ schoolId: id, pupilId: id });
export const ZDiaryWeekQuery = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date').optional() });
export const ZDiarySubjectsQuery = z.object({ semester: z.coerce.number().int().min(1).max(2).optional() });

export const ZDiaryLesson = z.object({
  lessonId: z.number(),
  date: z.string(),
  period: z.number(),
  subjectName: z.string(),
  topic: z.string(),
  homework: z.string(),
  remote: z.boolean(),
  cancelled: z.boolean(),
  mark: z.string(),
  absent: z.boolean(),
  /** files attached to the homework */
  attachments: z.array(ZAttachmentLink),
});
export type TDiaryLesson = z.infer<typeof ZDiaryLesson>;

export const ZDiaryWeek = z.object({
  pupil: z.object({ id: z.number(), name: z.string(), classLabel: z.string().nullable() }),
  weekStart: z.string(),
  weekEnd: z.string(),
  today: z.string(),
  lessons: z.array(ZDiaryLesson),
});
export type TDiaryWeek = z.infer<typeof ZDiaryWeek>;

export const ZDiarySubject = z.object({
  pageId: z.number(),
  subjectName: z.string(),
  marks: z.array(z.object({ date: z.string(), mark: z.string() })),
  absences: z.number(),
  summary: z.array(z.object({ kind: z.string(), title: z.string(), mark: z.string() })),
});
export const ZDiarySubjects = z.object({
  pupil: z.object({ id: z.number(), name: z.string(), classLabel: z.string().nullable() }),
  semester: z.number(),
  semesters: z.array(z.object({ number: z.number(), startsOn: z.string(), endsOn: z.string() })),
  subjects: z.array(ZDiarySubject),
});
export type TDiarySubjects = z.infer<typeof ZDiarySubjects>;
