import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { TEST_PASSWORD } from './factories.js';

export async function buildTestApp(db: Database, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({ db, config, logger: false });
  await app.ready();
  return app;
}

type Reply = Promise<LightMyRequestResponse>;

export interface Agent {
  request(opts: InjectOptions): Reply;
  get(url: string, lang?: string): Reply;
  post(url: string, payload?: unknown, lang?: string): Reply;
  put(url: string, payload?: unknown, lang?: string): Reply;
  cookie: string;
  csrf: string;
}

/** Signs in as login and returns a client that sends the session cookie and CSRF token. */
export async function actAs(app: FastifyInstance, login: string, password = TEST_PASSWORD): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'klasnyi_session');
  const cookie = `klasnyi_session=${set?.value}`;
  const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  const csrf = me.json().csrfToken as string;
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
  const lang = (l?: string) => (l ? { 'accept-language': l } : {});
  return {
    cookie,
    csrf,
    request,
    get: (url, l) => request({ method: 'GET', url, headers: lang(l) }),
    post: (url, payload, l) => request({ method: 'POST', url, payload: payload as never, headers: lang(l) }),
    put: (url, payload, l) => request({ method: 'PUT', url, payload: payload as never, headers: lang(l) }),
  };
}

/** A request with no session at all. */
export function anonymous(app: FastifyInstance, method: InjectOptions['method'], url: string, payload?: unknown) {
  return app.inject({ method, url, payload: payload as never });
}
