import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TPlan } from '../../../../shared/api/curriculum.js';
import { api } from '../../../lib/api.js';
import { curriculumKey } from './keys.js';

/** The curriculum: weekly hours of each subject in each grade of the current year. */
export function getPlan(schoolId: number): Promise<TPlan> {
  return api(`/api/schools/${schoolId}/curriculum/plan`);
}

export const planQueryOptions = (schoolId: number) => queryOptions({ queryKey: [...curriculumKey(schoolId), 'plan'], queryFn: () => getPlan(schoolId) });

export function usePlan(schoolId: number) {
  return useQuery(planQueryOptions(schoolId));
}
