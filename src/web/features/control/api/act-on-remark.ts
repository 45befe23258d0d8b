import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TRemark, TRemarkAction } from '../../../../shared/api/control.js';
import { api } from '../../../lib/api.js';

export interface RemarkActionInput {
  remarkId: number;
  action: TRemarkAction;
  version: number;
  note?: string;
}

/** Acknowledge, mark fixed, close or reopen a remark. */
export function actOnRemark(schoolId: number, x: RemarkActionInput): Promise<TRemark> {
  return api(`/api/schools/${schoolId}/remarks/${x.remarkId}/${x.action}`, { method: 'POST', body: { version: x.version, note: x.note ?? '' } });
}

export function useActOnRemark(schoolId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (x: RemarkActionInput) => actOnRemark(schoolId, x),
    // a conflict or a changed status also means the list is stale
    onSettled: () => qc.invalidateQueries({ queryKey: ['schools', schoolId, 'remarks'] }),
  });
}
