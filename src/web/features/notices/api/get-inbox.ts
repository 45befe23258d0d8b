import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TInbox } from '../../../../shared/api/notices.js';
import { api } from '../../../lib/api.js';
import { inboxKey } from './keys.js';

/** Announcements for the family's children (or the pupil), unread marked. */
export function getInbox(schoolId: number): Promise<TInbox> {
  return api(`/api/schools/${schoolId}/inbox`);
}

export const inboxQueryOptions = (schoolId: number) => queryOptions({ queryKey: inboxKey(schoolId), queryFn: () => getInbox(schoolId) });

export function useInbox(schoolId: number) {
  return useQuery(inboxQueryOptions(schoolId));
}
