import { z } from 'zod';

export const ZClassParams = z.object({ schoolId: z.coerce.number().int().positive(), classId: z.coerce.number().int().positive() });
export const ZPupilParams = z.object({ schoolId: z.coerce.number().int().positive(), pupilId: z.coerce.number().int().positive() });

export const ZClassSummary = z.object({
  id: z.number(),
  label: z.string(),
  grade: z.number(),
  letter: z.string(),
  classTeacher: z.object({ id: z.number(), name: z.string() }).nullable(),
  pupils: z.number(),
});
export const ZClassList = z.object({ classes: z.array(ZClassSummary) });
export type TClassSummary = z.infer<typeof ZClassSummary>;

export const ZPupilRow = z.object({
  id: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  birthDate: z.string().nullable(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
});
export const ZClassPupils = z.object({ class: ZClassSummary, pupils: z.array(ZPupilRow) });
export type TClassPupils = z.infer<typeof ZClassPupils>;

export const ZPupilCard = z.object({
  id: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  birthDate: z.string().nullable(),
  classLabel: z.string().nullable(),
  guardians: z.array(z.object({ id: z.number(), name: z.string(), phone: z.string(), relation: z.string() })),
});
export type TPupilCard = z.infer<typeof ZPupilCard>;

export const ZSchoolOverview = z.object({
  classes: z.number(),
  pupils: z.number(),
  staff: z.number(),
  pages: z.number(),
  lessonsToday: z.number(),
});
export type TSchoolOverview = z.infer<typeof ZSchoolOverview>;
