import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TClassSummary } from '../../../../shared/api/people.js';
import { api } from '../../../lib/api.js';

/** The school's classes of the current year with class teachers and pupil counts. */
export function getClasses(schoolId: number): Promise<{ classes: TClassSummary[] }> {
  return api(`/api/schools/${schoolId}/classes`);
}

export const classesQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: ['schools', schoolId, 'classes'], queryFn: () => getClasses(schoolId), select: (d) => d.classes });

export function useClasses(schoolId: number) {
  return useQuery(classesQueryOptions(schoolId));
}
