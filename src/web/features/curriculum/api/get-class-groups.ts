import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TClassGroups } from '../../../../shared/api/curriculum.js';
import { api } from '../../../lib/api.js';
import { curriculumKey } from './keys.js';

/** A class's split groups with their pupils, and the class's pupils. */
export function getClassGroups(schoolId: number, classId: number): Promise<TClassGroups> {
  return api(`/api/schools/${schoolId}/curriculum/classes/${classId}/groups`);
}

export const classGroupsQueryOptions = (schoolId: number, classId: number) =>
  queryOptions({ queryKey: [...curriculumKey(schoolId), 'groups', classId], queryFn: () => getClassGroups(schoolId, classId) });

export function useClassGroups(schoolId: number, classId: number | null) {
  return useQuery({ ...classGroupsQueryOptions(schoolId, classId ?? 0), enabled: classId !== null });
}
