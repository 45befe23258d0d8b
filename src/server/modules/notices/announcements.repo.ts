import type { TAnnouncement } from '../../../shared/api/notices.js';
import type { Client } from '../../db/tenancy.js';

/**
 * Who the announcements of a CTE `ann` (school $1) reach: pupils enrolled today in a class of the
 * open year that the audience names, with valid consent (no consent, no online news), and the
 * accounts of those pupils and their guardians.
 */
const AUDIENCE = `
  cur AS MATERIALIZED (
    SELECT DISTINCT ON (e.pupil_id) e.pupil_id, k.id AS class_id, k.grade, k.grade || '-' || k.letter AS class_label
    FROM enrollment e
    JOIN school_class k ON k.school_id = e.school_id AND k.id = e.class_id
    JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id AND y.status = 'open'
    WHERE e.school_id = $1 AND e.from_date <= app_today() AND (e.to_date IS NULL OR e.to_date >= app_today())
      AND EXISTS (SELECT 1 FROM ann an WHERE an.audience = 'school' OR (an.audience = 'grade' AND k.grade = an.grade) OR (an.audience = 'class' AND k.id = an.class_id))
      AND pupil_consent_valid(e.school_id, e.pupil_id)
    ORDER BY e.pupil_id, e.from_date DESC
  ),
  aud AS (
    SELECT an.id AS announcement_id, cur.pupil_id, cur.class_label
    FROM ann an JOIN cur ON an.audience = 'school' OR (an.audience = 'grade' AND cur.grade = an.grade) OR (an.audience = 'class' AND cur.class_id = an.class_id)
  ),
  rec AS (
    SELECT aud.announcement_id, g.user_id, 'parent' AS role, aud.pupil_id, aud.class_label
    FROM aud
    JOIN pupil_guardian pg ON pg.school_id = $1 AND pg.pupil_id = aud.pupil_id
    JOIN guardian g ON g.school_id = pg.school_id AND g.id = pg.guardian_id AND g.user_id IS NOT NULL
    UNION
    SELECT aud.announcement_id, p.user_id, 'pupil', aud.pupil_id, aud.class_label
    FROM aud JOIN pupil p ON p.school_id = $1 AND p.id = aud.pupil_id AND p.user_id IS NOT NULL
  )`;

/** Pupil ids an announcement reaches now. */
export async function audiencePupilIds(c: Client, schoolId: number, announcementId: number): Promise<number[]> {
  const r = await c.query(
    `WITH ann AS (SELECT * FROM announcement WHERE school_id = $1 AND id = $2), ${AUDIENCE}
     SELECT DISTINCT pupil_id FROM aud ORDER BY pupil_id`,
    [schoolId, announcementId],
  );
  return r.rows.map((x) => x.pupil_id);
}

