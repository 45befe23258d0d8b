import type { TStaffMember } from '../../../shared/api/admin.js';
import type { Client } from '../../db/tenancy.js';

const STAFF_SELECT = `
  SELECT u.id AS "userId", u.login, u.last_name AS "lastName", u.first_name AS "firstName", u.middle_name AS "middleName",
         u.email, st.position, st.active,
         COALESCE((SELECT array_agg(sr.role ORDER BY sr.role) FROM staff_role sr
                   WHERE sr.school_id = st.school_id AND sr.user_id = st.user_id), ARRAY[]::text[]) AS roles,
         COALESCE((SELECT json_agg(json_build_object('id', k.id, 'label', k.grade || '-' || k.letter) ORDER BY k.grade, k.letter)
                   FROM school_class k JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id AND y.status = 'open'
                   WHERE k.school_id = st.school_id AND k.class_teacher_id = st.user_id
                     AND k.year_id = school_current_year(k.school_id)), '[]') AS classes,
         u.must_change_password AS "mustChangePassword"
  FROM staff st JOIN app_user u ON u.id = st.user_id`;

export async function listStaff(c: Client, schoolId: number): Promise<TStaffMember[]> {
  return (await c.query(`${STAFF_SELECT} WHERE st.school_id = $1`, [schoolId])).rows;
}

export async function findStaff(c: Client, schoolId: number, userId: number): Promise<TStaffMember | undefined> {
  return (await c.query(`${STAFF_SELECT} WHERE st.school_id = $1 AND st.user_id = $2`, [schoolId, userId])).rows[0];
}

/** Logins already taken among the candidates (accounts are shared by all schools). */
export async function takenLogins(c: Client, logins: string[]): Promise<Set<string>> {
  const r = await c.query('SELECT login FROM app_user WHERE login = ANY($1::text[])', [logins]);
  return new Set(r.rows.map((x) => x.login as string));
}

/** Logins that start with a stem, to pick the next free one (ivanenko.o, ivanenko.o2, ...). */
export async function loginsLike(c: Client, stems: string[]): Promise<string[]> {
  const r = await c.query(
    `SELECT login FROM app_user WHERE login LIKE ANY (SELECT s || '%' FROM unnest($1::text[]) s)`,
    [stems],
  );
  return r.rows.map((x) => x.login as string);
}

export interface NewAccount {
  login: string;
  passwordHash: string;
  lastName: string;
  firstName: string;
  middleName: string;
  email: string | null;
  position: string;
  roles: string[];
}

/** Accounts, staff rows and roles for many people at once; returns the new user ids in order. */
export async function insertStaff(c: Client, schoolId: number, people: NewAccount[]): Promise<number[]> {
  if (!people.length) return [];
  const users = await c.query(
    `INSERT INTO app_user (login, password_hash, last_name, first_name, middle_name, email, must_change_password)
     SELECT *, true FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     RETURNING id, login`,
    [
      people.map((p) => p.login),
      people.map((p) => p.passwordHash),
      people.map((p) => p.lastName),
      people.map((p) => p.firstName),
      people.map((p) => p.middleName),
      people.map((p) => p.email),
    ],
  );
  const idByLogin = new Map(users.rows.map((r) => [r.login as string, r.id as number]));
  const ids = people.map((p) => idByLogin.get(p.login)!);
  await c.query(
    'INSERT INTO staff (school_id, user_id, position) SELECT $1, * FROM unnest($2::int[], $3::text[])',
    [schoolId, ids, people.map((p) => p.position)],
  );
  const roleUsers: number[] = [];
  const roles: string[] = [];
  people.forEach((p, i) => {
    for (const r of p.roles) {
      roleUsers.push(ids[i]);
      roles.push(r);
    }
  });
  await c.query(
    'INSERT INTO staff_year_role (school_id, year_id, user_id, role) SELECT $1, school_current_year($1), * FROM unnest($2::int[], $3::text[])',
    [schoolId, roleUsers, roles],
  );
  return ids;
}

export async function updateAccount(
  c: Client,
  userId: number,
  patch: { lastName?: string; firstName?: string; middleName?: string; email?: string | null },
): Promise<void> {
  await c.query(
    `UPDATE app_user SET last_name = COALESCE($2, last_name), first_name = COALESCE($3, first_name),
            middle_name = COALESCE($4, middle_name), email = CASE WHEN $5::boolean THEN $6 ELSE email END
     WHERE id = $1`,
    [userId, patch.lastName ?? null, patch.firstName ?? null, patch.middleName ?? null, patch.email !== undefined, patch.email ?? null],
  );
}

export async function setPosition(c: Client, schoolId: number, userId: number, position: string): Promise<void> {
  await c.query('UPDATE staff SET position = $3 WHERE school_id = $1 AND user_id = $2', [schoolId, userId, position]);
}

