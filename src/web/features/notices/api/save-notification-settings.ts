import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TNotificationSettings } from '../../../../shared/api/notices.js';
import { api } from '../../../lib/api.js';
import { notificationSettingsKey } from './get-notification-settings.js';

/** Saves how the parent's notifications arrive: per kind, quiet hours, digest time, address. */
export function saveNotificationSettings(schoolId: number, body: TNotificationSettings): Promise<TNotificationSettings> {
  return api(`/api/schools/${schoolId}/notification-settings`, { method: 'PUT', body });
}

export function useSaveNotificationSettings(schoolId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TNotificationSettings) => saveNotificationSettings(schoolId, body),
    meta: { inlineErrors: true },
    onSuccess: (saved) => client.setQueryData(notificationSettingsKey(schoolId), saved),
  });
}
