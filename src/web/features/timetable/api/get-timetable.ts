import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TTimetable, TTimetableQuery } from '../../../../shared/api/timetable.js';
import { api } from '../../../lib/api.js';

/** The timetable in force on a date (today when omitted): the school's, or one teacher's. */
export function getTimetable(schoolId: number, query: TTimetableQuery = {}): Promise<TTimetable> {
  return api(`/api/schools/${schoolId}/timetable`, { query: { ...query } });
}

export const timetableKey = (schoolId: number) => ['schools', schoolId, 'timetable'] as const;

export const timetableQueryOptions = (schoolId: number, query: TTimetableQuery = {}) =>
  queryOptions({ queryKey: [...timetableKey(schoolId), query], queryFn: () => getTimetable(schoolId, query) });

export function useTimetable(schoolId: number, query: TTimetableQuery = {}) {
  return useQuery(timetableQueryOptions(schoolId, query));
}
