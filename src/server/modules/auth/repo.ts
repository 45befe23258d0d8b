import type { Client } from '../../db/tenancy.js';
import type { TCityMembership, TMembership } from '../../../shared/roles.js';

export interface UserRow {
  id: number;
  login: string;
  password_hash: string | null;
  active: boolean;
  failed_logins: number;
  locked_until: Date | null;
  must_change_password: boolean;
}

export async function findUserByLogin(c: Client, login: string): Promise<UserRow | undefined> {
  const r = await c.query<UserRow>(
    'SELECT id, login, password_hash, active, failed_logins, locked_until, must_change_password FROM app_user WHERE login = $1 FOR UPDATE',
    [login],
  );
  return r.rows[0];
}

export async function recordLoginEvent(
  c: Client,
  e: { login: string; userId: number | null; success: boolean; reason: string; ip: string; userAgent: string },
): Promise<void> {
  await c.query(
    'INSERT INTO login_event (login, user_id, success, reason, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6)',
    [e.login, e.userId, e.success, e.reason, e.ip, e.userAgent],
  );
}

export async function setLoginFailures(c: Client, userId: number, failures: number, lockedUntil: Date | null): Promise<void> {
  await c.query('UPDATE app_user SET failed_logins = $2, locked_until = $3 WHERE id = $1', [userId, failures, lockedUntil]);
}

