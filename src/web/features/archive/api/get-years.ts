import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TSchoolYears } from '../../../../shared/api/archive.js';
import { api } from '../../../lib/api.js';

/** The school's years, newest first, with their close and reopen history. */
export function getYears(schoolId: number): Promise<TSchoolYears> {
  return api(`/api/schools/${schoolId}/years`);
}

export const yearsQueryOptions = (schoolId: number) => queryOptions({ queryKey: ['schools', schoolId, 'years'], queryFn: () => getYears(schoolId) });

export function useYears(schoolId: number) {
  return useQuery(yearsQueryOptions(schoolId));
}
