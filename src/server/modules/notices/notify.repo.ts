import type { Client } from '../../db/tenancy.js';

/**
 * Takes the school's cursor for this run, or undefined when another process holds it. A school's
 * first run starts a day back: older history (an import, a demo year) is never sent as news.
 */
export async function lockCursor(c: Client, schoolId: number, now: Date): Promise<{ lastChangeId: number } | undefined> {
  if (!(await c.query('SELECT 1 FROM notification_cursor WHERE school_id = $1', [schoolId])).rowCount) {
    await c.query(
      `INSERT INTO notification_cursor (school_id, last_change_id)
       SELECT $1, COALESCE(max(id), 0) FROM journal_change WHERE school_id = $1 AND at < $2::timestamptz - interval '1 day'
       ON CONFLICT DO NOTHING`,
      [schoolId, now],
    );
  }
  const r = await c.query('SELECT last_change_id AS "lastChangeId" FROM notification_cursor WHERE school_id = $1 FOR UPDATE SKIP LOCKED', [schoolId]);
  return r.rows[0];
}

export async function moveCursor(c: Client, schoolId: number, lastChangeId: number, now: Date): Promise<void> {
  await c.query('UPDATE notification_cursor SET last_change_id = $2, scanned_at = $3 WHERE school_id = $1', [schoolId, lastChangeId, now]);
}

export interface ChangeRow {
  id: number;
  field: 'mark' | 'attendance' | 'summary';
  newValue: string;
  pupilId: number;
  subject: string;
  date: string | null;
  column: string | null;
}

/**
 * Mark, absence and summary changes after the cursor: the latest change of each cell only, and
 * only where the pupil had valid consent when the change was made (news from a time without
 * consent is never sent, even if consent is given later).
 */
export async function changesAfter(c: Client, schoolId: number, afterId: number): Promise<ChangeRow[]> {
  const r = await c.query(
    `SELECT DISTINCT ON (jc.lesson_id, jc.column_id, jc.pupil_id, jc.field)
            jc.id, jc.field, COALESCE(jc.new_value, '') AS "newValue", jc.pupil_id AS "pupilId", s.name AS subject,
            l.lesson_date AS date, sc.title AS "column"
     FROM journal_change jc
     JOIN journal_page jp ON jp.school_id = jc.school_id AND jp.id = jc.page_id
     JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     LEFT JOIN lesson l ON l.school_id = jc.school_id AND l.id = jc.lesson_id
     LEFT JOIN summary_column sc ON sc.school_id = jc.school_id AND sc.id = jc.column_id
     WHERE jc.school_id = $1 AND jc.id > $2 AND jc.pupil_id IS NOT NULL AND jc.field IN ('mark', 'attendance', 'summary') AND NOT jc.tentative
       AND EXISTS (
         SELECT 1 FROM (
           SELECT DISTINCT ON (cr.guardian_id) cr.action
           FROM consent_record cr
           JOIN pupil_guardian pg ON pg.school_id = cr.school_id AND pg.pupil_id = cr.pupil_id AND pg.guardian_id = cr.guardian_id
           WHERE cr.school_id = jc.school_id AND cr.pupil_id = jc.pupil_id AND cr.scope = 'online_journal' AND cr.recorded_at <= jc.at
           ORDER BY cr.guardian_id, cr.id DESC) then_ WHERE then_.action = 'given')
     ORDER BY jc.lesson_id, jc.column_id, jc.pupil_id, jc.field, jc.id DESC`,
    [schoolId, afterId],
  );
  return r.rows;
}

/**
 * How far the cursor may move: the newest change older than `settled`. Younger changes are read
 * again next time (a transaction still open may yet commit a smaller id), the notifications'
 * unique source keys keep that from sending anything twice.
 */
export async function settledChangeId(c: Client, schoolId: number, afterId: number, settled: Date): Promise<number> {
  const r = await c.query('SELECT max(id) AS id FROM journal_change WHERE school_id = $1 AND id > $2 AND at < $3', [schoolId, afterId, settled]);
  return r.rows[0].id ?? afterId;
}

export interface RecipientRow {
  pupilId: number;
  userId: number;
  pupilName: string;
  locale: 'uk' | 'en';
  email: string | null;
  hasSettings: boolean;
  marks: string | null;
  absences: string | null;
  announcements: string | null;
  quietFrom: string | null;
  quietTo: string | null;
  digestAt: string | null;
}

/**
 * Parents with an active account of these pupils, with their settings: only where the pupil has
 * valid consent, and never a guardian whose own latest answer is a withdrawal.
 */
