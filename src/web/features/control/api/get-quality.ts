import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TQualityFlags } from '../../../../shared/api/control.js';
import { api } from '../../../lib/api.js';

/** Data-quality flags of a period. */
export function getQuality(schoolId: number, from: string, to: string): Promise<TQualityFlags> {
  return api(`/api/schools/${schoolId}/analysis/quality`, { query: { from, to, limit: 300 } });
}

export const qualityQueryOptions = (schoolId: number, from: string, to: string) =>
  queryOptions({ queryKey: ['schools', schoolId, 'analysis', 'quality', from, to], queryFn: () => getQuality(schoolId, from, to) });

export function useQuality(schoolId: number, from: string, to: string) {
  return useQuery(qualityQueryOptions(schoolId, from, to));
}
