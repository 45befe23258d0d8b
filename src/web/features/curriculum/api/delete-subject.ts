import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TSubject } from '../../../../shared/api/curriculum.js';
import { api } from '../../../lib/api.js';
import { curriculumKey } from './keys.js';

/** Deletes a subject that no page or curriculum row uses. */
export function deleteSubject(schoolId: number, subjectId: number): Promise<{ subjects: TSubject[] }> {
  return api(`/api/schools/${schoolId}/curriculum/subjects/${subjectId}`, { method: 'DELETE' });
}

export function useDeleteSubject(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (subjectId: number) => deleteSubject(schoolId, subjectId),
    onSuccess: () => client.invalidateQueries({ queryKey: curriculumKey(schoolId) }),
  });
}
