import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api.js';
import { meQueryKey, queryClient } from '../../../lib/query-client.js';

/** Ends the session on the server. */
export function logout(): Promise<{ ok: true }> {
  return api('/api/auth/logout', { method: 'POST' });
}

/** Signs out and drops every cached answer, so the next person on this computer sees none of it. */
export function useLogout() {
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    },
  });
}
