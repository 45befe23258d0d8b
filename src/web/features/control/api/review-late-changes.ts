import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.js';

/** The head marks late corrections reviewed. */
export function reviewLateChanges(schoolId: number, ids: number[]): Promise<{ reviewed: number }> {
  return api(`/api/schools/${schoolId}/analysis/late-changes/review`, { method: 'POST', body: { ids } });
}

export function useReviewLateChanges(schoolId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) => reviewLateChanges(schoolId, ids),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['schools', schoolId, 'analysis'] }),
  });
}
