import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TOffScheduleList } from '../../../../shared/api/timetable.js';
import { api } from '../../../lib/api.js';
import { timetableKey } from './get-timetable.js';

/** Lessons with entries that the timetable or calendar no longer has (the person's own when mine). */
export function getOffSchedule(schoolId: number, mine: boolean): Promise<TOffScheduleList> {
  return api(`/api/schools/${schoolId}/timetable/off-schedule`, { query: { mine } });
}

export const offScheduleQueryOptions = (schoolId: number, mine: boolean) =>
  queryOptions({ queryKey: [...timetableKey(schoolId), 'off-schedule', mine], queryFn: () => getOffSchedule(schoolId, mine), select: (d) => d.lessons });

export function useOffSchedule(schoolId: number, mine: boolean) {
  return useQuery(offScheduleQueryOptions(schoolId, mine));
}
