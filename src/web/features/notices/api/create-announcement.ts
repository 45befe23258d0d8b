import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TAnnouncement, TAnnouncementBody } from '../../../../shared/api/notices.js';
import { api } from '../../../lib/api.js';
import { announcementsKey } from './keys.js';

/** Publishes an announcement to the school, a grade or a class. */
export function createAnnouncement(schoolId: number, body: TAnnouncementBody): Promise<TAnnouncement> {
  return api(`/api/schools/${schoolId}/announcements`, { method: 'POST', body });
}

export function useCreateAnnouncement(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TAnnouncementBody) => createAnnouncement(schoolId, body),
    meta: { inlineErrors: true },
    onSuccess: () => client.invalidateQueries({ queryKey: announcementsKey(schoolId) }),
  });
}
