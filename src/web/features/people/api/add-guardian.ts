import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TGuardianCreate } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { schoolKey } from './admin-keys.js';

/** A guardian (parent) of the pupil with phone, e-mail and relation. */
export function addGuardian(schoolId: number, pupilId: number, body: TGuardianCreate): Promise<unknown> {
  return api(`/api/schools/${schoolId}/admin/pupils/${pupilId}/guardians`, { method: 'POST', body });
}

export function useAddGuardian(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ pupilId, body }: { pupilId: number; body: TGuardianCreate }) => addGuardian(schoolId, pupilId, body),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: schoolKey(schoolId) }),
  });
}
