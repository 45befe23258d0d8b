import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TSubject, TSubjectInput } from '../../../../shared/api/curriculum.js';
import { api } from '../../../lib/api.js';
import { curriculumKey } from './keys.js';

/** Adds a subject (no id) or renames one. */
export function saveSubject(schoolId: number, subjectId: number | null, body: TSubjectInput): Promise<{ subjects: TSubject[] }> {
  const base = `/api/schools/${schoolId}/curriculum/subjects`;
  return subjectId === null ? api(base, { method: 'POST', body }) : api(`${base}/${subjectId}`, { method: 'PUT', body });
}

export function useSaveSubject(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ subjectId, body }: { subjectId: number | null; body: TSubjectInput }) => saveSubject(schoolId, subjectId, body),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: curriculumKey(schoolId) }),
  });
}
