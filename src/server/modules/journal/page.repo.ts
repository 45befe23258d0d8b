import type pg from 'pg';
import type { Client } from '../../db/tenancy.js';

export interface PageMeta {
  id: number;
  yearId: number;
  classId: number;
  groupId: number | null;
  classLabel: string;
  grade: number;
  subjectName: string;
  groupName: string | null;
  teacherId: number | null;
  teacherName: string | null;
  scale: { code: string; name: string; values: string[]; freeText: boolean };
  passFail: boolean;
  yearName: string;
  yearStartsOn: string;
  yearEndsOn: string;
  yearStatus: 'open' | 'closed';
  semesters: { number: number; startsOn: string; endsOn: string }[];
}

/** The columns of pageMeta, shared by the plain and the revision-reading statement. */
const META_COLUMNS = ` jp.id, jp.year_id AS "yearId", jp.class_id AS "classId", jp.group_id AS "groupId",
            k.grade || '-' || k.letter AS "classLabel", k.grade::int AS grade, s.name AS "subjectName", g.name AS "groupName",
            jp.teacher_id AS "teacherId",
            CASE WHEN u.id IS NULL THEN NULL ELSE trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name) END AS "teacherName",
            json_build_object('code', ms.code, 'name', CASE WHEN $3 = 'en' THEN ms.name_en ELSE ms.name_uk END,
                              'values', ms.values_list, 'freeText', ms.free_text) AS scale,
            COALESCE((sc.settings->>'passFail')::boolean, false) AS "passFail",
            y.name AS "yearName", y.starts_on AS "yearStartsOn", y.ends_on AS "yearEndsOn", y.status AS "yearStatus",
            (SELECT COALESCE(json_agg(json_build_object('number', m.number, 'startsOn', m.starts_on, 'endsOn', m.ends_on) ORDER BY m.number), '[]')
             FROM semester m WHERE m.school_id = jp.school_id AND m.year_id = jp.year_id) AS semesters`;

const META_FROM = `     FROM journal_page jp
     JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
     JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     JOIN school_year y ON y.school_id = jp.school_id AND y.id = jp.year_id
     JOIN mark_scale ms ON ms.code = jp.scale_code
     JOIN school sc ON sc.id = jp.school_id
     LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
     LEFT JOIN app_user u ON u.id = jp.teacher_id
     WHERE jp.school_id = $1 AND jp.id = $2`;

/**
 * The page's revision: every row its grid and pupils are built from, by id and xmin (a row's
 * xmin changes whenever the row does; cells and summary marks touch their lesson or column, see
 * migration 056). Equal strings mean the rendered grid is still true; a spurious difference only
 * costs a rebuild.
 */
const REVISION = `(SELECT md5(COALESCE(string_agg(x, ','), '')) FROM (
         SELECT 'l' || l.id || ':' || l.xmin::text AS x FROM lesson l WHERE l.school_id = jp.school_id AND l.page_id = jp.id
         UNION ALL SELECT 'c' || sc.id || ':' || sc.xmin::text FROM summary_column sc WHERE sc.school_id = jp.school_id AND sc.page_id = jp.id
         UNION ALL SELECT 'e' || e.id || ':' || e.xmin::text || ':' || p.xmin::text
           FROM enrollment e JOIN pupil p ON p.school_id = e.school_id AND p.id = e.pupil_id
           WHERE e.school_id = jp.school_id AND e.class_id = jp.class_id
         UNION ALL SELECT 'g' || gm.pupil_id || ':' || gm.xmin::text FROM group_member gm
           WHERE gm.school_id = jp.school_id AND gm.group_id = jp.group_id) parts)`;

/** A page with what every rule about it needs: class, grade, scale, year and its semesters. */
export async function pageMeta(c: Client, schoolId: number, pageId: number, lang: 'uk' | 'en' = 'uk'): Promise<PageMeta | undefined> {
  const r = await c.query<PageMeta>({ name: 'page-meta', text: `SELECT ${META_COLUMNS}\n${META_FROM}`, values: [schoolId, pageId, lang] });
  return r.rows[0];
}

/** pageMeta with the page's revision (for the grid cache) and the lessons the user substituted. */
export type PageMetaRevision = PageMeta & { revision: string; substituteLessonIds: number[] | null };

/**
 * pageMeta, the page's revision and, when the user is not the page's teacher, the lessons of it
 * they substituted: everything a request for a cached grid reads, as a statement to send with
 * its transaction's BEGIN and COMMIT in one round trip (row: pageMetaRevisionRow).
 */
export function pageMetaRevisionQuery(schoolId: number, pageId: number, lang: 'uk' | 'en', userId: number): pg.QueryConfig {
  return {
    name: 'page-meta-revision',
    text: `SELECT ${META_COLUMNS},
            ${REVISION} AS revision,
            CASE WHEN jp.teacher_id IS DISTINCT FROM $4 THEN
              ARRAY(SELECT l.id FROM lesson l WHERE l.school_id = jp.school_id AND l.page_id = jp.id AND l.substitute_id = $4) END AS "substituteLessonIds"
${META_FROM}`,
    values: [schoolId, pageId, lang, userId],
  };
}

