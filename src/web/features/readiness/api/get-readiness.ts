import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TReadiness } from '../../../../shared/api/readiness.js';
import { api } from '../../../lib/api.js';

/** The school's plan of measures, equipment and survey results (head, controller, admin). */
export function getReadiness(schoolId: number): Promise<TReadiness> {
  return api(`/api/schools/${schoolId}/readiness`);
}

export const readinessQueryOptions = (schoolId: number) => queryOptions({ queryKey: ['schools', schoolId, 'readiness'], queryFn: () => getReadiness(schoolId), meta: { quietNotFound: true } });

export function useReadiness(schoolId: number) {
  return useQuery(readinessQueryOptions(schoolId));
}
