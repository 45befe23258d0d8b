import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TStaffMember, TStaffPatch } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { adminKey } from './admin-keys.js';

/** Names, e-mail and position of a staff member. */
export function updateStaff(schoolId: number, userId: number, body: TStaffPatch): Promise<TStaffMember> {
  return api(`/api/schools/${schoolId}/admin/staff/${userId}`, { method: 'PATCH', body });
}

export function useUpdateStaff(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: number; body: TStaffPatch }) => updateStaff(schoolId, userId, body),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: adminKey(schoolId) }),
  });
}
