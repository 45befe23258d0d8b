import { queryOptions, useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { TMe } from '../../shared/api/auth.js';
import { FullPageLoader } from '../components/ui/FullPageLoader.js';
import { api } from './api.js';
import { ApiError } from './api-error.js';
import { meQueryKey } from './query-client.js';

/** The signed-in person, or null when nobody is signed in. */
export async function getMe(): Promise<TMe | null> {
  try {
    return await api<TMe>('/api/auth/me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export const meQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: Number.POSITIVE_INFINITY });

export function useMe() {
  return useQuery(meQueryOptions());
}

/** The signed-in person inside RequireAuth, where they are known to be loaded. */
export function useSignedInMe(): TMe {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInMe outside RequireAuth');
  return data;
}

/** Renders its routes for a signed-in person; sends everyone else to the login page and back. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (!me.data) {
    const from = location.pathname === '/' ? undefined : location.pathname + location.search;
    return <Navigate to="/login" replace state={from ? { from } : undefined} />;
  }
  return <Outlet />;
}
