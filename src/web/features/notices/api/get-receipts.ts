import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TReceipts } from '../../../../shared/api/notices.js';
import { api } from '../../../lib/api.js';
import { announcementsKey } from './keys.js';

/** Who an announcement reaches and when each read it. */
export function getReceipts(schoolId: number, announcementId: number): Promise<TReceipts> {
  return api(`/api/schools/${schoolId}/announcements/${announcementId}/receipts`);
}

export const receiptsQueryOptions = (schoolId: number, announcementId: number) =>
  queryOptions({ queryKey: [...announcementsKey(schoolId), announcementId, 'receipts'], queryFn: () => getReceipts(schoolId, announcementId) });

export function useReceipts(schoolId: number, announcementId: number) {
  return useQuery(receiptsQueryOptions(schoolId, announcementId));
}
