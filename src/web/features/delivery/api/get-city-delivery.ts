import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TCityDelivery } from '../../../../shared/api/delivery.js';
import { api } from '../../../lib/api.js';

/** Curriculum delivery shares per school of the city (aggregates only). */
export function getCityDelivery(cityId: number, semester?: number): Promise<TCityDelivery> {
  return api(`/api/cities/${cityId}/delivery`, { query: { semester } });
}

export const cityDeliveryQueryOptions = (cityId: number, semester?: number) =>
  queryOptions({ queryKey: ['cities', cityId, 'delivery', semester ?? null], queryFn: () => getCityDelivery(cityId, semester) });

export function useCityDelivery(cityId: number, semester?: number) {
  return useQuery(cityDeliveryQueryOptions(cityId, semester));
}
