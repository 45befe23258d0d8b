import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TNotificationSettings } from '../../../../shared/api/notices.js';
import { api } from '../../../lib/api.js';

export const notificationSettingsKey = (schoolId: number) => ['schools', schoolId, 'notification-settings'] as const;

/** The parent's notification choices in a school (the defaults until saved). */
export function getNotificationSettings(schoolId: number): Promise<TNotificationSettings> {
  return api(`/api/schools/${schoolId}/notification-settings`);
}

export const notificationSettingsQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: notificationSettingsKey(schoolId), queryFn: () => getNotificationSettings(schoolId) });

export function useNotificationSettings(schoolId: number) {
  return useQuery(notificationSettingsQueryOptions(schoolId));
}
