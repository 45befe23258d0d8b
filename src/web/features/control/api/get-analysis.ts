import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TAnalysis } from '../../../../shared/api/control.js';
import { api } from '../../../lib/api.js';

export interface PeriodFilter {
  from?: string;
  to?: string;
}

/** The fill analysis of a period (the server defaults to the last full week). */
export function getAnalysis(schoolId: number, period: PeriodFilter): Promise<TAnalysis> {
  return api(`/api/schools/${schoolId}/analysis`, { query: { from: period.from, to: period.to } });
}

export const analysisQueryOptions = (schoolId: number, period: PeriodFilter) =>
  queryOptions({ queryKey: ['schools', schoolId, 'analysis', period], queryFn: () => getAnalysis(schoolId, period) });

export function useAnalysis(schoolId: number, period: PeriodFilter, enabled = true) {
  return useQuery({ ...analysisQueryOptions(schoolId, period), enabled });
}
