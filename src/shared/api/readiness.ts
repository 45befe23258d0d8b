import { z } from 'zod';

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done'] as const;
export const NETWORK_STATES = ['yes', 'partly', 'no'] as const;

/** The self-assessment questions (answers 1..4: 1 = not at all, 4 = fully). */
export const SURVEY_QUESTIONS = [
  { key: 'computer', uk: 'Я впевнено користуюся комп’ютером', en: 'I use a computer with confidence' },
  { key: 'marks', uk: 'Я вмію виставляти оцінки в електронному журналі', en: 'I can enter marks in the electronic journal' },
  { key: 'topics', uk: 'Я вмію записувати теми уроків і домашні завдання', en: 'I can record lesson topics and homework' },
  { key: 'attendance', uk: 'Я вмію відмічати відвідування', en: 'I can take attendance' },
  { key: 'reports', uk: 'Я вмію переглядати звіти й зауваження', en: 'I can read reports and remarks' },
  { key: 'devices', uk: 'У мене є доступ до комп’ютера під час уроків', en: 'I have a computer at hand during lessons' },
] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date');

export const ZReadinessParams = z.object({ schoolId: z.coerce.number().int().positive() });
export const ZMeasureParams = ZReadinessParams.extend({ measureId: z.coerce.number().int().positive() });

export const ZMeasureInput = z.object({
  item: z.string().trim().min(1, 'required').max(1000),
  responsible: z.string().trim().min(1, 'required').max(200),
  deadline: isoDate,
  status: z.enum(MEASURE_STATUSES).default('planned'),
});
export type TMeasureInput = z.infer<typeof ZMeasureInput>;
export const ZMeasurePatch = ZMeasureInput.partial();
export const ZMeasure = z.object({ id: z.number(), item: z.string(), responsible: z.string(), deadline: z.string(), status: z.enum(MEASURE_STATUSES) });
export type TMeasure = z.infer<typeof ZMeasure>;

export const ZInventoryInput = z
  .object({
    teacherComputers: z.number().int().min(0).max(10_000),
    classroomsWithComputer: z.number().int().min(0).max(10_000),
    classroomsTotal: z.number().int().min(0).max(10_000),
    network: z.enum(NETWORK_STATES),
    internetMbps: z.number().min(0).max(100_000),
  })
  .refine((x) => x.classroomsWithComputer <= x.classroomsTotal, { path: ['classroomsWithComputer'] });
export type TInventoryInput = z.infer<typeof ZInventoryInput>;
export const ZInventory = z.object({
  teacherComputers: z.number(),
  classroomsWithComputer: z.number(),
  classroomsTotal: z.number(),
  network: z.enum(NETWORK_STATES),
  internetMbps: z.number(),
  updatedAt: z.string(),
});

export const ZSurveyInput = z.object({
  answers: z.array(z.number().int().min(1).max(4)).length(SURVEY_QUESTIONS.length),
  needsTraining: z.boolean(),
});
export type TSurveyInput = z.infer<typeof ZSurveyInput>;
export const ZMySurvey = z.object({
  yearId: z.number(),
  questions: z.array(z.object({ key: z.string(), uk: z.string(), en: z.string() })),
  answer: ZSurveyInput.extend({ updatedAt: z.string() }).nullable(),
});
export type TMySurvey = z.infer<typeof ZMySurvey>;

export const ZSurveyResults = z.object({
  teachers: z.number(),
  answered: z.number(),
  needTraining: z.number(),
  averages: z.array(z.number().nullable()),
  answers: z.array(z.object({ userId: z.number(), name: z.string(), answers: z.array(z.number()), needsTraining: z.boolean(), updatedAt: z.string() })),
  notAnswered: z.array(z.object({ userId: z.number(), name: z.string() })),
});

export const ZReadiness = z.object({
  measures: z.array(ZMeasure),
  inventory: ZInventory.nullable(),
  survey: ZSurveyResults,
});
export type TReadiness = z.infer<typeof ZReadiness>;
