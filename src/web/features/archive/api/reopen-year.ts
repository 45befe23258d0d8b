import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TSchoolYear } from '../../../../shared/api/archive.js';
import { api } from '../../../lib/api.js';

/** Reopens a closed year for corrections, with the reason recorded. */
export function reopenYear(schoolId: number, yearId: number, reason: string): Promise<TSchoolYear> {
  return api(`/api/schools/${schoolId}/years/${yearId}/reopen`, { method: 'POST', body: { reason } });
}

export function useReopenYear(schoolId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (x: { yearId: number; reason: string }) => reopenYear(schoolId, x.yearId, x.reason),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['schools', schoolId] }),
    meta: { inlineErrors: true },
  });
}
