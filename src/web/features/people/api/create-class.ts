import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TAdminClass } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { schoolKey } from './admin-keys.js';

export interface TClassInput {
  grade: number;
  letter: string;
  classTeacherId: number | null;
}

/** A class of the open school year. */
export function createClass(schoolId: number, body: TClassInput): Promise<TAdminClass> {
  return api(`/api/schools/${schoolId}/admin/classes`, { method: 'POST', body });
}

export function useCreateClass(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TClassInput) => createClass(schoolId, body),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: schoolKey(schoolId) }),
  });
}
