import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TStaffMember } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { schoolKey } from './admin-keys.js';

/** The person's roles in this school. */
export function setStaffRoles(schoolId: number, userId: number, roles: string[]): Promise<TStaffMember> {
  return api(`/api/schools/${schoolId}/admin/staff/${userId}/roles`, { method: 'PUT', body: { roles } });
}

export function useSetStaffRoles(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, roles }: { userId: number; roles: string[] }) => setStaffRoles(schoolId, userId, roles),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: schoolKey(schoolId) }),
  });
}
