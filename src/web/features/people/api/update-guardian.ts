import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TGuardianCreate } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { schoolKey } from './admin-keys.js';

/** A guardian's names, phone, e-mail and relation. */
export function updateGuardian(schoolId: number, guardianId: number, body: Partial<TGuardianCreate>): Promise<unknown> {
  return api(`/api/schools/${schoolId}/admin/guardians/${guardianId}`, { method: 'PATCH', body });
}

export function useUpdateGuardian(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ guardianId, body }: { guardianId: number; body: Partial<TGuardianCreate> }) => updateGuardian(schoolId, guardianId, body),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: schoolKey(schoolId) }),
  });
}
