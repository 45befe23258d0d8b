import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TWeeklyReport } from '../../../../shared/api/control.js';
import { api } from '../../../lib/api.js';

/** One stored weekly report. */
export function getReport(schoolId: number, week: string): Promise<TWeeklyReport> {
  return api(`/api/schools/${schoolId}/analysis/reports/${week}`);
}

export const reportQueryOptions = (schoolId: number, week: string) =>
  queryOptions({ queryKey: ['schools', schoolId, 'analysis', 'reports', week], queryFn: () => getReport(schoolId, week), staleTime: Number.POSITIVE_INFINITY });

export function useReport(schoolId: number, week: string) {
  return useQuery(reportQueryOptions(schoolId, week));
}