export async function insertAnnouncement(
  c: Client,
  a: { schoolId: number; authorId: number; audience: string; grade: number | null; classId: number | null; title: string; body: string },
): Promise<number> {
  const r = await c.query(
    `INSERT INTO announcement (school_id, author_id, audience, grade, class_id, title, body) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [a.schoolId, a.authorId, a.audience, a.grade, a.classId, a.title, a.body],
  );
  return r.rows[0].id;
}

/** A class of the open year, with its grade. */
export async function openClass(c: Client, schoolId: number, classId: number) {
  const r = await c.query(
    `SELECT k.id, k.grade FROM school_class k JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id AND y.status = 'open'
     WHERE k.school_id = $1 AND k.id = $2`,
    [schoolId, classId],
  );
  return r.rows[0] as { id: number; grade: number } | undefined;
}

const ANNOUNCEMENT_COLUMNS = `a.id, a.audience, a.grade, a.class_id AS "classId",
  CASE WHEN k.id IS NULL THEN NULL ELSE k.grade || '-' || k.letter END AS "classLabel",
  a.title, a.body, a.created_at AS "createdAt", trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name) AS author,
  a.author_id AS "authorId"`;

/** Announcements with their audience size and receipts, newest first (all, or those of some classes or author). */
export async function listAnnouncements(c: Client, schoolId: number, only: { classIds: number[]; authorId: number } | null, id?: number) {
  const r = await c.query(
    `WITH ann AS (
       SELECT * FROM announcement a
       WHERE a.school_id = $1 AND ($2::int IS NULL OR a.id = $2) AND ($3::int[] IS NULL OR a.class_id = ANY($3::int[]) OR a.author_id = $4)
       ORDER BY a.created_at DESC, a.id DESC LIMIT 200
     ), ${AUDIENCE},
     counts AS (
       SELECT rec.announcement_id, count(DISTINCT rec.user_id)::int AS recipients, count(DISTINCT ar.user_id)::int AS read
       FROM rec LEFT JOIN announcement_receipt ar ON ar.school_id = $1 AND ar.announcement_id = rec.announcement_id AND ar.user_id = rec.user_id
       GROUP BY rec.announcement_id
     )
     SELECT ${ANNOUNCEMENT_COLUMNS}, COALESCE(n.recipients, 0) AS recipients, COALESCE(n.read, 0) AS read
     FROM ann a
     JOIN app_user u ON u.id = a.author_id
     LEFT JOIN school_class k ON k.school_id = a.school_id AND k.id = a.class_id
     LEFT JOIN counts n ON n.announcement_id = a.id
     ORDER BY a.created_at DESC, a.id DESC`,
    [schoolId, id ?? null, only?.classIds ?? null, only?.authorId ?? null],
  );
  return r.rows.map((x) => ({ ...x, createdAt: (x.createdAt as Date).toISOString() })) as (Omit<TAnnouncement, 'share'> & { authorId: number })[];
}

/** Who an announcement reaches and when each read it. */
export async function receipts(c: Client, schoolId: number, announcementId: number) {
  const r = await c.query(
    `WITH ann AS (SELECT * FROM announcement WHERE school_id = $1 AND id = $2), ${AUDIENCE}
     SELECT r.user_id AS "userId", trim(u.last_name || ' ' || u.first_name) AS name, r.role,
            p.last_name || ' ' || p.first_name AS "pupilName", r.class_label AS "classLabel", ar.read_at AS "readAt"
     FROM rec r
     JOIN app_user u ON u.id = r.user_id
     JOIN pupil p ON p.school_id = $1 AND p.id = r.pupil_id
     LEFT JOIN announcement_receipt ar ON ar.school_id = $1 AND ar.announcement_id = $2 AND ar.user_id = r.user_id`,
    [schoolId, announcementId],
  );
  return r.rows.map((x) => ({ ...x, readAt: x.readAt ? (x.readAt as Date).toISOString() : null })) as {
    userId: number;
    name: string;
    role: 'parent' | 'pupil';
    pupilName: string;
    classLabel: string;
    readAt: string | null;
  }[];
}

/** Announcements that reach any of these pupils (by their classes today), with the reader's receipt. */
export async function inbox(c: Client, schoolId: number, userId: number, pupilIds: number[], id?: number) {
  const r = await c.query(
    `WITH mine AS (
       SELECT DISTINCT k.id AS class_id, k.grade FROM enrollment e
       JOIN school_class k ON k.school_id = e.school_id AND k.id = e.class_id
       JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id AND y.status = 'open'
       WHERE e.school_id = $1 AND e.pupil_id = ANY($2::int[]) AND e.from_date <= app_today() AND (e.to_date IS NULL OR e.to_date >= app_today())
     )
     SELECT a.id, a.audience, a.title, a.body, a.created_at AS "createdAt",
            trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name) AS author,
            CASE a.audience WHEN 'class' THEN k.grade || '-' || k.letter WHEN 'grade' THEN a.grade::text ELSE '' END AS "audienceLabel",
            ar.read_at AS "readAt"
     FROM announcement a
     JOIN app_user u ON u.id = a.author_id
     LEFT JOIN school_class k ON k.school_id = a.school_id AND k.id = a.class_id
     LEFT JOIN announcement_receipt ar ON ar.school_id = a.school_id AND ar.announcement_id = a.id AND ar.user_id = $3
     WHERE a.school_id = $1 AND ($4::int IS NULL OR a.id = $4)
       AND (a.audience = 'school'
            OR (a.audience = 'grade' AND a.grade IN (SELECT grade FROM mine))
            OR (a.audience = 'class' AND a.class_id IN (SELECT class_id FROM mine)))
     ORDER BY a.created_at DESC, a.id DESC LIMIT 100`,
    [schoolId, pupilIds, userId, id ?? null],
  );
  return r.rows.map((x) => ({ ...x, createdAt: (x.createdAt as Date).toISOString(), readAt: x.readAt ? (x.readAt as Date).toISOString() : null }));
}

export async function insertReceipt(c: Client, schoolId: number, announcementId: number, userId: number): Promise<void> {
  await c.query(
    'INSERT INTO announcement_receipt (school_id, announcement_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [schoolId, announcementId, userId],
  );
}
