import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TShortfalls } from '../../../../shared/api/delivery.js';
import { api } from '../../../lib/api.js';
import type { Locale } from '../../../lib/i18n/index.js';
import type { DeliveryFilter } from './get-delivery.js';

export type ShortfallFilter = Omit<DeliveryFilter, 'by'>;

/** Pages where the programme was not delivered, the largest shortfall first. */
export function getShortfalls(schoolId: number, f: ShortfallFilter): Promise<TShortfalls> {
  return api(`/api/schools/${schoolId}/delivery/shortfalls`, { query: { ...f } });
}

export const shortfallsQueryOptions = (schoolId: number, f: ShortfallFilter) =>
  queryOptions({ queryKey: ['schools', schoolId, 'delivery', 'shortfalls', f], queryFn: () => getShortfalls(schoolId, f) });

export function useShortfalls(schoolId: number, f: ShortfallFilter) {
  return useQuery(shortfallsQueryOptions(schoolId, f));
}

/** The same list as a CSV file, its header in the interface language. */
export function shortfallsCsvUrl(schoolId: number, f: ShortfallFilter, lang: Locale): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, lang })) if (v !== undefined) q.set(k, String(v));
  return `/api/schools/${schoolId}/delivery/shortfalls.csv?${q}`;
}