export async function setStaffActive(c: Client, schoolId: number, userId: number, active: boolean): Promise<void> {
  await c.query('UPDATE staff SET active = $3 WHERE school_id = $1 AND user_id = $2', [schoolId, userId, active]);
}

/** Switches an account on or off as a whole (a person with no post anywhere cannot sign in). */
export async function setAccountActive(c: Client, userId: number, active: boolean): Promise<void> {
  await c.query('UPDATE app_user SET active = $2 WHERE id = $1', [userId, active]);
}

export async function hasMembershipAnywhere(c: Client, userId: number): Promise<boolean> {
  return (await c.query('SELECT app_user_has_membership($1) AS m', [userId])).rows[0].m;
}

/** A new one-time password: the person must change it at the next sign-in. */
export async function setOneTimePassword(c: Client, userId: number, passwordHash: string): Promise<void> {
  await c.query(
    `UPDATE app_user SET password_hash = $2, password_changed_at = NULL, must_change_password = true,
            failed_logins = 0, locked_until = NULL WHERE id = $1`,
    [userId, passwordHash],
  );
}

/** The school's years with whether each is the current one (school_current_year). */
export async function schoolYears(c: Client, schoolId: number) {
  const r = await c.query(
    `SELECT y.id AS "yearId", y.name, to_char(y.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(y.ends_on, 'YYYY-MM-DD') AS "endsOn",
            y.status = 'closed' AS closed, y.id = school_current_year(y.school_id) AS current
     FROM school_year y WHERE y.school_id = $1 ORDER BY y.starts_on`,
    [schoolId],
  );
  return r.rows as { yearId: number; name: string; startsOn: string; endsOn: string; closed: boolean; current: boolean }[];
}

/** A person's roles in each year of the school. */
export async function yearRoles(c: Client, schoolId: number, userId: number): Promise<Map<number, string[]>> {
  const r = await c.query(
    `SELECT year_id AS "yearId", array_agg(role ORDER BY role) AS roles FROM staff_year_role
     WHERE school_id = $1 AND user_id = $2 GROUP BY year_id`,
    [schoolId, userId],
  );
  return new Map(r.rows.map((x) => [x.yearId as number, x.roles as string[]]));
}

export async function addRoles(c: Client, schoolId: number, yearId: number, userId: number, roles: string[]): Promise<void> {
  await c.query(
    `INSERT INTO staff_year_role (school_id, year_id, user_id, role) SELECT $1, $2, $3, r FROM unnest($4::text[]) r
     ON CONFLICT DO NOTHING`,
    [schoolId, yearId, userId, roles],
  );
}

export async function removeRoles(c: Client, schoolId: number, yearId: number, userId: number, roles: string[]): Promise<void> {
  await c.query('DELETE FROM staff_year_role WHERE school_id = $1 AND year_id = $2 AND user_id = $3 AND role = ANY($4::text[])', [
    schoolId,
    yearId,
    userId,
    roles,
  ]);
}

export async function logStaffChanges(
  c: Client,
  schoolId: number,
  by: number,
  changes: { userId: number; action: string; details?: Record<string, unknown> }[],
): Promise<void> {
  if (!changes.length) return;
  await c.query(
    `INSERT INTO staff_change (school_id, user_id, changed_by, action, details)
     SELECT $1, u, $2, a, d FROM unnest($3::int[], $4::text[], $5::jsonb[]) AS t(u, a, d)`,
    [schoolId, by || null, changes.map((x) => x.userId), changes.map((x) => x.action), changes.map((x) => JSON.stringify(x.details ?? {}))],
  );
}

export async function staffHistory(c: Client, schoolId: number, userId: number) {
  const r = await c.query(
    `SELECT to_char(ch.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, ch.action,
            CASE WHEN u.id IS NULL THEN NULL ELSE trim(u.last_name || ' ' || u.first_name) END AS by, ch.details
     FROM staff_change ch LEFT JOIN app_user u ON u.id = ch.changed_by
     WHERE ch.school_id = $1 AND ch.user_id = $2 ORDER BY ch.at DESC, ch.id DESC`,
    [schoolId, userId],
  );
  return r.rows;
}

/** Every staff member of the school by normalised name, for the import's matching. */
export async function staffNames(c: Client, schoolId: number) {
  const r = await c.query(
    `SELECT u.id, u.last_name AS "lastName", u.first_name AS "firstName", u.middle_name AS "middleName"
     FROM staff st JOIN app_user u ON u.id = st.user_id WHERE st.school_id = $1`,
    [schoolId],
  );
  return r.rows as { id: number; lastName: string; firstName: string; middleName: string }[];
}
