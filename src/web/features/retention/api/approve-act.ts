import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TApproveActBody, TApproveActResult } from '../../../../shared/api/retention.js';
import { api } from '../../../lib/api.js';

/** The head approves an act of destruction of expired files; the server then deletes them. */
export function approveAct(schoolId: number, body: TApproveActBody): Promise<TApproveActResult> {
  return api(`/api/schools/${schoolId}/archive-retention/acts`, { method: 'POST', body });
}

export function useApproveAct(schoolId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TApproveActBody) => approveAct(schoolId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['schools', schoolId] }),
    meta: { inlineErrors: true },
  });
}
