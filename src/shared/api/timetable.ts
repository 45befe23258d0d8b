import { z } from 'zod';
import { ZIsoDate, ZLessonChanges } from './calendar.js';

const id = z.coerce.number().int().positive();

export const WEEKDAYS = [1, 2, 3, 4, 5, 6] as const;
/** Periods of the day the grid offers: 0 ("нульовий") to 10. */
export const MAX_PERIOD = 10;

export const ZTimetableParams = z.object({ schoolId: id });
export const ZEntryParams = z.object({ schoolId: id, entryId: id });

export const ZTimetableQuery = z.object({
  /** the timetable in force on this date; today when omitted */
  date: ZIsoDate.optional(),
  classId: id.optional(),
  teacherId: id.optional(),
  room: z.string().trim().max(20).optional(),
});
export type TTimetableQuery = z.infer<typeof ZTimetableQuery>;

export const ZTimetableEntry = z.object({
  id: z.number(),
  pageId: z.number(),
  weekday: z.number(),
  period: z.number(),
  room: z.string(),
  /** null: every week; 1 and 2: alternating weeks */
  weekParity: z.union([z.literal(1), z.literal(2)]).nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type TTimetableEntry = z.infer<typeof ZTimetableEntry>;

/** What a grid cell shows of a page: class (group), subject, teacher. */
export const ZSlotPage = z.object({
  id: z.number(),
  classId: z.number(),
  classLabel: z.string(),
  grade: z.number(),
  groupId: z.number().nullable(),
  groupName: z.string().nullable(),
  subjectName: z.string(),
  subjectShort: z.string(),
  teacherId: z.number().nullable(),
  teacherName: z.string().nullable(),
  hoursPerWeek: z.number(),
});
export type TSlotPage = z.infer<typeof ZSlotPage>;

export const ZTimetable = z.object({
  date: z.string(),
  today: z.string(),
  year: z.object({ id: z.number(), name: z.string(), startsOn: z.string(), endsOn: z.string(), status: z.enum(['open', 'closed']) }).nullable(),
  entries: z.array(ZTimetableEntry),
  /** every page of the year (so the editor can place any of them), or the filtered ones */
  pages: z.array(ZSlotPage),
  classes: z.array(z.object({ id: z.number(), label: z.string(), grade: z.number() })),
  teachers: z.array(z.object({ id: z.number(), name: z.string() })),
  rooms: z.array(z.string()),
});
export type TTimetable = z.infer<typeof ZTimetable>;

export const ZEntryInput = z.object({
  pageId: z.number().int().positive(),
  weekday: z.number().int().min(1).max(6),
  period: z.number().int().min(0).max(MAX_PERIOD),
  room: z.string().trim().max(20).default(''),
  weekParity: z.union([z.literal(1), z.literal(2)]).nullable().default(null),
  /** the change takes effect from this date (today or later) */
  from: ZIsoDate,
});
export type TEntryInput = z.input<typeof ZEntryInput>;
export type TEntryData = z.infer<typeof ZEntryInput>;

export const ZEntryPatch = z.object({
  weekday: z.number().int().min(1).max(6).optional(),
  period: z.number().int().min(0).max(MAX_PERIOD).optional(),
  room: z.string().trim().max(20).optional(),
  weekParity: z.union([z.literal(1), z.literal(2)]).nullable().optional(),
  from: ZIsoDate,
});
export type TEntryPatch = z.input<typeof ZEntryPatch>;
export type TEntryPatchData = z.infer<typeof ZEntryPatch>;

export const ZEntryEndQuery = z.object({ from: ZIsoDate });

export const ZEntryChange = z.object({
  /** the entry in force from the date (null when it was removed) */
  entry: ZTimetableEntry.nullable(),
  lessons: ZLessonChanges,
});
export type TEntryChange = z.infer<typeof ZEntryChange>;

export const OFF_SCHEDULE_REASONS = ['timetable', 'calendar'] as const;

/** A lesson with entries kept although the timetable or calendar no longer has it. */
export const ZOffScheduleLesson = z.object({
  lessonId: z.number(),
  pageId: z.number(),
  date: z.string(),
  period: z.number(),
  reason: z.enum(OFF_SCHEDULE_REASONS),
  classLabel: z.string(),
  groupName: z.string().nullable(),
  subjectName: z.string(),
  teacherName: z.string().nullable(),
});
export type TOffScheduleLesson = z.infer<typeof ZOffScheduleLesson>;

export const ZOffScheduleQuery = z.object({ mine: z.enum(['true', 'false']).optional() });
export const ZOffScheduleList = z.object({ lessons: z.array(ZOffScheduleLesson) });
export type TOffScheduleList = z.infer<typeof ZOffScheduleList>;
