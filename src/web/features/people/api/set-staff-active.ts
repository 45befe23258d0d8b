import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TStaffMember } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { schoolKey } from './admin-keys.js';

/** Deactivates (journals keep their author) or reactivates a staff member in this school. */
export function setStaffActive(schoolId: number, userId: number, active: boolean): Promise<TStaffMember> {
  return api(`/api/schools/${schoolId}/admin/staff/${userId}/${active ? 'activate' : 'deactivate'}`, { method: 'POST' });
}

export function useSetStaffActive(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, active }: { userId: number; active: boolean }) => setStaffActive(schoolId, userId, active),
    onSuccess: () => client.invalidateQueries({ queryKey: schoolKey(schoolId) }),
  });
}
