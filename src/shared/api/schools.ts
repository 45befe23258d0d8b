import { z } from 'zod';

export const ZSchoolParams = z.object({ schoolId: z.coerce.number().int().positive() });
export const ZCityParams = z.object({ cityId: z.coerce.number().int().positive() });

export const ZSemester = z.object({ number: z.number(), startsOn: z.string(), endsOn: z.string() });

export const ZSchool = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string(),
  address: z.string(),
  year: z
    .object({ id: z.number(), name: z.string(), startsOn: z.string(), endsOn: z.string(), status: z.enum(['open', 'closed']), semesters: z.array(ZSemester) })
    .nullable(),
});
export type TSchool = z.infer<typeof ZSchool>;

export const ZCitySchool = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string(),
  classes: z.number(),
  pupils: z.number(),
  staff: z.number(),
});
export const ZCitySchools = z.object({ cityId: z.number(), cityName: z.string(), schools: z.array(ZCitySchool) });
export type TCitySchools = z.infer<typeof ZCitySchools>;
