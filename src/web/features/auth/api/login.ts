import { useMutation } from '@tanstack/react-query';
import type { TLoginBody } from '../../../../shared/api/auth.js';
import { api } from '../../../lib/api.js';
import { meQueryOptions } from '../../../lib/auth.js';
import { queryClient } from '../../../lib/query-client.js';

/** Signs in; the server sets the session cookie. */
export function login(body: TLoginBody): Promise<{ ok: true }> {
  return api('/api/auth/login', { method: 'POST', body });
}

/** Signs in, forgets anything cached from an earlier person, and loads the new one. */
export function useLogin() {
  return useMutation({
    mutationFn: login,
    meta: { inlineErrors: true },
    onSuccess: async () => {
      queryClient.clear();
      await queryClient.fetchQuery(meQueryOptions());
    },
  });
}
