import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TAdminClass } from '../../../../shared/api/admin.js';
import { api } from '../../../lib/api.js';
import { schoolKey } from './admin-keys.js';

/** Names (or clears) the class teacher of a class. */
export function setClassTeacher(schoolId: number, classId: number, classTeacherId: number | null): Promise<TAdminClass> {
  return api(`/api/schools/${schoolId}/admin/classes/${classId}`, { method: 'PATCH', body: { classTeacherId } });
}

export function useSetClassTeacher(schoolId: number, classId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (classTeacherId: number | null) => setClassTeacher(schoolId, classId, classTeacherId),
    onSuccess: () => client.invalidateQueries({ queryKey: schoolKey(schoolId) }),
  });
}
