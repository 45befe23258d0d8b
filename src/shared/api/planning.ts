import { z } from 'zod';

const id = z.coerce.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date');

export const PLAN_ITEM_KINDS = ['lesson', 'test', 'lab', 'practical'] as const;
export type TPlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

export const ZPlanParams = z.object({ schoolId: id, pageId: id, semester: z.coerce.number().int().min(1).max(2) });

export const ZPlanItemInput = z.object({
  topic: z.string().trim().min(1, 'required').max(500),
  hours: z.number().int().min(1).max(20),
  kind: z.enum(PLAN_ITEM_KINDS),
  plannedDate: isoDate.nullable(),
});
export type TPlanItemInput = z.infer<typeof ZPlanItemInput>;

export const ZPlanUnitInput = z.object({
  /** the unit kept from the saved plan (its thematic column and marks stay), or null for a new one */
  id: z.number().int().positive().nullable(),
  title: z.string().trim().min(1, 'required').max(200),
  items: z.array(ZPlanItemInput).max(200),
});
export type TPlanUnitInput = z.infer<typeof ZPlanUnitInput>;

export const ZPlanSave = z.object({
  /** the version the teacher saw (0 for a page without a plan) */
  version: z.number().int().min(0),
  units: z.array(ZPlanUnitInput).min(1).max(60),
});
export type TPlanSave = z.infer<typeof ZPlanSave>;

export const ZPlanAgreement = z.object({
  /** plan hours: items expanded by their hours */
  planHours: z.number(),
  /** the page's lessons of the semester that are not cancelled */
  lessons: z.number(),
  lessonsLeft: z.number(),
  planHoursLeft: z.number(),
  /** plan hours that found no lesson, and the first item affected */
  hoursWithoutLesson: z.number(),
  firstItemWithoutLesson: z.object({ id: z.number(), topic: z.string() }).nullable(),
  /** lessons that got no plan item, and the first of them */
  lessonsWithoutPlan: z.number(),
  firstLessonWithoutPlan: z.object({ id: z.number(), date: z.string(), period: z.number() }).nullable(),
});
export type TPlanAgreement = z.infer<typeof ZPlanAgreement>;

export const ZPlanAllowance = z.object({
  hoursPerWeek: z.number(),
  studyWeeks: z.number(),
  /** hours the curriculum allows in the semester: hours per week x study weeks, rounded up */
  maxHours: z.number(),
});
export type TPlanAllowance = z.infer<typeof ZPlanAllowance>;

export const ZPlanItem = z.object({
  id: z.number(),
  position: z.number(),
  topic: z.string(),
  hours: z.number(),
  kind: z.enum(PLAN_ITEM_KINDS),
  plannedDate: z.string().nullable(),
  /** dates of the lessons this item is mapped onto */
  lessonDates: z.array(z.string()),
});
export type TPlanItem = z.infer<typeof ZPlanItem>;

export const ZPlan = z.object({
  pageId: z.number(),
  semester: z.number(),
  page: z.object({ classLabel: z.string(), subjectName: z.string(), groupName: z.string().nullable(), teacherName: z.string().nullable(), yearName: z.string() }),
  semesterStartsOn: z.string(),
  semesterEndsOn: z.string(),
  /** false: the page has no plan for the semester yet */
  exists: z.boolean(),
  version: z.number(),
  source: z.enum(['manual', 'import', 'copy']).nullable(),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
  canCopyToOthers: z.boolean(),
  units: z.array(z.object({ id: z.number(), title: z.string(), columnId: z.number().nullable(), items: z.array(ZPlanItem) })),
  agreement: ZPlanAgreement,
  allowance: ZPlanAllowance,
  /** what the last save could not do, for the teacher (e.g. a thematic column kept for its marks) */
  notes: z.array(z.string()),
});
export type TPlan = z.infer<typeof ZPlan>;

export const ZPlanImport = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1).max(8_000_000),
  /** false: only the preview; true: write it (refused, with every row's problem, unless clean) */
  confirm: z.boolean(),
  version: z.number().int().min(0),
});

