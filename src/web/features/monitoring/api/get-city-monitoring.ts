import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TMonitoring } from '../../../../shared/api/monitoring.js';
import { api } from '../../../lib/api.js';

/** The city's quarterly monitoring (aggregates only). */
export function getCityMonitoring(cityId: number, quarter: string): Promise<TMonitoring> {
  return api(`/api/cities/${cityId}/monitoring?quarter=${encodeURIComponent(quarter)}`);
}

export const cityMonitoringQueryOptions = (cityId: number, quarter: string) =>
  queryOptions({ queryKey: ['cities', cityId, 'monitoring', quarter], queryFn: () => getCityMonitoring(cityId, quarter) });

export function useCityMonitoring(cityId: number, quarter: string) {
  return useQuery(cityMonitoringQueryOptions(cityId, quarter));
}

export const monitoringFileUrl = (cityId: number, quarter: string, format: 'pdf' | 'xlsx') =>
  `/api/cities/${cityId}/monitoring/report.${format}?quarter=${encodeURIComponent(quarter)}`;
