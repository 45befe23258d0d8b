import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TClassPupils } from '../../../../shared/api/people.js';
import { api } from '../../../lib/api.js';
import { sortByName } from '../../../lib/format.js';

/** A class and its pupils. */
export function getClassPupils(schoolId: number, classId: number): Promise<TClassPupils> {
  return api(`/api/schools/${schoolId}/classes/${classId}/pupils`);
}

export const classPupilsQueryOptions = (schoolId: number, classId: number) =>
  queryOptions({
    queryKey: ['schools', schoolId, 'classes', classId, 'pupils'],
    queryFn: () => getClassPupils(schoolId, classId),
    select: (d): TClassPupils => ({ ...d, pupils: sortByName(d.pupils) }),
  });

/** A class with its pupils in Ukrainian alphabetical order. */
export function useClassPupils(schoolId: number, classId: number) {
  return useQuery(classPupilsQueryOptions(schoolId, classId));
}
