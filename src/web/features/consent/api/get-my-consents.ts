import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TMyConsent } from '../../../../shared/api/consent.js';
import { api } from '../../../lib/api.js';
import { myConsentsKey } from './keys.js';

/** The signed-in guardian's children and their consent, also where access is closed. */
export async function getMyConsents(): Promise<TMyConsent[]> {
  return (await api<{ items: TMyConsent[] }>('/api/consent/mine')).items;
}

export const myConsentsQueryOptions = () => queryOptions({ queryKey: myConsentsKey, queryFn: getMyConsents });

export function useMyConsents() {
  return useQuery(myConsentsQueryOptions());
}
