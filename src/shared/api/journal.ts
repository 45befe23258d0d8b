import { z } from 'zod';

const id = z.coerce.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date');

export const ZPageParams = z.object({ schoolId: id, pageId: id });
export const ZLessonParams = z.object({ schoolId: id, pageId: id, lessonId: id });
export const ZPageQuery = z.object({ semester: z.coerce.number().int().min(1).max(2).optional() });

export const ZScale = z.object({ code: z.string(), name: z.string(), values: z.array(z.string()), freeText: z.boolean() });

export const ZLesson = z.object({
  id: z.number(),
  date: z.string(),
  period: z.number(),
  topic: z.string(),
  homework: z.string(),
  remote: z.boolean(),
  kind: z.enum(['scheduled', 'extra']),
  cancelled: z.boolean(),
  version: z.number(),
  substituteId: z.number().nullable(),
  attendanceTaken: z.boolean(),
});
export type TLesson = z.infer<typeof ZLesson>;

export const ZSummaryColumn = z.object({
  id: z.number(),
  kind: z.enum(['thematic', 'semester', 'corrected', 'annual', 'dpa']),
  semester: z.number().nullable(),
  title: z.string(),
  afterDate: z.string().nullable(),
  position: z.number(),
});
export type TSummaryColumn = z.infer<typeof ZSummaryColumn>;

export const ZJournalPage = z.object({
  page: z.object({
    id: z.number(),
    classId: z.number(),
    classLabel: z.string(),
    grade: z.number(),
    subjectName: z.string(),
    groupName: z.string().nullable(),
    teacherId: z.number().nullable(),
    teacherName: z.string().nullable(),
    scale: ZScale,
    passFail: z.boolean(),
    yearName: z.string(),
    yearStatus: z.enum(['open', 'closed']),
    semesters: z.array(z.object({ number: z.number(), startsOn: z.string(), endsOn: z.string() })),
    lateEditDays: z.number(),
    today: z.string(),
    /** the user may write every lesson of the page */
    canWrite: z.boolean(),
    /** lessons the user substituted and so may fill */
    substituteLessonIds: z.array(z.number()),
  }),
  semester: z.number(),
  pupils: z.array(z.object({ id: z.number(), name: z.string(), fromDate: z.string(), toDate: z.string().nullable() })),
  lessons: z.array(ZLesson),
  columns: z.array(ZSummaryColumn),
  /** [lessonId, pupilId, mark, absent, version, tentative?]: a sixth element `true` marks a pencil mark (sent only to the page's teacher) */
  cells: z.array(z.tuple([z.number(), z.number(), z.string(), z.boolean(), z.number(), z.literal(true).optional()])),
  /** [columnId, pupilId, mark, version] */
  summary: z.array(z.tuple([z.number(), z.number(), z.string(), z.number()])),
});
export type TJournalPage = z.infer<typeof ZJournalPage>;

export const ZCellChange = z.object({
  lessonId: z.number().int().positive(),
  pupilId: z.number().int().positive(),
  mark: z.string().max(200),
  absent: z.boolean(),
  /** a pencil mark: only the page's teacher sees it until it is confirmed */
  tentative: z.boolean().default(false),
  /** the version the client saw; 0 when the cell was empty */
  version: z.number().int().min(0),
});
export const ZSummaryChange = z.object({
  columnId: z.number().int().positive(),
  pupilId: z.number().int().positive(),
  mark: z.string().max(20),
  version: z.number().int().min(0),
});
export const ZEntriesBody = z.object({
  cells: z.array(ZCellChange).max(5000).default([]),
  summary: z.array(ZSummaryChange).max(2000).default([]),
  reason: z.string().trim().max(500).default(''),
});
export type TEntriesBody = z.input<typeof ZEntriesBody>;
export type TCellChange = z.input<typeof ZCellChange>;
export type TSummaryChange = z.infer<typeof ZSummaryChange>;

