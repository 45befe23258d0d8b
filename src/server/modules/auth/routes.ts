import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZChangePasswordBody, ZLocaleBody, ZLoginBody, ZMe, ZOk } from '../../../shared/api/auth.js';
import { ZInvitationInfo, ZInvitationLookupBody, ZRedeemBody, ZRedeemResult } from '../../../shared/api/consent.js';
import { AppError } from '../../http/errors.js';
import { lookupInvitation, redeemInvitation } from '../consent/invitations.service.js';
import { canUseOwnAccount } from './policy.js';
import * as service from './service.js';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const cookieOptions = (expires?: Date) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.config.COOKIE_SECURE === 'auto' ? 'auto' as const : app.config.COOKIE_SECURE === 'true',
    expires,
  });

  app.post('/api/auth/login', {
    config: { public: true, rateLimit: { max: app.config.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Sign in; sets the session cookie', body: ZLoginBody, response: { 200: ZOk } },
  }, async (req, reply) => {
    const { token, expiresAt } = await service.login(app.db, app.config, req.body, {
      ip: req.ip,
      userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300),
    });
    reply.setCookie(service.SESSION_COOKIE, token, cookieOptions(expiresAt));
    return { ok: true as const };
  });

  // Invitation codes are guessed at most 10 times a minute per address (12 symbols, 60 bits).
  const invitationLimit = { max: 10, timeWindow: '1 minute' };

  app.post('/api/auth/invitation', {
    config: { public: true, rateLimit: invitationLimit },
    schema: { tags, summary: 'What an invitation code is for, with the privacy notice to read', body: ZInvitationLookupBody, response: { 200: ZInvitationInfo } },
  }, async (req) => lookupInvitation(app.db, req.body.code));

  app.post('/api/auth/invitation/redeem', {
    config: { public: true, rateLimit: invitationLimit },
    schema: {
      tags,
      summary: 'Redeem an invitation code: create the account (consenting first when needed) and sign in',
      body: ZRedeemBody,
      response: { 200: ZRedeemResult },
    },
  }, async (req, reply) => {
    const r = await redeemInvitation(app.db, app.config, req.body, { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) });
    reply.setCookie(service.SESSION_COOKIE, r.token, cookieOptions(r.expiresAt));
    return { ok: true as const, schoolId: r.schoolId, pupilId: r.pupilId, kind: r.kind };
  });

  app.post('/api/auth/logout', {
    config: { public: true },
    schema: { tags, summary: 'Sign out; ends the session', response: { 200: ZOk } },
  }, async (req, reply) => {
    if (req.sessionTokenHash) {
      if (req.headers['x-csrf-token'] !== req.csrfToken) throw new AppError('csrf');
      await service.logout(app.db, req.sessionTokenHash);
    }
    reply.clearCookie(service.SESSION_COOKIE, cookieOptions());
    return { ok: true as const };
  });

  app.get('/api/auth/me', {
    config: { policy: canUseOwnAccount, beforePasswordChange: true },
    schema: { tags, summary: 'Who is signed in: schools, roles, children, CSRF token', response: { 200: ZMe } },
  }, async (req) => {
    const p = req.principal!;
    return { ...p, mustChangePassword: !!p.mustChangePassword, csrfToken: req.csrfToken! };
  });

  app.post('/api/auth/password', {
    config: { policy: canUseOwnAccount, beforePasswordChange: true },
    schema: { tags, summary: 'Change own password', body: ZChangePasswordBody, response: { 200: ZOk } },
  }, async (req) => {
    await service.changePassword(app.db, req.principal!.userId, req.sessionTokenHash!, req.body);
    return { ok: true as const };
  });

  app.put('/api/auth/locale', {
    config: { policy: canUseOwnAccount, beforePasswordChange: true },
    schema: { tags, summary: 'Set the interface language', body: ZLocaleBody, response: { 200: ZOk } },
  }, async (req) => {
    await service.setLocale(app.db, req.principal!.userId, req.body.locale);
    return { ok: true as const };
  });
};
