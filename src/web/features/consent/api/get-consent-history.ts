import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TConsentHistory } from '../../../../shared/api/consent.js';
import { api } from '../../../lib/api.js';
import { consentKey } from './keys.js';

/** Every consent given or withdrawn for a pupil, oldest first. */
export function getConsentHistory(schoolId: number, pupilId: number): Promise<TConsentHistory> {
  return api(`/api/schools/${schoolId}/pupils/${pupilId}/consent`);
}

export const consentHistoryQueryOptions = (schoolId: number, pupilId: number) =>
  queryOptions({ queryKey: [...consentKey(schoolId), 'pupil', pupilId], queryFn: () => getConsentHistory(schoolId, pupilId) });

export function useConsentHistory(schoolId: number, pupilId: number) {
  return useQuery(consentHistoryQueryOptions(schoolId, pupilId));
}
