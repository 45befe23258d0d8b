import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.js';
import { adminKey } from './admin-keys.js';
import type { TCredentials } from './create-staff.js';

/** A new one-time password for a staff member, shown once. */
export function resetStaffPassword(schoolId: number, userId: number): Promise<TCredentials> {
  return api(`/api/schools/${schoolId}/admin/staff/${userId}/reset-password`, { method: 'POST' });
}

export function useResetStaffPassword(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: number) => resetStaffPassword(schoolId, userId),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKey(schoolId) }),
  });
}
