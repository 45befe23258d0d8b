import type { TConsentRecord, TNotice } from '../../../shared/api/consent.js';
import type { Client } from '../../db/tenancy.js';

/** The scope every consent and notice of the online journal belongs to. */
export const CONSENT_SCOPE = 'online_journal';

function iso(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v);
}

const NOTICE_COLUMNS = `n.id, CASE WHEN n.school_id IS NOT NULL THEN 'school' WHEN n.city_id IS NOT NULL THEN 'city' ELSE 'default' END AS level,
  n.scope, n.version, n.title, n.body, n.purposes, n.published_at AS "publishedAt"`;
const NOTICE_OF_SCHOOL = `FROM privacy_notice n JOIN school s ON s.id = $1
  WHERE n.scope = '${CONSENT_SCOPE}' AND (n.school_id = s.id OR n.city_id = s.city_id OR (n.school_id IS NULL AND n.city_id IS NULL))`;

function toNotice(r: Record<string, unknown>): TNotice {
  return { ...(r as unknown as TNotice), publishedAt: iso(r.publishedAt) };
}

/** The notice a school shows now: its own newest version, else its city's, else the default. */
export async function currentNotice(c: Client, schoolId: number): Promise<TNotice> {
  const r = await c.query(
    `SELECT ${NOTICE_COLUMNS} ${NOTICE_OF_SCHOOL}
     ORDER BY (n.school_id IS NOT NULL) DESC, (n.city_id IS NOT NULL) DESC, n.version DESC LIMIT 1`,
    [schoolId],
  );
  return toNotice(r.rows[0]);
}

/** Every notice version that applies to a school, newest first. */
export async function noticeVersions(c: Client, schoolId: number): Promise<TNotice[]> {
  const r = await c.query(`SELECT ${NOTICE_COLUMNS} ${NOTICE_OF_SCHOOL} ORDER BY n.published_at DESC, n.id DESC`, [schoolId]);
  return r.rows.map(toNotice);
}

export async function findNotice(c: Client, schoolId: number, noticeId: number): Promise<TNotice | undefined> {
  const r = await c.query(`SELECT ${NOTICE_COLUMNS} ${NOTICE_OF_SCHOOL} AND n.id = $2`, [schoolId, noticeId]);
  return r.rows[0] ? toNotice(r.rows[0]) : undefined;
}

export async function insertNotice(
  c: Client,
  n: { schoolId: number; title: string; body: string; purposes: string[]; userId: number },
): Promise<number> {
  const r = await c.query(
    `INSERT INTO privacy_notice (school_id, scope, version, title, body, purposes, published_by)
     SELECT $1, '${CONSENT_SCOPE}', COALESCE(max(version), 0) + 1, $2, $3, $4, $5
     FROM privacy_notice WHERE school_id = $1 AND scope = '${CONSENT_SCOPE}'
     RETURNING id`,
    [n.schoolId, n.title, n.body, n.purposes, n.userId || null],
  );
  return r.rows[0].id;
}

/** A pupil with the classes they are in today (for the class teacher's check). */
export async function pupilHeader(c: Client, schoolId: number, pupilId: number) {
  const r = await c.query(
    `SELECT p.id, p.last_name || ' ' || p.first_name AS name, p.user_id AS "userId",
            (SELECT k.grade || '-' || k.letter FROM enrollment e JOIN school_class k ON k.school_id = e.school_id AND k.id = e.class_id
             WHERE e.school_id = p.school_id AND e.pupil_id = p.id AND e.from_date <= app_today()
             ORDER BY e.from_date DESC LIMIT 1) AS "classLabel",
            COALESCE((SELECT array_agg(e.class_id) FROM enrollment e WHERE e.school_id = p.school_id AND e.pupil_id = p.id
                        AND e.from_date <= app_today() AND (e.to_date IS NULL OR e.to_date >= app_today())), '{}') AS "classIds"
     FROM pupil p WHERE p.school_id = $1 AND p.id = $2`,
    [schoolId, pupilId],
  );
  return r.rows[0] as { id: number; name: string; userId: number | null; classLabel: string | null; classIds: number[] } | undefined;
}

