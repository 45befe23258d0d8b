import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TConsentDashboard } from '../../../../shared/api/consent.js';
import { api } from '../../../lib/api.js';
import { consentKey } from './keys.js';

/** Shares of pupils with consent by class and for the school, and who is missing. */
export function getConsentDashboard(schoolId: number): Promise<TConsentDashboard> {
  return api(`/api/schools/${schoolId}/consent/dashboard`);
}

export const consentDashboardQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: [...consentKey(schoolId), 'dashboard'], queryFn: () => getConsentDashboard(schoolId) });

export function useConsentDashboard(schoolId: number) {
  return useQuery(consentDashboardQueryOptions(schoolId));
}
