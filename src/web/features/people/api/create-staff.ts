import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TStaffCreate, TStaffMember } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { adminKey } from './admin-keys.js';

export interface TCredentials {
  staff: TStaffMember;
  login: string;
  initialPassword: string;
}

/** A new staff member; the answer holds the one-time password, shown once. */
export function createStaff(schoolId: number, body: TStaffCreate): Promise<TCredentials> {
  return api(`/api/schools/${schoolId}/admin/staff`, { method: 'POST', body });
}

export function useCreateStaff(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TStaffCreate) => createStaff(schoolId, body),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: adminKey(schoolId) }),
  });
}