export const ZPlanImportRow = z.object({
  row: z.number(),
  kind: z.enum(['unit', 'item']),
  unit: z.string(),
  topic: z.string(),
  hours: z.string(),
  date: z.string(),
  itemKind: z.enum(PLAN_ITEM_KINDS).nullable(),
  problems: z.array(z.string()),
});

export const ZPlanProblem = z.object({ row: z.number(), field: z.string(), message: z.string() });
export type TPlanProblem = z.infer<typeof ZPlanProblem>;

export const ZPlanImportPreview = z.object({
  fileName: z.string(),
  rows: z.array(ZPlanImportRow),
  problems: z.array(ZPlanProblem),
  units: z.number(),
  items: z.number(),
  totalHours: z.number(),
  allowance: ZPlanAllowance,
  lessons: z.number(),
  /** the plan as saved, when the import was confirmed */
  saved: ZPlan.nullable(),
});
export type TPlanImportPreview = z.infer<typeof ZPlanImportPreview>;

export const ZCopyOptions = z.object({
  /** pages of the same subject and grade this year the plan may be copied to */
  targets: z.array(z.object({ pageId: z.number(), label: z.string(), teacherName: z.string().nullable(), hasPlan: z.boolean() })),
  /** pages of the same subject and grade last year whose plan of this semester may be taken */
  sources: z.array(z.object({ pageId: z.number(), label: z.string(), yearName: z.string(), teacherName: z.string().nullable() })),
});
export type TCopyOptions = z.infer<typeof ZCopyOptions>;

export const ZCopyTo = z.object({
  pageIds: z.array(z.number().int().positive()).min(1).max(30),
  /** replace a plan the target page already has (its thematic marks stay) */
  replace: z.boolean(),
});

export const ZCopyFrom = z.object({ sourcePageId: z.number().int().positive(), version: z.number().int().min(0) });

export const ZCopyResult = z.object({
  copied: z.array(z.object({ pageId: z.number(), label: z.string() })),
  skipped: z.array(z.object({ pageId: z.number(), label: z.string(), reason: z.string() })),
});
export type TCopyResult = z.infer<typeof ZCopyResult>;

/** Texts the server writes into plan answers (problems of a file or a save, notes, skipped copies). */
export const PLAN_TEXT = {
  missing_topic: { uk: 'Немає теми уроку.', en: 'The lesson topic is missing.' },
  topic_too_long: { uk: 'Тема довша за 500 символів.', en: 'The topic is longer than 500 characters.' },
  unit_too_long: { uk: 'Назва розділу довша за 200 символів.', en: 'The unit title is longer than 200 characters.' },
  hours_not_number: {
    uk: 'Кількість годин «{value}» має бути цілим числом від 1 до 20.',
    en: 'The number of hours "{value}" must be a whole number from 1 to 20.',
  },
  bad_date: { uk: 'Дату «{value}» не розпізнано (потрібно ДД.ММ.РРРР).', en: 'The date "{value}" is not recognised (DD.MM.YYYY expected).' },
  date_outside_semester: { uk: 'Дата {value} поза семестром ({from} – {to}).', en: 'The date {value} is outside the semester ({from} – {to}).' },
  over_allowance: {
    uk: 'Годин у плані стає {total}, а навчальна програма дозволяє {max} ({hours} год на тиждень × {weeks} тиж.).',
    en: 'The plan reaches {total} hours, but the curriculum allows {max} ({hours} h a week × {weeks} weeks).',
  },
  no_items: { uk: 'У плані немає жодного уроку.', en: 'The plan has no lessons.' },
  column_kept: {
    uk: 'Колонку «{title}» залишено, бо в ній уже є оцінки.',
    en: 'The column "{title}" was kept because it already has marks.',
  },
  has_plan: { uk: 'Сторінка вже має план на цей семестр.', en: 'The page already has a plan for this semester.' },
  not_your_page: { uk: 'Ви не викладаєте на цій сторінці.', en: 'You do not teach on this page.' },
  not_parallel: { uk: 'Це не паралельний клас з того самого предмета.', en: 'This is not a parallel class of the same subject.' },
  year_closed: { uk: 'Навчальний рік закрито.', en: 'The school year is closed.' },
  default_unit: { uk: 'Розділ 1', en: 'Розділ 1' },
} as const;
