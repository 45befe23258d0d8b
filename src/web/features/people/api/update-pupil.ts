import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TPupilCreate } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { schoolKey } from './admin-keys.js';

export type TPupilPatch = Partial<Pick<TPupilCreate, 'lastName' | 'firstName' | 'middleName' | 'birthDate' | 'gender'>>;

/** A pupil's names, date of birth and gender. */
export function updatePupil(schoolId: number, pupilId: number, body: TPupilPatch): Promise<unknown> {
  return api(`/api/schools/${schoolId}/admin/pupils/${pupilId}`, { method: 'PATCH', body });
}

export function useUpdatePupil(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ pupilId, body }: { pupilId: number; body: TPupilPatch }) => updatePupil(schoolId, pupilId, body),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: schoolKey(schoolId) }),
  });
}
