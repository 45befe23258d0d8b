import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TClassDetail } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { adminKey } from './admin-keys.js';

/** A class with every pupil of the year, their guardians, and the class's movement. */
export function getClassDetail(schoolId: number, classId: number): Promise<TClassDetail> {
  return api(`/api/schools/${schoolId}/admin/classes/${classId}`);
}

export const classDetailQueryOptions = (schoolId: number, classId: number) =>
  queryOptions({ queryKey: [...adminKey(schoolId), 'classes', classId], queryFn: () => getClassDetail(schoolId, classId) });

export function useClassDetail(schoolId: number, classId: number) {
  return useQuery(classDetailQueryOptions(schoolId, classId));
}
