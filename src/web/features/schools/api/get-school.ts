import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TSchool } from '../../../../shared/api/schools.js';
import { api } from '../../../lib/api.js';

/** A school with its current year and semesters. */
export function getSchool(schoolId: number): Promise<TSchool> {
  return api(`/api/schools/${schoolId}`);
}

export const schoolQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: ['schools', schoolId], queryFn: () => getSchool(schoolId), staleTime: 5 * 60_000 });

export function useSchool(schoolId: number) {
  return useQuery(schoolQueryOptions(schoolId));
}
