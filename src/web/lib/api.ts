import type { TMe } from '../../shared/api/auth.js';
import { ApiError, type FieldError } from './api-error.js';
import { currentLocale, i18n } from './i18n/index.js';
import { meQueryKey, queryClient } from './query-client.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: { fields?: FieldError[] } } } | null;
  const error = body?.error;
  const fields = Array.isArray(error?.details?.fields) ? error.details.fields : [];
  return new ApiError(res.status, error?.code ?? 'internal', error?.message ?? i18n.t('errors.network'), fields, error?.details);
}

/**
 * The one way the web talks to the API: JSON, the session cookie, the CSRF token on writes,
 * the UI language. Throws ApiError; a 401 signs the app out, which sends it to the login page.
 */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const csrfToken = queryClient.getQueryData<TMe | null>(meQueryKey)?.csrfToken;
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && queryClient.getQueryData(meQueryKey)) queryClient.setQueryData(meQueryKey, null);
    throw error;
  }
  return (await res.json()) as T;
}
