import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { TPrincipal } from '../../../shared/roles.js';
import type { TConfig } from '../../config.js';
import type { Database } from '../../db/database.js';
import { type Client, todayOf, withConnection, withSystem } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { cachedMemberships, keepMemberships, membershipsKey } from './principal.cache.js';
import * as repo from './repo.js';

export const SESSION_COOKIE = 'klasnyi_session';
export const MIN_PASSWORD_LENGTH = 10;

// Compared against when a login is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;

/** argon2id with the library's defaults (OWASP: m=19 MiB, t=2, p=1). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

/** Checks a login and password; opens a session or records the failure and maybe locks. */
export async function login(db: Database, config: TConfig, input: { login: string; password: string }, client: ClientInfo) {
  const login = input.login.trim().toLowerCase();
  const outcome = await withSystem(db, async (c) => {
    const user = await repo.findUserByLogin(c, login);
    const event = { login, userId: user?.id ?? null, ...client };
    if (!user?.password_hash || !user.active) {
      dummyHash ??= hashPassword('klasnyi-dummy-password');
      await verify(await dummyHash, input.password);
      await repo.recordLoginEvent(c, { ...event, success: false, reason: user ? 'inactive' : 'unknown_login' });
      return { error: 'bad_credentials' as const };
    }
    if (user.locked_until && user.locked_until > new Date()) {
      await repo.recordLoginEvent(c, { ...event, success: false, reason: 'locked' });
      return { error: 'account_locked' as const, minutes: Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000) };
    }
    if (!(await verify(user.password_hash, input.password))) {
      const failures = user.failed_logins + 1;
      const lock = failures >= config.LOGIN_MAX_FAILURES;
      const until = lock ? new Date(Date.now() + config.LOGIN_LOCK_MINUTES * 60_000) : null;
      await repo.setLoginFailures(c, user.id, lock ? 0 : failures, until);
      await repo.recordLoginEvent(c, { ...event, success: false, reason: lock ? 'wrong_password_locked' : 'wrong_password' });
      return lock
        ? { error: 'account_locked' as const, minutes: config.LOGIN_LOCK_MINUTES }
        : { error: 'bad_credentials' as const };
    }
    await repo.setLoginFailures(c, user.id, 0, null);
    const session = await openSession(c, config, user.id, client);
    await repo.recordLoginEvent(c, { ...event, success: true, reason: 'ok' });
    return session;
  });
  // the failure is recorded (committed) before the error is answered
  if ('error' in outcome && outcome.error) {
    throw new AppError(outcome.error, 'minutes' in outcome ? { minutes: outcome.minutes ?? 1 } : {});
  }
  return outcome as { token: string; expiresAt: Date };
}

/** Opens a session for a person in the caller's transaction (sign-in, a redeemed invitation). */
export async function openSession(c: Client, config: TConfig, userId: number, client: ClientInfo): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + config.SESSION_TTL_HOURS * 3_600_000);
  await repo.insertSession(c, { tokenHash: hashToken(token), userId, csrfToken, expiresAt, ...client });
  return { token, expiresAt };
}

type Waiter = { resolve: (row: repo.SessionHeadRow | undefined) => void; reject: (err: unknown) => void };
const pendingHeads = new WeakMap<Database, Map<string, Waiter[]>>();

/**
 * The session head of a token hash. The look-ups of the requests that arrive in the same turn of
 * the event loop go out as one statement (one round trip, one write to the socket, one execution)
 * when the turn ends; under load that is several requests a statement, alone it is one. No
 * transaction: this runs before every request.
 */
function sessionHead(db: Database, tokenHash: string): Promise<repo.SessionHeadRow | undefined> {
  return new Promise((resolve, reject) => {
    let pending = pendingHeads.get(db);
    if (!pending) {
      const batch = new Map<string, Waiter[]>();
      pending = batch;
      pendingHeads.set(db, batch);
      setImmediate(() => {
        pendingHeads.delete(db);
        withConnection(db, (c) => repo.loadSessionHeads(c, [...batch.keys()])).then(
          (rows) => {
            const byHash = new Map(rows.map((r) => [r.token_hash, r]));
            for (const [hash, waiters] of batch) for (const w of waiters) w.resolve(byHash.get(hash));
          },
          (err) => {
            for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
          },
        );
      });
    }
    const waiters = pending.get(tokenHash) ?? [];
    waiters.push({ resolve, reject });
    pending.set(tokenHash, waiters);
  });
}

/**
 * The person behind a session token hash, or null when the session is gone or expired. One
 * cheap statement per request (the session, the person's row and the access version); the
 * memberships come from memory while the access version and today are unchanged.
 */
export async function loadSession(db: Database, config: TConfig, tokenHash: string) {
  const row = await sessionHead(db, tokenHash);
  if (!row) return null;
  if (row.refresh) {
    await withSystem(db, (c) => repo.touchSession(c, tokenHash, new Date(Date.now() + config.SESSION_TTL_HOURS * 3_600_000)));
  }
  const key = membershipsKey(row.user_id, todayOf(db), row.access_version);
  let m = cachedMemberships(db, key);
  if (!m) {
    const fresh = await withConnection(db, (c) => repo.loadMemberships(c, row.user_id));
    m = keepMemberships(db, key, { schools: fresh.schools ?? [], cities: fresh.cities ?? [] });
  }
  const principal: TPrincipal = {
    userId: row.user_id,
    login: row.login,
    fullName: row.full_name,
    locale: row.locale,
    schools: m.schools as TPrincipal['schools'],
    cities: m.cities as TPrincipal['cities'],
    mustChangePassword: row.must_change_password,
  };
  return { principal, csrfToken: row.csrf_token };
}

export async function logout(db: Database, tokenHash: string): Promise<void> {
  await withSystem(db, (c) => repo.deleteSession(c, tokenHash));
}

/**
 * Changes the password after checking the current one; ends the person's other sessions.
 * The new one has at least MIN_PASSWORD_LENGTH characters, differs from the current one (a
 * one-time password from the administrator must really be replaced) and is not the login.
 * Choosing it lifts the obligation to change a one-time password.
 */
export async function changePassword(
  db: Database,
  userId: number,
  tokenHash: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) throw new AppError('weak_password');
  if (input.newPassword === input.currentPassword) throw new AppError('password_reused');
  await withSystem(db, async (c) => {
    const current = await repo.passwordHashOf(c, userId);
    if (!current || !(await verify(current, input.currentPassword))) throw new AppError('wrong_password');
    if (input.newPassword.trim().toLowerCase() === (await repo.loginOf(c, userId))) throw new AppError('password_is_login');
    await repo.setPasswordHash(c, userId, await hashPassword(input.newPassword));
    await repo.deleteOtherSessions(c, userId, tokenHash);
  });
}

export async function setLocale(db: Database, userId: number, locale: 'uk' | 'en'): Promise<void> {
  await withSystem(db, (c) => repo.setLocale(c, userId, locale));
}
