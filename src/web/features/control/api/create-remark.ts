import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TRemark, TRemarkCreate } from '../../../../shared/api/control.js';
import { api } from '../../../lib/api.js';

/** Records a check of a journal page: date, remarks, deadline. */
export function createRemark(schoolId: number, body: TRemarkCreate): Promise<TRemark> {
  return api(`/api/schools/${schoolId}/remarks`, { method: 'POST', body });
}

export function useCreateRemark(schoolId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TRemarkCreate) => createRemark(schoolId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['schools', schoolId, 'remarks'] }),
    meta: { inlineErrors: true },
  });
}
