import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TStaffMember } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { adminKey } from './admin-keys.js';

/** The school's staff with roles, active first. */
export function getStaff(schoolId: number): Promise<{ staff: TStaffMember[] }> {
  return api(`/api/schools/${schoolId}/admin/staff`);
}

export const staffQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: [...adminKey(schoolId), 'staff'], queryFn: () => getStaff(schoolId), select: (d) => d.staff });

export function useStaff(schoolId: number) {
  return useQuery(staffQueryOptions(schoolId));
}
