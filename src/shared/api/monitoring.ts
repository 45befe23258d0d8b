import { z } from 'zod';

/** A calendar quarter: Q1 = Jan-Mar, Q2 = Apr-Jun, Q3 = Jul-Sep, Q4 = Oct-Dec. */
export const ZQuarter = z.string().regex(/^\d{4}-Q[1-4]$/);

export const ZMonitoringParams = z.object({ cityId: z.coerce.number().int().positive() });
export const ZMonitoringQuery = z.object({ quarter: ZQuarter.optional() });

const share = z.number().nullable();

export const ZMonitoringSchool = z.object({
  schoolId: z.number(),
  schoolName: z.string(),
  rank: z.number(),
  fillLevel: z.number(),
  plannedLessons: z.number(),
  weekly: z.array(z.object({ week: z.string(), level: share })),
  /** data-quality flags per 100 planned lessons of the quarter */
  qualityPer100: share,
  quality: z.record(z.string(), z.number()),
  remarksOpen: z.number(),
  remarksOverdue: z.number(),
  remarksOverdueShare: share,
  consentShare: share,
  planDoneShare: share,
  computersPerTeacher: share,
  classroomsWithComputerShare: share,
  internetMbps: share,
  network: z.string().nullable(),
  surveyAnsweredShare: share,
  needTrainingShare: share,
});
export type TMonitoringSchool = z.infer<typeof ZMonitoringSchool>;

export const ZMonitoring = z.object({
  cityId: z.number(),
  cityName: z.string(),
  quarter: z.string(),
  from: z.string(),
  to: z.string(),
  weeks: z.array(z.string()),
  schools: z.array(ZMonitoringSchool),
  computedAt: z.string(),
  cached: z.boolean(),
});
export type TMonitoring = z.infer<typeof ZMonitoring>;
