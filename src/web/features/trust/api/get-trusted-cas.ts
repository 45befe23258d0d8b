import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TTrustedCaList } from '../../../../shared/api/trust.js';
import { api } from '../../../lib/api.js';

/** The city's trusted CA certificates: the server folder's and the uploaded ones. */
export function getTrustedCas(cityId: number): Promise<TTrustedCaList> {
  return api(`/api/cities/${cityId}/trusted-cas`);
}

export const trustedCasQueryOptions = (cityId: number) => queryOptions({ queryKey: ['cities', cityId, 'trusted-cas'], queryFn: () => getTrustedCas(cityId) });

export function useTrustedCas(cityId: number) {
  return useQuery(trustedCasQueryOptions(cityId));
}
