import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { api } from './api.js';
import { ApiError } from './api-error.js';
import { meQueryKey, queryClient } from './query-client.js';

interface Call {
  url: string;
  init: RequestInit;
}

function answer(status: number, body: unknown): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  return calls;
}

const signedIn = { userId: 1, csrfToken: 'csrf-1', schools: [], cities: [] };

describe('api', () => {
  beforeAll(() => {
    queryClient.setQueryData(meQueryKey, signedIn);
  });
  afterEach(() => {
    queryClient.setQueryData(meQueryKey, signedIn);
  });

  it('reads with the UI language and the session cookie, and sends no CSRF token', async () => {
    const calls = answer(200, { pages: [] });
    await api('/api/schools/1/journal/pages', { query: { mine: 'true', classId: undefined } });
    expect(calls[0].url).toBe('/api/schools/1/journal/pages?mine=true');
    expect(calls[0].init.credentials).toBe('same-origin');
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers['Accept-Language']).toBe('uk');
    expect(headers['X-CSRF-Token']).toBeUndefined();
  });

  it('writes JSON with the session’s CSRF token', async () => {
    const calls = answer(200, { ok: true });
    await api('/api/auth/locale', { method: 'PUT', body: { locale: 'en' } });
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers['X-CSRF-Token']).toBe('csrf-1');
    expect(headers['Content-Type']).toBe('application/json');
    expect(calls[0].init.body).toBe('{"locale":"en"}');
  });

  it('turns an error answer into an ApiError with its code, message and field problems', async () => {
    answer(400, { error: { code: 'validation', message: 'Перевірте введені дані.', details: { fields: [{ path: 'login', message: 'Заповніть це поле.' }] } } });
    const error = await api('/api/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation', message: 'Перевірте введені дані.' });
    expect((error as ApiError).fieldMap()).toEqual({ login: 'Заповніть це поле.' });
  });

  it('signs the app out on a 401, which sends it to the login page', async () => {
    answer(401, { error: { code: 'unauthenticated', message: 'Увійдіть до системи.' } });
    await expect(api('/api/schools/1')).rejects.toMatchObject({ status: 401 });
    expect(queryClient.getQueryData(meQueryKey)).toBeNull();
  });

  it('says the server cannot be reached when the network fails', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api('/api/auth/me')).rejects.toMatchObject({ status: 0, code: 'network', message: expect.stringContaining('Немає зв’язку') });
  });
});