export async function parentsOf(c: Client, schoolId: number, pupilIds: number[]): Promise<RecipientRow[]> {
  if (!pupilIds.length) return [];
  const r = await c.query(
    `SELECT DISTINCT ON (pg.pupil_id, g.user_id) pg.pupil_id AS "pupilId", g.user_id AS "userId",
            p.last_name || ' ' || p.first_name AS "pupilName", u.locale,
            COALESCE(NULLIF(ns.email, ''), u.email, g.email) AS email, ns.user_id IS NOT NULL AS "hasSettings",
            ns.marks, ns.absences, ns.announcements, to_char(ns.quiet_from, 'HH24:MI') AS "quietFrom",
            to_char(ns.quiet_to, 'HH24:MI') AS "quietTo", to_char(ns.digest_at, 'HH24:MI') AS "digestAt"
     FROM pupil_guardian pg
     JOIN guardian g ON g.school_id = pg.school_id AND g.id = pg.guardian_id AND g.user_id IS NOT NULL
     JOIN app_user u ON u.id = g.user_id AND u.active
     JOIN pupil p ON p.school_id = pg.school_id AND p.id = pg.pupil_id
     LEFT JOIN notification_setting ns ON ns.school_id = pg.school_id AND ns.user_id = g.user_id
     WHERE pg.school_id = $1 AND pg.pupil_id = ANY($2::int[]) AND pupil_consent_valid(pg.school_id, pg.pupil_id)
       AND COALESCE((SELECT cr.action FROM consent_record cr
                     WHERE cr.school_id = pg.school_id AND cr.pupil_id = pg.pupil_id AND cr.guardian_id = g.id AND cr.scope = 'online_journal'
                     ORDER BY cr.id DESC LIMIT 1), '') <> 'withdrawn'
     ORDER BY pg.pupil_id, g.user_id, g.id`,
    [schoolId, pupilIds],
  );
  return r.rows;
}

/** Records a notification once per person and source; the id when it is new. */
export async function insertNotification(
  c: Client,
  n: { schoolId: number; userId: number; pupilId: number; kind: string; sourceKey: string; line: string; mode: 'instant' | 'digest'; now: Date },
): Promise<number | null> {
  const r = await c.query(
    `INSERT INTO notification (school_id, user_id, pupil_id, kind, source_key, line, mode, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7 = 'digest' THEN 'pending' ELSE 'queued' END, $8)
     ON CONFLICT (school_id, user_id, source_key) DO NOTHING RETURNING id`,
    [n.schoolId, n.userId, n.pupilId, n.kind, n.sourceKey, n.line, n.mode, n.now],
  );
  return r.rows[0]?.id ?? null;
}

export async function attachOutbox(c: Client, schoolId: number, ids: number[], outboxId: number | null): Promise<void> {
  await c.query(`UPDATE notification SET status = 'queued', outbox_id = $3 WHERE school_id = $1 AND id = ANY($2::bigint[])`, [schoolId, ids, outboxId]);
}

export async function cancel(c: Client, schoolId: number, ids: number[]): Promise<void> {
  await c.query(`UPDATE notification SET status = 'cancelled' WHERE school_id = $1 AND id = ANY($2::bigint[])`, [schoolId, ids]);
}

export async function unnotifiedAnnouncements(c: Client, schoolId: number) {
  const r = await c.query(
    `SELECT a.id, a.title, a.body, trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name) AS author, s.short_name AS "schoolName"
     FROM announcement a JOIN app_user u ON u.id = a.author_id JOIN school s ON s.id = a.school_id
     WHERE a.school_id = $1 AND a.notified_at IS NULL ORDER BY a.id FOR UPDATE OF a SKIP LOCKED`,
    [schoolId],
  );
  return r.rows as { id: number; title: string; body: string; author: string; schoolName: string }[];
}

export async function markAnnouncementNotified(c: Client, schoolId: number, id: number, now: Date): Promise<void> {
  await c.query('UPDATE announcement SET notified_at = $3 WHERE school_id = $1 AND id = $2', [schoolId, id, now]);
}

/** Notifications waiting for a digest, locked for this run. */
export async function pendingDigestItems(c: Client, schoolId: number) {
  const r = await c.query(
    `SELECT id, user_id AS "userId", pupil_id AS "pupilId", line, created_at AS "createdAt" FROM notification
     WHERE school_id = $1 AND status = 'pending' ORDER BY user_id, pupil_id, id FOR UPDATE SKIP LOCKED`,
    [schoolId],
  );
  return r.rows as { id: number; userId: number; pupilId: number; line: string; createdAt: Date }[];
}

export async function schoolIds(c: Client): Promise<number[]> {
  return (await c.query('SELECT id FROM school ORDER BY id')).rows.map((r) => r.id);
}
