import type { Client } from '../../db/tenancy.js';

/** Closes the unused codes of these people, so only the newest letter works. */
export async function revokeOpen(c: Client, schoolId: number, pupilId: number, guardianId: number | null, now: Date): Promise<void> {
  await c.query(
    `UPDATE invitation SET revoked_at = $4
     WHERE school_id = $1 AND used_at IS NULL AND revoked_at IS NULL
       AND (($3::int IS NULL AND guardian_id IS NULL AND pupil_id = $2) OR guardian_id = $3)`,
    [schoolId, pupilId, guardianId, now],
  );
}

export async function insertInvitation(
  c: Client,
  x: { schoolId: number; pupilId: number; guardianId: number | null; codeHash: string; userId: number; now: Date; expiresAt: Date },
): Promise<number> {
  const r = await c.query(
    `INSERT INTO invitation (school_id, code_hash, pupil_id, guardian_id, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [x.schoolId, x.codeHash, x.pupilId, x.guardianId, x.userId, x.now, x.expiresAt],
  );
  return r.rows[0].id;
}

/** The newest code per person of these pupils ("pupilId:" for the pupil, "pupilId:guardianId" for a guardian). */
export async function latestInvitations(c: Client, schoolId: number, pupilIds: number[]) {
  const r = await c.query(
    `SELECT DISTINCT ON (i.pupil_id, i.guardian_id) i.pupil_id AS "pupilId", i.guardian_id AS "guardianId",
            i.expires_at AS "expiresAt", i.used_at AS "usedAt"
     FROM invitation i
     WHERE i.school_id = $1 AND i.revoked_at IS NULL
       AND (i.pupil_id = ANY($2::int[])
            OR i.guardian_id IN (SELECT guardian_id FROM pupil_guardian WHERE school_id = $1 AND pupil_id = ANY($2::int[])))
     ORDER BY i.pupil_id, i.guardian_id, i.id DESC`,
    [schoolId, pupilIds],
  );
  return r.rows as { pupilId: number; guardianId: number | null; expiresAt: Date; usedAt: Date | null }[];
}

export interface InvitationRow {
  schoolId: number;
  id: number;
  pupilId: number;
  guardianId: number | null;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  schoolName: string;
  pupilName: string;
  personName: string;
  personLastName: string;
  personFirstName: string;
  personMiddleName: string;
  personEmail: string | null;
  /** the guardian's or pupil's account, if one is already linked */
  linkedUserId: number | null;
}

/** An invitation by its code's hash, in any school (the code is all the person has). */
export async function findByCodeHash(c: Client, codeHash: string, lock: boolean): Promise<InvitationRow | undefined> {
  const r = await c.query(
    `SELECT i.school_id AS "schoolId", i.id, i.pupil_id AS "pupilId", i.guardian_id AS "guardianId",
            i.expires_at AS "expiresAt", i.used_at AS "usedAt", i.revoked_at AS "revokedAt",
            s.short_name AS "schoolName", p.last_name || ' ' || p.first_name AS "pupilName",
            trim(COALESCE(g.last_name, p.last_name) || ' ' || COALESCE(g.first_name, p.first_name) || ' ' || COALESCE(g.middle_name, p.middle_name)) AS "personName",
            COALESCE(g.last_name, p.last_name) AS "personLastName", COALESCE(g.first_name, p.first_name) AS "personFirstName",
            COALESCE(g.middle_name, p.middle_name) AS "personMiddleName", g.email AS "personEmail",
            CASE WHEN i.guardian_id IS NULL THEN p.user_id ELSE g.user_id END AS "linkedUserId"
     FROM invitation i
     JOIN school s ON s.id = i.school_id
     JOIN pupil p ON p.school_id = i.school_id AND p.id = i.pupil_id
     LEFT JOIN guardian g ON g.school_id = i.school_id AND g.id = i.guardian_id
     WHERE i.code_hash = $1 ${lock ? 'FOR UPDATE OF i' : ''}`,
    [codeHash],
  );
  return r.rows[0];
}

export async function markUsed(c: Client, schoolId: number, id: number, userId: number, now: Date): Promise<void> {
  await c.query('UPDATE invitation SET used_at = $3, used_by = $4 WHERE school_id = $1 AND id = $2', [schoolId, id, now, userId]);
}

export async function loginExists(c: Client, login: string): Promise<boolean> {
  return (await c.query('SELECT 1 FROM app_user WHERE login = $1', [login])).rowCount! > 0;
}

export async function insertUser(
  c: Client,
  u: { login: string; passwordHash: string; lastName: string; firstName: string; middleName: string; email: string | null },
): Promise<number> {
  const r = await c.query(
    `INSERT INTO app_user (login, password_hash, last_name, first_name, middle_name, email, password_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING id`,
    [u.login, u.passwordHash, u.lastName, u.firstName, u.middleName, u.email],
  );
  return r.rows[0].id;
}

/** Links the new account to the guardian or pupil row; false when someone linked one meanwhile. */
export async function linkAccount(c: Client, inv: InvitationRow, userId: number): Promise<boolean> {
  const r = inv.guardianId === null
    ? await c.query('UPDATE pupil SET user_id = $3 WHERE school_id = $1 AND id = $2 AND user_id IS NULL', [inv.schoolId, inv.pupilId, userId])
    : await c.query('UPDATE guardian SET user_id = $3 WHERE school_id = $1 AND id = $2 AND user_id IS NULL', [inv.schoolId, inv.guardianId, userId]);
  return r.rowCount === 1;
}
