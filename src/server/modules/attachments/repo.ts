import type { Client } from '../../db/tenancy.js';

export interface AttachmentRow {
  id: number;
  lessonId: number;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
  createdBy: string;
}

const COLUMNS = `a.id, a.lesson_id AS "lessonId", a.file_name AS name, a.media_type AS "mediaType", a.size_bytes AS size, a.sha256,
  to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  COALESCE(trim(u.last_name || ' ' || u.first_name), '') AS "createdBy"`;

/** The files of a lesson still attached, oldest first. */
export async function lessonAttachments(c: Client, schoolId: number, lessonId: number): Promise<AttachmentRow[]> {
  const r = await c.query<AttachmentRow>(
    `SELECT ${COLUMNS} FROM lesson_attachment a LEFT JOIN app_user u ON u.id = a.created_by
     WHERE a.school_id = $1 AND a.lesson_id = $2 AND a.removed_at IS NULL ORDER BY a.id`,
    [schoolId, lessonId],
  );
  return r.rows;
}

export async function insertAttachment(
  c: Client,
  schoolId: number,
  userId: number,
  a: { lessonId: number; name: string; mediaType: string; size: number; sha256: string; content: Buffer | null },
): Promise<AttachmentRow> {
  const r = await c.query<AttachmentRow>(
    `WITH a AS (
       INSERT INTO lesson_attachment (school_id, lesson_id, file_name, media_type, size_bytes, sha256, storage, content, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *)
     SELECT ${COLUMNS} FROM a LEFT JOIN app_user u ON u.id = a.created_by`,
    [schoolId, a.lessonId, a.name, a.mediaType, a.size, a.sha256, a.content ? 'db' : 'dir', a.content, userId],
  );
  // an attachment is an entry of the lesson: the timetable never drops a lesson that has one
  await c.query('UPDATE lesson SET first_entry_at = COALESCE(first_entry_at, now()) WHERE school_id = $1 AND id = $2', [schoolId, a.lessonId]);
  return r.rows[0];
}

/** Marks a file removed (the row and the bytes stay); undefined when it was not attached. */
export async function removeAttachment(c: Client, schoolId: number, userId: number, lessonId: number, attachmentId: number): Promise<AttachmentRow | undefined> {
  const r = await c.query<AttachmentRow>(
    `WITH a AS (
       UPDATE lesson_attachment SET removed_at = now(), removed_by = $4
       WHERE school_id = $1 AND lesson_id = $2 AND id = $3 AND removed_at IS NULL RETURNING *)
     SELECT ${COLUMNS} FROM a LEFT JOIN app_user u ON u.id = a.created_by`,
    [schoolId, lessonId, attachmentId, userId],
  );
  return r.rows[0];
}

export interface StoredAttachment {
  id: number;
  lessonId: number;
  pageId: number;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Buffer | null;
}

/** One attached file with its bytes (when kept in the database) and its lesson's page. */
export async function storedAttachment(c: Client, schoolId: number, attachmentId: number): Promise<StoredAttachment | undefined> {
  const r = await c.query<StoredAttachment>(
    `SELECT a.id, a.lesson_id AS "lessonId", l.page_id AS "pageId", a.file_name AS name, a.media_type AS "mediaType",
            a.size_bytes AS size, a.sha256, a.content
     FROM lesson_attachment a JOIN lesson l ON l.school_id = a.school_id AND l.id = a.lesson_id
     WHERE a.school_id = $1 AND a.id = $2 AND a.removed_at IS NULL`,
    [schoolId, attachmentId],
  );
  return r.rows[0];
}

/** Whether one of the pupils was on the lesson's page on its date (its class, and its group for a group page). */
export async function pupilsOnLesson(c: Client, schoolId: number, lessonId: number, pupilIds: number[]): Promise<boolean> {
  if (!pupilIds.length) return false;
  const r = await c.query(
    `SELECT 1 FROM lesson l
     JOIN journal_page jp ON jp.school_id = l.school_id AND jp.id = l.page_id
     JOIN enrollment e ON e.school_id = l.school_id AND e.class_id = jp.class_id AND e.pupil_id = ANY($3::int[])
       AND e.from_date <= l.lesson_date AND (e.to_date IS NULL OR l.lesson_date <= e.to_date)
     WHERE l.school_id = $1 AND l.id = $2
       AND (jp.group_id IS NULL OR EXISTS (SELECT 1 FROM group_member gm WHERE gm.school_id = $1 AND gm.group_id = jp.group_id AND gm.pupil_id = e.pupil_id))
     LIMIT 1`,
    [schoolId, lessonId, pupilIds],
  );
  return r.rowCount! > 0;
}

/** The lesson's page, or undefined when the page has no such lesson. */
export async function lessonOfPage(c: Client, schoolId: number, pageId: number, lessonId: number): Promise<{ id: number; date: string } | undefined> {
  const r = await c.query('SELECT id, lesson_date AS date FROM lesson WHERE school_id = $1 AND page_id = $2 AND id = $3', [schoolId, pageId, lessonId]);
  return r.rows[0];
}

/** A school's own limit (school.settings.attachments.maxMb), if it set one. */
export async function schoolMaxMb(c: Client, schoolId: number): Promise<number | null> {
  const r = await c.query(`SELECT settings->'attachments'->>'maxMb' AS mb FROM school WHERE id = $1`, [schoolId]);
  const mb = Number(r.rows[0]?.mb);
  return Number.isFinite(mb) && mb > 0 ? mb : null;
}
