import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TAdminClass } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { adminKey } from './admin-keys.js';

export interface TAdminClasses {
  year: { id: number; name: string; startsOn: string; endsOn: string };
  classes: TAdminClass[];
}

/** Classes of the open school year with class teachers and pupil counts. */
export function getAdminClasses(schoolId: number): Promise<TAdminClasses> {
  return api(`/api/schools/${schoolId}/admin/classes`);
}

export const adminClassesQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: [...adminKey(schoolId), 'classes'], queryFn: () => getAdminClasses(schoolId) });

export function useAdminClasses(schoolId: number) {
  return useQuery(adminClassesQueryOptions(schoolId));
}
