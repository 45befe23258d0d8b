import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TInventoryInput } from '../../../../shared/api/readiness.js';
import { api } from '../../../lib/api.js';

/** Sets the school's equipment inventory. */
export function putInventory(schoolId: number, body: TInventoryInput): Promise<unknown> {
  return api(`/api/schools/${schoolId}/readiness/inventory`, { method: 'PUT', body });
}

export function usePutInventory(schoolId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TInventoryInput) => putInventory(schoolId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['schools', schoolId, 'readiness'] }),
    meta: { inlineErrors: true },
  });
}
