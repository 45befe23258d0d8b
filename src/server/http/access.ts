import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role, TMembership, TPrincipal } from '../../shared/roles.js';
import { AppError } from './errors.js';

/** A route's rule: a pure function of who asks and what they ask for. */
export type Policy = (principal: TPrincipal, req: FastifyRequest) => boolean;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** reachable without a session (login, health, docs) */
    public?: boolean;
    /** who may call the route; a route without one is refused to everybody */
    policy?: Policy;
    /** open to a person who must still replace a one-time password (me, change password) */
    beforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    principal: TPrincipal | null;
    csrfToken: string | null;
    sessionTokenHash: string | null;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type SessionLoader = (tokenHash: string) => Promise<{ principal: TPrincipal; csrfToken: string } | null>;

/** The school id a school-scoped route names in its path, or NaN. */
export function schoolIdOf(req: FastifyRequest): number {
  return Number((req.params as Record<string, string> | undefined)?.schoolId);
}

export function membershipOf(p: TPrincipal, schoolId: number): TMembership | undefined {
  return p.schools.find((m) => m.schoolId === schoolId);
}

/** True when the principal holds one of roles in the school the route names. */
export function hasSchoolRole(p: TPrincipal, req: FastifyRequest, roles: readonly Role[]): boolean {
  const m = membershipOf(p, schoolIdOf(req));
  return !!m && m.roles.some((r) => roles.includes(r));
}

/** Policy builder: any of these roles in the school of the path. */
export function schoolRoles(...roles: Role[]): Policy {
  return (p, req) => hasSchoolRole(p, req, roles);
}

export const anyAuthenticated: Policy = () => true;

/**
 * Deny by default: every /api route needs a session unless marked public, mutating requests
 * must carry the session's CSRF token, a person signed in with a one-time password reaches only
 * the routes marked beforePasswordChange, and a route with no policy is refused.
 */
export function registerAccessControl(app: FastifyInstance, opts: { cookieName: string; hashToken: (t: string) => string; loadSession: SessionLoader }): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionTokenHash', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const config = req.routeOptions.config;
    if (MUTATING.has(req.method)) checkOrigin(req);
    const token = req.cookies[opts.cookieName];
    if (token) {
      const tokenHash = opts.hashToken(token);
      const session = await opts.loadSession(tokenHash);
      if (session) {
        req.principal = session.principal;
        req.csrfToken = session.csrfToken;
        req.sessionTokenHash = tokenHash;
      }
    }
    if (config.public) return;
    if (!req.principal) throw new AppError('unauthenticated');
    if (MUTATING.has(req.method) && req.headers['x-csrf-token'] !== req.csrfToken) throw new AppError('csrf');
    if (req.principal.mustChangePassword && !config.beforePasswordChange) throw new AppError('password_change_required');
    if (!config.policy?.(req.principal, req)) throw new AppError('forbidden');
  });
}

function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('csrf');
  }
  if (host !== req.headers.host) throw new AppError('csrf');
}
