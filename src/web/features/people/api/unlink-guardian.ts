import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.js';
import { schoolKey } from './admin-keys.js';

/** Removes a guardian from a pupil (the guardian's record stays for other children). */
export function unlinkGuardian(schoolId: number, pupilId: number, guardianId: number): Promise<unknown> {
  return api(`/api/schools/${schoolId}/admin/pupils/${pupilId}/guardians/${guardianId}`, { method: 'DELETE' });
}

export function useUnlinkGuardian(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ pupilId, guardianId }: { pupilId: number; guardianId: number }) => unlinkGuardian(schoolId, pupilId, guardianId),
    onSuccess: () => client.invalidateQueries({ queryKey: schoolKey(schoolId) }),
  });
}
