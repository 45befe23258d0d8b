import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TCompleteness } from '../../../../shared/api/archive.js';
import { api } from '../../../lib/api.js';

/** What is missing before the year can be closed. */
export function getCompleteness(schoolId: number, yearId: number): Promise<TCompleteness> {
  return api(`/api/schools/${schoolId}/years/${yearId}/completeness`);
}

export const completenessQueryOptions = (schoolId: number, yearId: number) =>
  queryOptions({ queryKey: ['schools', schoolId, 'years', yearId, 'completeness'], queryFn: () => getCompleteness(schoolId, yearId) });

export function useCompleteness(schoolId: number, yearId: number | null) {
  return useQuery({ ...completenessQueryOptions(schoolId, yearId ?? 0), enabled: yearId !== null });
}
