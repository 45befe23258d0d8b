import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TTeachingLoad } from '../../../../shared/api/curriculum.js';
import { api } from '../../../lib/api.js';
import { curriculumKey } from './keys.js';

/** The teaching load: pages with teachers and hours, teachers' totals, warnings. */
export function getLoad(schoolId: number): Promise<TTeachingLoad> {
  return api(`/api/schools/${schoolId}/curriculum/load`);
}

export const loadKey = (schoolId: number) => [...curriculumKey(schoolId), 'load'] as const;

export const loadQueryOptions = (schoolId: number) => queryOptions({ queryKey: loadKey(schoolId), queryFn: () => getLoad(schoolId) });

export function useLoad(schoolId: number) {
  return useQuery(loadQueryOptions(schoolId));
}
