import { z } from 'zod';

/** Curriculum delivery (виконання навчальних програм): hours by the curriculum and the plan vs hours held. */

const id = z.coerce.number().int().positive();

export const DELIVERY_BY = ['page', 'class', 'subject', 'teacher'] as const;
export type TDeliveryBy = (typeof DELIVERY_BY)[number];
export const WORK_KINDS = ['test', 'lab', 'practical'] as const;
export type TWorkKind = (typeof WORK_KINDS)[number];

export const ZDeliveryQuery = z.object({
  /** 1 or 2; default: the semester of today (else the last one begun) */
  semester: z.coerce.number().int().min(1).max(2).optional(),
  /** default: the year of today, else the current open one */
  yearId: id.optional(),
  classId: id.optional(),
  subjectId: id.optional(),
  teacherId: id.optional(),
  by: z.enum(DELIVERY_BY).default('page'),
});
export type TDeliveryQuery = z.input<typeof ZDeliveryQuery>;

export const ZShortfallQuery = ZDeliveryQuery.omit({ by: true });
export type TShortfallQuery = z.input<typeof ZShortfallQuery>;
/** the CSV file: its header row in this language (a download link sends no Accept-Language) */
export const ZShortfallCsvQuery = ZShortfallQuery.extend({ lang: z.enum(['uk', 'en']).optional() });

const ZWork = z.object({ planned: z.number(), held: z.number() });
export const ZWorks = z.object({ test: ZWork, lab: ZWork, practical: ZWork });
export type TWorks = z.infer<typeof ZWorks>;

/** The figures of a page or of a group of pages. */
export const ZDeliveryFigures = z.object({
  pages: z.number(),
  /** hours by the curriculum for the whole semester: hours a week x study weeks (one decimal) */
  curriculumHours: z.number(),
  /** hours in the calendar-thematic plans (pages without a plan add nothing) */
  planHours: z.number(),
  /** pages with a plan for the semester */
  pagesWithPlan: z.number(),
  /** non-cancelled lessons of the semester in the journal (held and still to come) */
  calendarHours: z.number(),
  /** lessons the calendar scheduled up to the 'due' day (cancelled ones too; extra lessons not) */
  scheduledDue: z.number(),
  /** non-cancelled lessons dated no later than today */
  heldHours: z.number(),
  /** the same, dated no later than the day 'due' counts to (what the shortfall compares) */
  heldDue: z.number(),
  /**
   * what should be held by now: once the semester has ended, the curriculum's hours; while it runs,
   * the lessons the journal's calendar scheduled up to the last full week, and never less than the
   * curriculum's hours of those weeks but one (a page with too few lessons in its calendar is behind too)
   */
  dueHours: z.number(),
  duePlan: z.number(),
  /** whole hours missing against the curriculum and against the plan (never negative) */
  shortCurriculum: z.number(),
  shortPlan: z.number(),
  /** the larger of the two */
  shortfall: z.number(),
  /** pages with no shortfall */
  pagesDelivered: z.number(),
  works: ZWorks,
});
export type TDeliveryFigures = z.infer<typeof ZDeliveryFigures>;

export const ZDeliveryPageRow = z.object({
  pageId: z.number(),
  classId: z.number(),
  className: z.string(),
  groupName: z.string().nullable(),
  subjectId: z.number(),
  subjectName: z.string(),
  teacherId: z.number().nullable(),
  teacherName: z.string().nullable(),
  hoursPerWeek: z.number(),
  hasPlan: z.boolean(),
  figures: ZDeliveryFigures,
});
export type TDeliveryPageRow = z.infer<typeof ZDeliveryPageRow>;

export const ZDeliveryRow = z.object({
  key: z.object({ id: z.number(), name: z.string() }),
  /** set on rows by page */
  page: ZDeliveryPageRow.nullable(),
  figures: ZDeliveryFigures,
});
export type TDeliveryRow = z.infer<typeof ZDeliveryRow>;

export const ZDeliverySemester = z.object({
  yearId: z.number(),
  yearName: z.string(),
  number: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** the semester is over: the figures are final */
  ended: z.boolean(),
  /** study weeks of the semester: working days (Mon-Fri, not a holiday or day off) / 5 */
  studyWeeks: z.number(),
  /** study weeks up to the day the 'due' figures count to */
  weeksDue: z.number(),
  /** the day the 'due' figures count to (the semester's end, or the last Sunday before today) */
  dueTo: z.string(),
});
export type TDeliverySemester = z.infer<typeof ZDeliverySemester>;

const ZOption = z.object({ id: z.number(), name: z.string() });

export const ZDelivery = z.object({
  schoolId: z.number(),
  today: z.string(),
  semester: ZDeliverySemester,
  semesters: z.array(z.object({ number: z.number(), startsOn: z.string(), endsOn: z.string() })),
  by: z.enum(DELIVERY_BY),
  total: ZDeliveryFigures,
  rows: z.array(ZDeliveryRow),
  options: z.object({ classes: z.array(ZOption), subjects: z.array(ZOption), teachers: z.array(ZOption) }),
});
export type TDelivery = z.infer<typeof ZDelivery>;

export const ZShortfalls = z.object({
  schoolId: z.number(),
  schoolName: z.string(),
  today: z.string(),
  semester: ZDeliverySemester,
  /** pages not delivered, the largest shortfall first */
  pages: z.array(ZDeliveryPageRow),
  /** pages counted (after the filters) */
  pagesTotal: z.number(),
});
export type TShortfalls = z.infer<typeof ZShortfalls>;

// ---------- city ----------

export const ZCityDeliveryQuery = z.object({ semester: z.coerce.number().int().min(1).max(2).optional() });

/** A school's shares: aggregates only, no pupil or teacher is named. */
export const ZCityDeliverySchool = z.object({
  schoolId: z.number(),
  schoolName: z.string(),
  semester: z.number().nullable(),
  ended: z.boolean(),
  pages: z.number(),
  pagesDelivered: z.number(),
  /** share of pages with no shortfall, null with no pages */
  deliveredShare: z.number().nullable(),
  /** hours held up to the day 'due' counts to (the semester's end, or the last Sunday before today) */
  heldHours: z.number(),
  dueHours: z.number(),
  curriculumHours: z.number(),
  /** held / due by the curriculum, null when nothing is due yet */
  heldShare: z.number().nullable(),
  pagesWithPlan: z.number(),
});
export type TCityDeliverySchool = z.infer<typeof ZCityDeliverySchool>;

export const ZCityDelivery = z.object({
  cityId: z.number(),
  today: z.string(),
  schools: z.array(ZCityDeliverySchool),
});
export type TCityDelivery = z.infer<typeof ZCityDelivery>;
