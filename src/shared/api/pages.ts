import { z } from 'zod';

export const ZPagesQuery = z.object({
  mine: z.enum(['true', 'false']).optional(),
  classId: z.coerce.number().int().positive().optional(),
});

export const ZPageSummary = z.object({
  id: z.number(),
  classId: z.number(),
  classLabel: z.string(),
  grade: z.number(),
  subjectName: z.string(),
  groupName: z.string().nullable(),
  teacherId: z.number().nullable(),
  teacherName: z.string().nullable(),
  hoursPerWeek: z.number(),
  scaleCode: z.string(),
});
export const ZPageList = z.object({ pages: z.array(ZPageSummary) });
export type TPageSummary = z.infer<typeof ZPageSummary>;
