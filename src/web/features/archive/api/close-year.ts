import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TSchoolYear } from '../../../../shared/api/archive.js';
import { api } from '../../../lib/api.js';

/** Closes the year (the reason is required while anything is missing). */
export function closeYear(schoolId: number, yearId: number, reason: string): Promise<TSchoolYear> {
  return api(`/api/schools/${schoolId}/years/${yearId}/close`, { method: 'POST', body: { reason } });
}

export function useCloseYear(schoolId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (x: { yearId: number; reason: string }) => closeYear(schoolId, x.yearId, x.reason),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['schools', schoolId] }),
    meta: { inlineErrors: true },
  });
}
