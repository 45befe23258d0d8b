import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TTrend } from '../../../../shared/api/control.js';
import { api } from '../../../lib/api.js';

/** The school's fill level week by week over the semester containing the date. */
export function getTrend(schoolId: number, date: string): Promise<TTrend> {
  return api(`/api/schools/${schoolId}/analysis/trend`, { query: { date } });
}

export const trendQueryOptions = (schoolId: number, date: string) =>
  queryOptions({ queryKey: ['schools', schoolId, 'analysis', 'trend', date], queryFn: () => getTrend(schoolId, date), staleTime: 5 * 60_000 });

export function useTrend(schoolId: number, date: string) {
  return useQuery(trendQueryOptions(schoolId, date));
}
