import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TSchoolCalendar } from '../../../../shared/api/calendar.js';
import { api } from '../../../lib/api.js';

/** The current year's calendar of a school: semesters, holidays, days off, the city's days off. */
export function getCalendar(schoolId: number): Promise<TSchoolCalendar> {
  return api(`/api/schools/${schoolId}/calendar`);
}

export const calendarKey = (schoolId: number) => ['schools', schoolId, 'calendar'] as const;

export const calendarQueryOptions = (schoolId: number) => queryOptions({ queryKey: calendarKey(schoolId), queryFn: () => getCalendar(schoolId) });

export function useCalendar(schoolId: number) {
  return useQuery(calendarQueryOptions(schoolId));
}
