import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TNotice } from '../../../../shared/api/consent.js';
import { api } from '../../../lib/api.js';
import { consentKey } from '../../consent/api/keys.js';

/** The notice in force and every version that applies to the school, newest first. */
export function getNotices(schoolId: number): Promise<{ current: TNotice; versions: TNotice[] }> {
  return api(`/api/schools/${schoolId}/consent/notices`);
}

export const noticesQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: [...consentKey(schoolId), 'notices'], queryFn: () => getNotices(schoolId) });

export function useNotices(schoolId: number) {
  return useQuery(noticesQueryOptions(schoolId));
}