export async function isGuardianOf(c: Client, schoolId: number, pupilId: number, guardianId: number): Promise<boolean> {
  const r = await c.query('SELECT 1 FROM pupil_guardian WHERE school_id = $1 AND pupil_id = $2 AND guardian_id = $3', [schoolId, pupilId, guardianId]);
  return r.rowCount! > 0;
}

export async function consentValid(c: Client, schoolId: number, pupilId: number): Promise<boolean> {
  const r = await c.query('SELECT pupil_consent_valid($1, $2) AS valid', [schoolId, pupilId]);
  return r.rows[0].valid;
}

export async function insertScan(
  c: Client,
  s: { schoolId: number; contentType: string; fileName: string; content: Buffer; sha256: string; userId: number },
): Promise<number> {
  const r = await c.query(
    `INSERT INTO consent_scan (school_id, content_type, file_name, size, sha256, content, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [s.schoolId, s.contentType, s.fileName, s.content.length, s.sha256, s.content, s.userId],
  );
  return r.rows[0].id;
}

export async function findScan(c: Client, schoolId: number, scanId: number) {
  const r = await c.query(
    `SELECT s.content_type AS "contentType", s.file_name AS "fileName", s.content,
            COALESCE(array_agg(cr.pupil_id) FILTER (WHERE cr.pupil_id IS NOT NULL), '{}') AS "pupilIds"
     FROM consent_scan s LEFT JOIN consent_record cr ON cr.school_id = s.school_id AND cr.scan_id = s.id
     WHERE s.school_id = $1 AND s.id = $2 GROUP BY s.school_id, s.id`,
    [schoolId, scanId],
  );
  return r.rows[0] as { contentType: string; fileName: string; content: Buffer; pupilIds: number[] } | undefined;
}

export async function insertRecord(
  c: Client,
  x: {
    schoolId: number;
    pupilId: number;
    guardianId: number;
    notice: TNotice;
    action: 'given' | 'withdrawn';
    channel: 'paper' | 'electronic';
    signedOn: string;
    scanId: number | null;
    note: string;
    userId: number;
  },
): Promise<number> {
  const r = await c.query(
    `INSERT INTO consent_record (school_id, pupil_id, guardian_id, scope, purposes, notice_id, action, channel, signed_on, scan_id, note, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [x.schoolId, x.pupilId, x.guardianId, x.notice.scope, x.notice.purposes, x.notice.id, x.action, x.channel, x.signedOn, x.scanId, x.note, x.userId],
  );
  return r.rows[0].id;
}

const RECORD_SELECT = `
  SELECT cr.id, cr.pupil_id AS "pupilId", cr.guardian_id AS "guardianId",
         trim(g.last_name || ' ' || g.first_name || ' ' || g.middle_name) AS "guardianName",
         cr.scope, cr.purposes, cr.notice_id AS "noticeId", n.version AS "noticeVersion", cr.action, cr.channel,
         cr.signed_on AS "signedOn", cr.scan_id AS "scanId", sc.content_type AS "scanType", cr.note,
         cr.recorded_at AS "recordedAt",
         CASE WHEN u.id IS NULL THEN NULL ELSE trim(u.last_name || ' ' || u.first_name) END AS "recordedBy"
  FROM consent_record cr
  JOIN guardian g ON g.school_id = cr.school_id AND g.id = cr.guardian_id
  JOIN privacy_notice n ON n.id = cr.notice_id
  LEFT JOIN consent_scan sc ON sc.school_id = cr.school_id AND sc.id = cr.scan_id
  LEFT JOIN app_user u ON u.id = cr.recorded_by`;

function toRecord(r: Record<string, unknown>): TConsentRecord {
  return { ...(r as unknown as TConsentRecord), recordedAt: iso(r.recordedAt) };
}

export async function findRecord(c: Client, schoolId: number, id: number): Promise<TConsentRecord> {
  const r = await c.query(`${RECORD_SELECT} WHERE cr.school_id = $1 AND cr.id = $2`, [schoolId, id]);
  return toRecord(r.rows[0]);
}

/** A pupil's whole consent history, oldest first. */
export async function pupilHistory(c: Client, schoolId: number, pupilId: number): Promise<TConsentRecord[]> {
  const r = await c.query(`${RECORD_SELECT} WHERE cr.school_id = $1 AND cr.pupil_id = $2 ORDER BY cr.id`, [schoolId, pupilId]);
  return r.rows.map(toRecord);
}

/** The latest record of each guardian for each of the pupils (current guardians only). */
export async function latestRecords(c: Client, schoolId: number, pupilIds: number[]): Promise<TConsentRecord[]> {
  const r = await c.query(
    `${RECORD_SELECT}
     WHERE cr.school_id = $1 AND cr.id IN (
       SELECT DISTINCT ON (x.pupil_id, x.guardian_id) x.id FROM consent_record x
       JOIN pupil_guardian pg ON pg.school_id = x.school_id AND pg.pupil_id = x.pupil_id AND pg.guardian_id = x.guardian_id
       WHERE x.school_id = $1 AND x.pupil_id = ANY($2::int[]) AND x.scope = '${CONSENT_SCOPE}'
       ORDER BY x.pupil_id, x.guardian_id, x.id DESC)`,
    [schoolId, pupilIds],
  );
  return r.rows.map(toRecord);
}

/** Cancels the pupil's e-mails not yet sent, to everyone or to one parent (runs as owner for the outbox, in this school only). */
export async function cancelNotifications(c: Client, pupilId: number, userId: number | null = null): Promise<number> {
  const r = await c.query('SELECT cancel_pupil_notifications($1, $2) AS n', [pupilId, userId]);
  return r.rows[0].n;
}

export async function guardianUserId(c: Client, schoolId: number, guardianId: number): Promise<number | null> {
  const r = await c.query('SELECT user_id FROM guardian WHERE school_id = $1 AND id = $2', [schoolId, guardianId]);
  return r.rows[0]?.user_id ?? null;
}

export async function findClass(c: Client, schoolId: number, classId: number) {
  const r = await c.query(
    `SELECT k.id, k.grade || '-' || k.letter AS label, k.grade,
            CASE WHEN u.id IS NULL THEN NULL ELSE trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name) END AS "classTeacher"
     FROM school_class k LEFT JOIN app_user u ON u.id = k.class_teacher_id WHERE k.school_id = $1 AND k.id = $2`,
    [schoolId, classId],
  );
  return r.rows[0] as { id: number; label: string; grade: number; classTeacher: string | null } | undefined;
}

export interface FamilyRow {
  pupilId: number;
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string | null;
  userId: number | null;
  valid: boolean;
  guardians: { id: number; name: string; relation: string; userId: number | null; email: string | null }[];
}

/** The pupils in a class today with their guardians and whether they have valid consent. */
export async function classFamilies(c: Client, schoolId: number, classId: number): Promise<FamilyRow[]> {
  const r = await c.query(
    `SELECT p.id AS "pupilId", p.last_name AS "lastName", p.first_name AS "firstName", p.middle_name AS "middleName",
            p.birth_date AS "birthDate", p.user_id AS "userId", pupil_consent_valid(p.school_id, p.id) AS valid,
            COALESCE((SELECT json_agg(json_build_object('id', g.id, 'name', trim(g.last_name || ' ' || g.first_name || ' ' || g.middle_name),
                                                        'relation', pg2.relation, 'userId', g.user_id, 'email', g.email) ORDER BY g.id)
                      FROM pupil_guardian pg2 JOIN guardian g ON g.school_id = pg2.school_id AND g.id = pg2.guardian_id
                      WHERE pg2.school_id = p.school_id AND pg2.pupil_id = p.id), '[]') AS guardians
     FROM enrollment e JOIN pupil p ON p.school_id = e.school_id AND p.id = e.pupil_id
     WHERE e.school_id = $1 AND e.class_id = $2 AND e.from_date <= app_today() AND (e.to_date IS NULL OR e.to_date >= app_today())`,
    [schoolId, classId],
  );
  return r.rows;
}

export async function schoolHeader(c: Client, schoolId: number) {
  const r = await c.query('SELECT name, short_name AS "shortName", address, settings FROM school WHERE id = $1', [schoolId]);
  return r.rows[0] as { name: string; shortName: string; address: string; settings: Record<string, unknown> };
}
