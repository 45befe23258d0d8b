import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error.js';
import { notifyError } from './notify.js';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: Error;
    /** inlineErrors: the form shows the error itself, so no notification */
    mutationMeta: { inlineErrors?: boolean };
    /** quietNotFound: the screen explains a 404 itself (e.g. no open year), so no notification */
    queryMeta: { quietNotFound?: boolean };
  }
}

/** The key of the signed-in person (GET /api/auth/me); null when nobody is signed in. */
export const meQueryKey = ['auth', 'me'] as const;

/** The one cache of server state. A 4xx answer is final, so only server and network failures retry. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (!(query.meta?.quietNotFound && error instanceof ApiError && error.status === 404)) notifyError(error);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _result, mutation) => {
      if (!mutation.meta?.inlineErrors) notifyError(error);
    },
  }),
});
