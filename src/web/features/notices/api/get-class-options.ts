import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TClassSummary } from '../../../../shared/api/people.js';
import { api } from '../../../lib/api.js';

/** The school's classes of this year, to choose an announcement's audience from. */
export async function getClassOptions(schoolId: number): Promise<TClassSummary[]> {
  return (await api<{ classes: TClassSummary[] }>(`/api/schools/${schoolId}/classes`)).classes;
}

export const classOptionsQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: ['schools', schoolId, 'classes', 'announcement-audience'], queryFn: () => getClassOptions(schoolId) });

export function useClassOptions(schoolId: number) {
  return useQuery(classOptionsQueryOptions(schoolId));
}
