import type pg from 'pg';
import type { Client } from '../../db/tenancy.js';

/** The pages a pupil is on (class pages, and group pages of their groups), with the dates of their stay. */
const PUPIL_PAGES = `
  pupil_pages AS (
    SELECT jp.id, jp.subject_id, e.from_date, COALESCE(e.to_date, 'infinity'::date) AS to_date
    FROM enrollment e
    JOIN journal_page jp ON jp.school_id = e.school_id AND jp.class_id = e.class_id
    WHERE e.school_id = $1 AND e.pupil_id = $2
      AND (jp.group_id IS NULL OR EXISTS (SELECT 1 FROM group_member gm WHERE gm.school_id = $1 AND gm.group_id = jp.group_id AND gm.pupil_id = $2))
  )`;

const PUPIL_HEADER = `p.id, p.last_name || ' ' || p.first_name AS name,
            (SELECT k.grade || '-' || k.letter FROM enrollment e JOIN school_class k ON k.school_id = e.school_id AND k.id = e.class_id
             WHERE e.school_id = p.school_id AND e.pupil_id = p.id AND e.from_date <= app_today()
             ORDER BY e.from_date DESC LIMIT 1) AS "classLabel",
            (SELECT array_agg(e.class_id) FROM enrollment e WHERE e.school_id = p.school_id AND e.pupil_id = p.id) AS "classIds"`;

export type PupilHeader = { id: number; name: string; classLabel: string | null; classIds: number[] | null };

export async function pupilHeader(c: Client, schoolId: number, pupilId: number): Promise<PupilHeader | undefined> {
  const r = await c.query({ name: 'diary-pupil', text: `SELECT ${PUPIL_HEADER} FROM pupil p WHERE p.school_id = $1 AND p.id = $2`, values: [schoolId, pupilId] });
  return r.rows[0];
}

/**
 * The pupil's header and their lessons between two dates (topic, homework, homework files, their
 * own mark or absence; a tentative mark is the teacher's note and shows as no mark) in one
 * statement: the diary week is the parents' most frequent request. The statement is returned,
 * not run, so the transaction sends it with its BEGIN and COMMIT in one round trip (its row:
 * weekRow).
 */
export function weekQuery(schoolId: number, pupilId: number, from: string, to: string): pg.QueryConfig {
  return { name: 'diary-week', text: `WITH ${PUPIL_PAGES}
     SELECT ${PUPIL_HEADER},
       (SELECT COALESCE(json_agg(json_build_object(
              'lessonId', l.id, 'date', l.lesson_date, 'period', l.period, 'subjectName', s.name, 'topic', l.topic,
              'homework', l.homework, 'remote', l.remote, 'cancelled', l.cancelled,
              'mark', CASE WHEN jc.tentative THEN '' ELSE COALESCE(jc.mark, '') END, 'absent', COALESCE(jc.absent, false),
              'attachments', COALESCE((SELECT json_agg(json_build_object('id', a.id, 'name', a.file_name, 'mediaType', a.media_type,
                                         'size', a.size_bytes, 'url', '/api/schools/' || $1 || '/attachments/' || a.id) ORDER BY a.id)
                                       FROM lesson_attachment a WHERE a.school_id = $1 AND a.lesson_id = l.id AND a.removed_at IS NULL), '[]'))
              ORDER BY l.lesson_date, l.period, s.name), '[]')::text
        FROM pupil_pages pp
        -- the week's bounds on their own too: with them the lessons are an index range per page
        -- (the bounds of the stay alone made the generic plan read every lesson of each page)
        JOIN lesson l ON l.school_id = $1 AND l.page_id = pp.id AND l.lesson_date BETWEEN $3::date AND $4::date
                     AND l.lesson_date BETWEEN GREATEST($3::date, pp.from_date) AND LEAST($4::date, pp.to_date)
        JOIN subject s ON s.school_id = $1 AND s.id = pp.subject_id
        LEFT JOIN journal_cell jc ON jc.school_id = $1 AND jc.lesson_id = l.id AND jc.pupil_id = $2) AS lessons
     FROM pupil p WHERE p.school_id = $1 AND p.id = $2`, values: [schoolId, pupilId, from, to] };
}

/** The row of weekQuery: the pupil's header and the lessons as JSON text; undefined when no such pupil. */
export function weekRow(r: pg.QueryResult): (PupilHeader & { lessons: string }) | undefined {
  return r.rows[0];
}

/** Per subject: the pupil's marks and absences of a period and their summary marks of the semester. */
export async function subjectsJson(c: Client, schoolId: number, pupilId: number, semester: number, from: string, to: string): Promise<string> {
  const r = await c.query(
    `WITH ${PUPIL_PAGES},
     pages AS (SELECT DISTINCT pp.id, pp.subject_id FROM pupil_pages pp)
     SELECT COALESCE(json_agg(x ORDER BY x."subjectName"), '[]')::text AS subjects FROM (
       SELECT pg.id AS "pageId", s.name AS "subjectName",
              COALESCE((SELECT json_agg(json_build_object('date', l.lesson_date, 'mark', jc.mark) ORDER BY l.lesson_date, l.period)
                        FROM lesson l JOIN journal_cell jc ON jc.school_id = l.school_id AND jc.lesson_id = l.id AND jc.pupil_id = $2
                        WHERE l.school_id = $1 AND l.page_id = pg.id AND l.lesson_date BETWEEN $4 AND $5 AND jc.mark <> '' AND NOT jc.tentative), '[]') AS marks,
              (SELECT count(*) FROM lesson l JOIN journal_cell jc ON jc.school_id = l.school_id AND jc.lesson_id = l.id AND jc.pupil_id = $2
               WHERE l.school_id = $1 AND l.page_id = pg.id AND l.lesson_date BETWEEN $4 AND $5 AND jc.absent)::int AS absences,
              COALESCE((SELECT json_agg(json_build_object('kind', sc.kind, 'title', sc.title, 'mark', sm.mark) ORDER BY sc.position, sc.id)
                        FROM summary_column sc JOIN summary_mark sm ON sm.school_id = sc.school_id AND sm.column_id = sc.id AND sm.pupil_id = $2
                        WHERE sc.school_id = $1 AND sc.page_id = pg.id AND (sc.semester = $3 OR (sc.semester IS NULL AND $3 = 2)) AND sm.mark <> ''), '[]') AS summary
       FROM pages pg JOIN subject s ON s.school_id = $1 AND s.id = pg.subject_id
     ) x`,
    [schoolId, pupilId, semester, from, to],
  );
  return r.rows[0].subjects;
}

export async function semesters(c: Client, schoolId: number) {
  const r = await c.query(
    `SELECT m.number, m.starts_on AS "startsOn", m.ends_on AS "endsOn" FROM semester m
     JOIN school_year y ON y.school_id = m.school_id AND y.id = m.year_id
     WHERE m.school_id = $1 AND y.id = (SELECT id FROM school_year WHERE school_id = $1 AND starts_on <= app_today() ORDER BY starts_on DESC LIMIT 1)
     ORDER BY m.number`,
    [schoolId],
  );
  return r.rows as { number: number; startsOn: string; endsOn: string }[];
}