/** The row of pageMetaRevisionQuery; undefined when there is no such page. */
export function pageMetaRevisionRow(r: pg.QueryResult): PageMetaRevision | undefined {
  return r.rows[0];
}

/** Lessons of the page the user substituted (they may fill just those). */
export async function substitutedLessonIds(c: Client, schoolId: number, pageId: number, userId: number): Promise<number[]> {
  const r = await c.query('SELECT id FROM lesson WHERE school_id = $1 AND page_id = $2 AND substitute_id = $3', [schoolId, pageId, userId]);
  return r.rows.map((x) => x.id);
}

export interface PagePupil {
  id: number;
  lastName: string;
  firstName: string;
  fromDate: string;
  toDate: string | null;
}

/**
 * The pupils on a page between two dates: enrolled in the class then and, for a group page,
 * members of the group. A pupil who arrived or left has the dates of their stay.
 */
export async function pagePupils(c: Client, schoolId: number, page: { classId: number; groupId: number | null }, from: string, to: string): Promise<PagePupil[]> {
  const r = await c.query<PagePupil>({ name: 'page-pupils', text: pagePupilsSql('$1', '$2', '$3', '$4', '$5'), values: [schoolId, page.classId, from, to, page.groupId] });
  return r.rows;
}

/** The statement of pagePupils over SQL expressions for the school, class, dates and group. */
function pagePupilsSql(school: string, classId: string, from: string, to: string, groupId: string): string {
  return `SELECT p.id, p.last_name AS "lastName", p.first_name AS "firstName",
            min(e.from_date) AS "fromDate", CASE WHEN bool_or(e.to_date IS NULL) THEN NULL ELSE max(e.to_date) END AS "toDate"
     FROM enrollment e JOIN pupil p ON p.school_id = e.school_id AND p.id = e.pupil_id
     WHERE e.school_id = ${school} AND e.class_id = ${classId} AND e.from_date <= ${to} AND (e.to_date IS NULL OR e.to_date >= ${from})
       AND (${groupId}::int IS NULL OR EXISTS (SELECT 1 FROM group_member gm WHERE gm.school_id = ${school} AND gm.group_id = ${groupId} AND gm.pupil_id = p.id))
     GROUP BY p.id, p.last_name, p.first_name`;
}

/**
 * The grid of one semester as JSON text built in SQL (compact arrays for cells), so the
 * server never decodes hundreds of rows per page. Tentative marks are in it (a sixth element
 * `true`) only with `includeTentative` (the page's teacher); for everyone else they do not exist.
 */
export async function pageGridJson(c: Client, schoolId: number, pageId: number, semester: number, from: string, to: string, includeTentative: boolean) {
  const r = await c.query<{ lessons: string; columns: string; cells: string; summary: string }>({ name: 'page-grid', text: `WITH l AS (
       SELECT id, lesson_date, period, topic, homework, remote, kind, cancelled, version, substitute_id, attendance_taken
       FROM lesson WHERE school_id = $1 AND page_id = $2 AND lesson_date BETWEEN $4 AND $5
     ), col AS (
       SELECT id, kind, semester, title, after_date, position FROM summary_column
       WHERE school_id = $1 AND page_id = $2 AND (semester = $3 OR (semester IS NULL AND $3 = 2))
     )
     SELECT
       (SELECT COALESCE(json_agg(json_build_object('id', id, 'date', lesson_date, 'period', period, 'topic', topic,
                 'homework', homework, 'remote', remote, 'kind', kind, 'cancelled', cancelled, 'version', version,
                 'substituteId', substitute_id, 'attendanceTaken', attendance_taken) ORDER BY lesson_date, period, id), '[]')::text FROM l) AS lessons,
       (SELECT COALESCE(json_agg(json_build_object('id', id, 'kind', kind, 'semester', semester, 'title', title,
                 'afterDate', after_date, 'position', position) ORDER BY position, id), '[]')::text FROM col) AS columns,
       (SELECT COALESCE(json_agg(CASE WHEN jc.tentative THEN json_build_array(jc.lesson_id, jc.pupil_id, jc.mark, jc.absent, jc.version, true)
                                      ELSE json_build_array(jc.lesson_id, jc.pupil_id, jc.mark, jc.absent, jc.version) END), '[]')::text
          FROM journal_cell jc WHERE jc.school_id = $1 AND jc.lesson_id IN (SELECT id FROM l) AND ($6 OR NOT jc.tentative)) AS cells,
       (SELECT COALESCE(json_agg(json_build_array(sm.column_id, sm.pupil_id, sm.mark, sm.version)), '[]')::text
          FROM summary_mark sm WHERE sm.school_id = $1 AND sm.column_id IN (SELECT id FROM col)) AS summary`, values: [schoolId, pageId, semester, from, to, includeTentative] });
  return r.rows[0];
}