export async function insertSession(
  c: Client,
  s: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date; ip: string; userAgent: string },
): Promise<void> {
  await c.query(
    `INSERT INTO user_session (token_hash, user_id, csrf_token, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [s.tokenHash, s.userId, s.csrfToken, s.expiresAt, s.ip, s.userAgent],
  );
}

export async function deleteSession(c: Client, tokenHash: string): Promise<void> {
  await c.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
}

export async function deleteOtherSessions(c: Client, userId: number, keepTokenHash: string): Promise<void> {
  await c.query('DELETE FROM user_session WHERE user_id = $1 AND token_hash <> $2', [userId, keepTokenHash]);
}

export async function passwordHashOf(c: Client, userId: number): Promise<string | null> {
  const r = await c.query('SELECT password_hash FROM app_user WHERE id = $1', [userId]);
  return r.rows[0]?.password_hash ?? null;
}

export async function loginOf(c: Client, userId: number): Promise<string> {
  return (await c.query('SELECT login FROM app_user WHERE id = $1', [userId])).rows[0].login;
}

export async function setPasswordHash(c: Client, userId: number, hash: string): Promise<void> {
  await c.query('UPDATE app_user SET password_hash = $2, password_changed_at = now(), must_change_password = false WHERE id = $1', [userId, hash]);
}

export async function setLocale(c: Client, userId: number, locale: string): Promise<void> {
  await c.query('UPDATE app_user SET locale = $2 WHERE id = $1', [userId, locale]);
}

/**
 * What the access rules need about a person besides the session itself: for each school their
 * roles (active staff, this school year's roles), the classes they lead, their children (with
 * valid consent, so a withdrawal ends the family's access with the next request), their own pupil
 * record; and their city roles. Only active staff and current enrollments count. Cached by the session look-up
 * (auth/principal.cache.ts) under the access version, which every table read here bumps
 * (migration 061).
 */
const MEMBERSHIP_CTES = `     staff_m AS (
       SELECT st.school_id, array_agg(sr.role::text ORDER BY sr.role) AS roles
       FROM staff st JOIN staff_role sr ON sr.school_id = st.school_id AND sr.user_id = st.user_id
       WHERE st.user_id = (SELECT user_id FROM s) AND st.active
       GROUP BY st.school_id
     ),
     led AS (
       SELECT c.school_id, array_agg(c.id ORDER BY c.grade, c.letter) AS class_ids
       FROM school_class c
       JOIN school_year y ON y.school_id = c.school_id AND y.id = c.year_id AND y.status = 'open'
                         AND y.id = school_current_year(c.school_id)
       JOIN staff st ON st.school_id = c.school_id AND st.user_id = c.class_teacher_id AND st.active
       WHERE c.class_teacher_id = (SELECT user_id FROM s)
       GROUP BY c.school_id
     ),
     current_class AS (
       SELECT DISTINCT ON (e.school_id, e.pupil_id) e.school_id, e.pupil_id, c.grade || '-' || c.letter AS label
       FROM enrollment e JOIN school_class c ON c.school_id = e.school_id AND c.id = e.class_id
       WHERE e.from_date <= app_today() AND (e.to_date IS NULL OR e.to_date >= app_today())
         AND e.pupil_id IN (
           SELECT pg2.pupil_id FROM guardian g JOIN pupil_guardian pg2 ON pg2.school_id = g.school_id AND pg2.guardian_id = g.id
           WHERE g.user_id = (SELECT user_id FROM s)
           UNION SELECT p.id FROM pupil p WHERE p.user_id = (SELECT user_id FROM s))
       ORDER BY e.school_id, e.pupil_id, e.from_date DESC
     ),
     kids AS (
       SELECT g.school_id,
              json_agg(json_build_object('pupilId', p.id, 'name', p.last_name || ' ' || p.first_name,
                       'classLabel', cc.label) ORDER BY p.first_name) AS children
       FROM guardian g
       JOIN pupil_guardian pg2 ON pg2.school_id = g.school_id AND pg2.guardian_id = g.id
       JOIN pupil p ON p.school_id = pg2.school_id AND p.id = pg2.pupil_id
       LEFT JOIN current_class cc ON cc.school_id = p.school_id AND cc.pupil_id = p.id
       WHERE g.user_id = (SELECT user_id FROM s) AND pupil_consent_valid(p.school_id, p.id)
       GROUP BY g.school_id
     ),
     me AS (SELECT school_id, min(id) AS pupil_id FROM pupil
            WHERE user_id = (SELECT user_id FROM s) AND pupil_consent_valid(school_id, id) GROUP BY school_id),
     ids AS (SELECT school_id FROM staff_m UNION SELECT school_id FROM led UNION SELECT school_id FROM kids UNION SELECT school_id FROM me)`;

const MEMBERSHIP_COLUMNS = `(SELECT json_agg(json_build_object(
                'schoolId', sc.id, 'schoolName', sc.short_name,
                'roles', COALESCE(staff_m.roles, ARRAY[]::text[])
                         || CASE WHEN led.class_ids IS NOT NULL THEN ARRAY['class_teacher'] ELSE ARRAY[]::text[] END
                         || CASE WHEN kids.children IS NOT NULL THEN ARRAY['parent'] ELSE ARRAY[]::text[] END
                         || CASE WHEN me.pupil_id IS NOT NULL THEN ARRAY['pupil'] ELSE ARRAY[]::text[] END,
                'classIds', COALESCE(led.class_ids, ARRAY[]::integer[]),
                'children', COALESCE(kids.children, '[]'::json),
                'pupilId', me.pupil_id) ORDER BY sc.short_name)
             FROM ids JOIN school sc ON sc.id = ids.school_id
             LEFT JOIN staff_m ON staff_m.school_id = ids.school_id
             LEFT JOIN led ON led.school_id = ids.school_id
             LEFT JOIN kids ON kids.school_id = ids.school_id
             LEFT JOIN me ON me.school_id = ids.school_id) AS schools,
            (SELECT json_agg(json_build_object('cityId', ci.id, 'cityName', ci.name))
             FROM city_role cr JOIN city ci ON ci.id = cr.city_id WHERE cr.user_id = s.user_id) AS cities`;

export interface SessionHeadRow {
  user_id: number;
  login: string;
  full_name: string;
  locale: 'uk' | 'en';
  csrf_token: string;
  refresh: boolean;
  must_change_password: boolean;
  /** the sum of the access versions: changes whenever anything the memberships are built from does */
  access_version: string;
}

/**
 * The sessions and their persons' own rows, with the access version: one cheap statement for the
 * requests that arrive together (service.ts batches them), found by their token hashes.
 */
export async function loadSessionHeads(c: Client, tokenHashes: string[]): Promise<(SessionHeadRow & { token_hash: string })[]> {
  const r = await c.query<SessionHeadRow & { token_hash: string }>({
    name: 'session-heads',
    text: `SELECT s.token_hash, s.user_id, u.login, trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name) AS full_name,
            u.locale, s.csrf_token, s.last_seen_at < now() - interval '5 minutes' AS refresh, u.must_change_password,
            (SELECT COALESCE(sum(version), 0) FROM access_version)::text AS access_version
     FROM user_session s JOIN app_user u ON u.id = s.user_id
     WHERE s.token_hash = ANY($1::text[]) AND s.expires_at > now() AND u.active`,
    values: [tokenHashes],
  });
  return r.rows;
}

export interface MembershipsRow {
  schools: TMembership[] | null;
  cities: TCityMembership[] | null;
}

/** The person's memberships (see MEMBERSHIP_CTES), as of app_today(). */
export async function loadMemberships(c: Client, userId: number): Promise<MembershipsRow> {
  const r = await c.query<MembershipsRow>({
    name: 'session-memberships',
    text: `WITH s AS (SELECT $1::int AS user_id),
${MEMBERSHIP_CTES}
     SELECT ${MEMBERSHIP_COLUMNS}
     FROM s`,
    values: [userId],
  });
  return r.rows[0];
}

export async function touchSession(c: Client, tokenHash: string, expiresAt: Date): Promise<void> {
  await c.query('UPDATE user_session SET last_seen_at = now(), expires_at = $2 WHERE token_hash = $1', [tokenHash, expiresAt]);
}

export async function deleteExpiredSessions(c: Client): Promise<number> {
  const r = await c.query('DELETE FROM user_session WHERE expires_at < now()');
  return r.rowCount ?? 0;
}
