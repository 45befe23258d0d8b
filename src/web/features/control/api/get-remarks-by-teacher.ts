import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TRemarksByTeacher } from '../../../../shared/api/control.js';
import { api } from '../../../lib/api.js';

/** Open, overdue and fixed remarks per teacher. */
export function getRemarksByTeacher(schoolId: number): Promise<TRemarksByTeacher> {
  return api(`/api/schools/${schoolId}/remarks/by-teacher`);
}

export const remarksByTeacherQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: ['schools', schoolId, 'remarks', 'by-teacher'], queryFn: () => getRemarksByTeacher(schoolId) });

export function useRemarksByTeacher(schoolId: number, enabled = true) {
  return useQuery({ ...remarksByTeacherQueryOptions(schoolId), enabled });
}