export const ZEntriesResult = z.object({
  cells: z.array(z.object({ lessonId: z.number(), pupilId: z.number(), mark: z.string(), absent: z.boolean(), tentative: z.boolean(), version: z.number() })),
  summary: z.array(z.object({ columnId: z.number(), pupilId: z.number(), mark: z.string(), version: z.number() })),
});
export type TEntriesResult = z.infer<typeof ZEntriesResult>;

/** Confirms pencil marks: the cells named, or every one of a lesson, or (neither) every one of the page. */
export const ZConfirmTentativeBody = z.object({
  lessonId: z.number().int().positive().optional(),
  cells: z.array(z.object({ lessonId: z.number().int().positive(), pupilId: z.number().int().positive() })).max(5000).optional(),
  reason: z.string().trim().max(500).default(''),
});
export type TConfirmTentativeBody = z.input<typeof ZConfirmTentativeBody>;

/** One refused cell of a bulk save (details of 400 invalid_entries). */
export interface TEntryProblem {
  lessonId?: number;
  columnId?: number;
  pupilId?: number;
  code: string;
  message: string;
}

/** One stale cell of a bulk save (details of 409 conflict): what is stored now. */
export interface TEntryConflict {
  lessonId?: number;
  columnId?: number;
  pupilId: number;
  mark: string;
  absent?: boolean;
  tentative?: boolean;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export const ZLessonPatch = z.object({
  topic: z.string().max(500).optional(),
  homework: z.string().max(1000).optional(),
  remote: z.boolean().optional(),
  attendanceTaken: z.boolean().optional(),
  date: isoDate.optional(),
  period: z.number().int().min(0).max(10).optional(),
  cancelled: z.boolean().optional(),
  version: z.number().int().min(1),
  reason: z.string().trim().max(500).default(''),
});
export type TLessonPatch = z.input<typeof ZLessonPatch>;

export const ZLessonCreate = z.object({
  date: isoDate,
  period: z.number().int().min(0).max(10),
  topic: z.string().max(500).default(''),
  homework: z.string().max(1000).default(''),
  remote: z.boolean().default(false),
});

export const ZSubstituteBody = z.object({ teacherId: z.number().int().positive().nullable() });

export const ZHistoryQuery = z.object({
  lessonId: id.optional(),
  columnId: id.optional(),
  pupilId: id.optional(),
});
export const ZHistoryEntry = z.object({
  id: z.number(),
  at: z.string(),
  user: z.string().nullable(),
  field: z.string(),
  lessonId: z.number().nullable(),
  columnId: z.number().nullable(),
  pupilId: z.number().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string(),
  late: z.boolean(),
  /** a pencil value (only the page's teacher gets these rows) */
  tentative: z.boolean(),
});
export const ZHistory = z.object({ changes: z.array(ZHistoryEntry) });
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;

/** A lesson of the same subject on the same day in a parallel class the teacher teaches (5-А -> 5-Б, 5-В). */
export const ZParallelLesson = z.object({
  lessonId: z.number(),
  pageId: z.number(),
  classLabel: z.string(),
  groupName: z.string().nullable(),
  date: z.string(),
  period: z.number(),
  homework: z.string(),
  version: z.number(),
});
export type TParallelLesson = z.infer<typeof ZParallelLesson>;
export const ZParallelLessons = z.object({ lessons: z.array(ZParallelLesson) });

/** The same homework for lessons of parallel classes, in one transaction. */
export const ZParallelHomeworkBody = z.object({
  homework: z.string().trim().min(1, 'required').max(1000),
  lessons: z.array(z.object({ lessonId: z.number().int().positive(), version: z.number().int().min(1) })).min(1).max(30),
  reason: z.string().trim().max(500).default(''),
});
export type TParallelHomeworkBody = z.input<typeof ZParallelHomeworkBody>;
export const ZParallelHomeworkResult = z.object({ lessons: z.array(ZLesson) });
