import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TInboxItem } from '../../../../shared/api/notices.js';
import { api } from '../../../lib/api.js';
import { inboxKey } from './keys.js';

/** Opens an announcement and records that this person read it. */
export function readAnnouncement(schoolId: number, announcementId: number): Promise<TInboxItem> {
  return api(`/api/schools/${schoolId}/inbox/${announcementId}/read`, { method: 'POST' });
}

export function useReadAnnouncement(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (announcementId: number) => readAnnouncement(schoolId, announcementId),
    onSuccess: () => client.invalidateQueries({ queryKey: inboxKey(schoolId) }),
  });
}
