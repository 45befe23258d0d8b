import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TStaffMember } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { schoolKey } from './admin-keys.js';

/** The person's roles in this school for a school year (the current one when yearId is not given). */
export function setStaffRoles(schoolId: number, userId: number, roles: string[], yearId?: number): Promise<TStaffMember> {
  return api(`/api/schools/${schoolId}/admin/staff/${userId}/roles`, { method: 'PUT', body: { roles, yearId } });
}

export function useSetStaffRoles(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, roles, yearId }: { userId: number; roles: string[]; yearId?: number }) => setStaffRoles(schoolId, userId, roles, yearId),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: schoolKey(schoolId) }),
  });
}
