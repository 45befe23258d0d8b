import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TCitySchools } from '../../../../shared/api/schools.js';
import { api } from '../../../lib/api.js';

/** The city's schools with aggregate counts only (no personal data). */
export function getCitySchools(cityId: number): Promise<TCitySchools> {
  return api(`/api/cities/${cityId}/schools`);
}

export const citySchoolsQueryOptions = (cityId: number) =>
  queryOptions({ queryKey: ['cities', cityId, 'schools'], queryFn: () => getCitySchools(cityId) });

export function useCitySchools(cityId: number) {
  return useQuery(citySchoolsQueryOptions(cityId));
}
