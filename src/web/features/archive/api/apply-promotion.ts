import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TPromotionBody, TPromotionResult } from '../../../../shared/api/archive.js';
import { api } from '../../../lib/api.js';

/** Applies the promotion with the exceptions set by hand. */
export function applyPromotion(schoolId: number, yearId: number, body: TPromotionBody): Promise<TPromotionResult> {
  return api(`/api/schools/${schoolId}/years/${yearId}/promotion`, { method: 'POST', body });
}

export function useApplyPromotion(schoolId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (x: { yearId: number; body: TPromotionBody }) => applyPromotion(schoolId, x.yearId, x.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['schools', schoolId] }),
    meta: { inlineErrors: true },
  });
}
