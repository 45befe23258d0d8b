import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TPlan, TPlanInput } from '../../../../shared/api/curriculum.js';
import { api } from '../../../lib/api.js';
import { curriculumKey } from './keys.js';

/** Sets a grade's weekly hours of a subject (0 takes it out). */
export function setPlanRow(schoolId: number, body: TPlanInput): Promise<TPlan> {
  return api(`/api/schools/${schoolId}/curriculum/plan`, { method: 'PUT', body });
}

export function useSetPlanRow(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TPlanInput) => setPlanRow(schoolId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: curriculumKey(schoolId) }),
  });
}
