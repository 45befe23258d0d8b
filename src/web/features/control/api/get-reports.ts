import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TReportList } from '../../../../shared/api/control.js';
import { api } from '../../../lib/api.js';

/** The weekly reports prepared every Monday, newest first. */
export function getReports(schoolId: number): Promise<TReportList> {
  return api(`/api/schools/${schoolId}/analysis/reports`);
}

export const reportsQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: ['schools', schoolId, 'analysis', 'reports'], queryFn: () => getReports(schoolId) });

export function useReports(schoolId: number) {
  return useQuery(reportsQueryOptions(schoolId));
}

/** Where a stored report downloads from (the browser sends the session cookie). */
export function reportFileUrl(schoolId: number, week: string, format: 'xlsx' | 'pdf'): string {
  return `/api/schools/${schoolId}/analysis/reports/${week}/${format}`;
}
