import { z } from 'zod';

const id = z.coerce.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date');

export const ZClassbookParams = z.object({ schoolId: id, classId: id });
export const ZPeriodQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });

export const ABSENCE_REASONS = ['illness', 'family', 'other'] as const;

export const ZAttendanceSummary = z.object({
  classLabel: z.string(),
  from: z.string(),
  to: z.string(),
  pupils: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      missedLessons: z.number(),
      missedDays: z.number(),
      illness: z.number(),
      family: z.number(),
      other: z.number(),
      unexplained: z.number(),
    }),
  ),
  /** absent pupil-days, to record reasons */
  days: z.array(
    z.object({ pupilId: z.number(), day: z.string(), lessons: z.number(), reason: z.enum(ABSENCE_REASONS).nullable(), note: z.string() }),
  ),
});
export type TAttendanceSummary = z.infer<typeof ZAttendanceSummary>;

export const ZAbsenceReasonBody = z.object({
  pupilId: z.number().int().positive(),
  day: isoDate,
  reason: z.enum(ABSENCE_REASONS).nullable(),
  note: z.string().trim().max(300).default(''),
});

export const ZSummarySheet = z.object({
  classLabel: z.string(),
  yearName: z.string(),
  subjects: z.array(z.object({ pageId: z.number(), subjectName: z.string(), groupName: z.string().nullable() })),
  pupils: z.array(z.object({ id: z.number(), name: z.string() })),
  /** [pageId, pupilId, kind, semester|null, mark] for semester, corrected, annual and DPA columns */
  marks: z.array(z.tuple([z.number(), z.number(), z.string(), z.number().nullable(), z.string()])),
});
export type TSummarySheet = z.infer<typeof ZSummarySheet>;
