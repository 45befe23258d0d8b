import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TPromotionPreview } from '../../../../shared/api/archive.js';
import { api } from '../../../lib/api.js';

/** Who moves where at the end of the year (or what was recorded, once applied). */
export function getPromotion(schoolId: number, yearId: number): Promise<TPromotionPreview> {
  return api(`/api/schools/${schoolId}/years/${yearId}/promotion`);
}

export const promotionQueryOptions = (schoolId: number, yearId: number) =>
  queryOptions({ queryKey: ['schools', schoolId, 'years', yearId, 'promotion'], queryFn: () => getPromotion(schoolId, yearId) });

export function usePromotion(schoolId: number, yearId: number | null) {
  return useQuery({ ...promotionQueryOptions(schoolId, yearId ?? 0), enabled: yearId !== null });
}
