import { useMutation } from '@tanstack/react-query';
import type { TMe } from '../../../../shared/api/auth.js';
import { api } from '../../../lib/api.js';
import type { Locale } from '../../../lib/i18n/index.js';
import { meQueryKey, queryClient } from '../../../lib/query-client.js';

/** Saves the interface language to the account, so it follows the person to other devices. */
export function setLocale(locale: Locale): Promise<{ ok: true }> {
  return api('/api/auth/locale', { method: 'PUT', body: { locale } });
}

export function useSetLocale() {
  return useMutation({
    mutationFn: setLocale,
    onSuccess: (_result, locale) => {
      queryClient.setQueryData<TMe | null>(meQueryKey, (me) => (me ? { ...me, locale } : me));
    },
  });
}
