import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TCityDaysOff } from '../../../../shared/api/calendar.js';
import { api } from '../../../lib/api.js';

/** The days a city declared off for all its schools. */
export function getCityDaysOff(cityId: number): Promise<TCityDaysOff> {
  return api(`/api/cities/${cityId}/days-off`);
}

export const cityDaysOffKey = (cityId: number) => ['cities', cityId, 'days-off'] as const;

export const cityDaysOffQueryOptions = (cityId: number) => queryOptions({ queryKey: cityDaysOffKey(cityId), queryFn: () => getCityDaysOff(cityId) });

export function useCityDaysOff(cityId: number) {
  return useQuery(cityDaysOffQueryOptions(cityId));
}
