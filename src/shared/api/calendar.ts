import { z } from 'zod';

const id = z.coerce.number().int().positive();

/** A calendar date 'YYYY-MM-DD' that exists (no 31 April). */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'invalid_date');

/** What a timetable or calendar change did to the journals' lessons. */
export const ZLessonChanges = z.object({
  /** empty lessons created where the timetable now has them */
  added: z.number(),
  /** empty lessons removed where the timetable or calendar no longer has them */
  removed: z.number(),
  /** lessons with entries kept although they no longer fit: flagged to their teachers */
  flagged: z.number(),
});
export type TLessonChanges = z.infer<typeof ZLessonChanges>;

export const CALENDAR_KINDS = ['holiday', 'day_off', 'remote'] as const;
export type TCalendarKind = (typeof CALENDAR_KINDS)[number];

export const ZCalendarParams = z.object({ schoolId: id });
export const ZPeriodParams = z.object({ schoolId: id, periodId: id });
export const ZCityDayParams = z.object({ cityId: id, day: ZIsoDate });

export const ZCalendarPeriod = z.object({
  id: z.number(),
  kind: z.enum(CALENDAR_KINDS),
  startsOn: z.string(),
  endsOn: z.string(),
  name: z.string(),
});
export type TCalendarPeriod = z.infer<typeof ZCalendarPeriod>;

export const ZCityDayOff = z.object({ day: z.string(), name: z.string() });
export type TCityDayOff = z.infer<typeof ZCityDayOff>;

export const ZSchoolCalendar = z.object({
  year: z.object({ id: z.number(), name: z.string(), startsOn: z.string(), endsOn: z.string(), status: z.enum(['open', 'closed']) }),
  semesters: z.array(z.object({ number: z.number(), startsOn: z.string(), endsOn: z.string() })),
  periods: z.array(ZCalendarPeriod),
  cityDaysOff: z.array(ZCityDayOff),
  /** school days (Monday to Saturday) left after holidays and days off, per semester */
  schoolDays: z.array(z.object({ semester: z.number(), days: z.number() })),
  today: z.string(),
});
export type TSchoolCalendar = z.infer<typeof ZSchoolCalendar>;

const name = z.string().trim().max(100).default('');

export const ZSemesterInput = z.object({ number: z.union([z.literal(1), z.literal(2)]), startsOn: ZIsoDate, endsOn: ZIsoDate });

export const ZYearInput = z.object({
  startsOn: ZIsoDate,
  endsOn: ZIsoDate,
  semesters: z.array(ZSemesterInput).min(1).max(2),
});
export type TYearInput = z.input<typeof ZYearInput>;

export const ZPeriodInput = z.object({
  kind: z.enum(CALENDAR_KINDS),
  startsOn: ZIsoDate,
  endsOn: ZIsoDate,
  name,
});
export type TPeriodInput = z.input<typeof ZPeriodInput>;

export const ZPeriodPatch = ZPeriodInput.partial();
export type TPeriodPatch = z.input<typeof ZPeriodPatch>;

export const ZCalendarChange = z.object({ calendar: ZSchoolCalendar, lessons: ZLessonChanges });
export type TCalendarChange = z.infer<typeof ZCalendarChange>;

export const ZCityDaysOff = z.object({
  cityId: z.number(),
  cityName: z.string(),
  daysOff: z.array(ZCityDayOff),
  today: z.string(),
});
export type TCityDaysOff = z.infer<typeof ZCityDaysOff>;

export const ZCityDayOffInput = z.object({ day: ZIsoDate, name: z.string().trim().min(1, 'required').max(100) });
export type TCityDayOffInput = z.input<typeof ZCityDayOffInput>;

export const ZCityDayOffChange = z.object({
  daysOff: ZCityDaysOff,
  /** schools whose journals the change reached */
  schools: z.number(),
  lessons: ZLessonChanges,
});
export type TCityDayOffChange = z.infer<typeof ZCityDayOffChange>;
