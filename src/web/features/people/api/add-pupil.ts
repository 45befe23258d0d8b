import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TAdminPupil, TPupilCreate } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { schoolKey } from './admin-keys.js';

/** A new pupil enrolled in the class (from the year's first day unless a date is given). */
export function addPupil(schoolId: number, classId: number, body: TPupilCreate): Promise<TAdminPupil> {
  return api(`/api/schools/${schoolId}/admin/classes/${classId}/pupils`, { method: 'POST', body });
}

export function useAddPupil(schoolId: number, classId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TPupilCreate) => addPupil(schoolId, classId, body),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: schoolKey(schoolId) }),
  });
}
