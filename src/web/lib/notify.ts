import { notifications } from '@mantine/notifications';
import { ApiError } from './api-error.js';
import { i18n } from './i18n/index.js';

/** Shows an error as a notification; a 401 is not shown, the app goes to the login page instead. */
export function notifyError(error: Error): void {
  if (error instanceof ApiError && error.status === 401) return;
  notifications.show({
    color: 'red',
    title: i18n.t('errors.title'),
    message: error instanceof ApiError ? error.message : i18n.t('errors.network'),
  });
}

/** A short confirmation that something was saved. */
export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}
