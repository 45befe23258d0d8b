import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TAnnouncement } from '../../../../shared/api/notices.js';
import { api } from '../../../lib/api.js';
import { announcementsKey } from './keys.js';

/** Announcements with how many of their audience have read them, newest first. */
export async function getAnnouncements(schoolId: number): Promise<TAnnouncement[]> {
  return (await api<{ announcements: TAnnouncement[] }>(`/api/schools/${schoolId}/announcements`)).announcements;
}

export const announcementsQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: announcementsKey(schoolId), queryFn: () => getAnnouncements(schoolId) });

export function useAnnouncements(schoolId: number) {
  return useQuery(announcementsQueryOptions(schoolId));
}
