import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TStaffYearRoles } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { adminKey } from './admin-keys.js';

/** A staff member's roles in each school year of the school. */
export function getStaffYearRoles(schoolId: number, userId: number): Promise<TStaffYearRoles> {
  return api(`/api/schools/${schoolId}/admin/staff/${userId}/roles`);
}

export const staffYearRolesQueryOptions = (schoolId: number, userId: number) =>
  queryOptions({ queryKey: [...adminKey(schoolId), 'staff', userId, 'roles'], queryFn: () => getStaffYearRoles(schoolId, userId) });

export function useStaffYearRoles(schoolId: number, userId: number) {
  return useQuery(staffYearRolesQueryOptions(schoolId, userId));
}
