import type { TNotificationSettings } from '../../../shared/api/notices.js';
import type { Client } from '../../db/tenancy.js';

export async function findSettings(c: Client, schoolId: number, userId: number): Promise<TNotificationSettings | undefined> {
  const r = await c.query(
    `SELECT email, marks, absences, announcements, to_char(quiet_from, 'HH24:MI') AS "quietFrom", to_char(quiet_to, 'HH24:MI') AS "quietTo",
            to_char(digest_at, 'HH24:MI') AS "digestAt"
     FROM notification_setting WHERE school_id = $1 AND user_id = $2`,
    [schoolId, userId],
  );
  return r.rows[0];
}

/** The address notifications go to when the parent has not given one: their account's, else the school's record. */
export async function defaultEmail(c: Client, schoolId: number, userId: number): Promise<string | null> {
  const r = await c.query(
    `SELECT COALESCE(u.email, (SELECT g.email FROM guardian g WHERE g.school_id = $1 AND g.user_id = u.id AND g.email IS NOT NULL ORDER BY g.id LIMIT 1)) AS email
     FROM app_user u WHERE u.id = $2`,
    [schoolId, userId],
  );
  return r.rows[0]?.email ?? null;
}

export async function saveSettings(c: Client, schoolId: number, userId: number, s: TNotificationSettings): Promise<void> {
  await c.query(
    `INSERT INTO notification_setting (school_id, user_id, email, marks, absences, announcements, quiet_from, quiet_to, digest_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
     ON CONFLICT (school_id, user_id) DO UPDATE SET email = excluded.email, marks = excluded.marks, absences = excluded.absences,
       announcements = excluded.announcements, quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to,
       digest_at = excluded.digest_at, updated_at = now()`,
    [schoolId, userId, s.email || null, s.marks, s.absences, s.announcements, s.quietFrom, s.quietTo, s.digestAt],
  );
}
