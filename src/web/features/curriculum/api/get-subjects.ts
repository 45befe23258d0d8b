import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TSubject } from '../../../../shared/api/curriculum.js';
import { api } from '../../../lib/api.js';
import { curriculumKey } from './keys.js';

/** The school's subjects, in Ukrainian alphabetical order. */
export function getSubjects(schoolId: number): Promise<{ subjects: TSubject[] }> {
  return api(`/api/schools/${schoolId}/curriculum/subjects`);
}

export const subjectsQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: [...curriculumKey(schoolId), 'subjects'], queryFn: () => getSubjects(schoolId), select: (d) => d.subjects });

export function useSubjects(schoolId: number) {
  return useQuery(subjectsQueryOptions(schoolId));
}
