import type { Client } from '../../../db/tenancy.js';

const fullName = (t: string) => `trim(${t}.last_name || ' ' || ${t}.first_name || ' ' || ${t}.middle_name)`;

export interface ArchiveYear {
  school: { id: number; name: string; shortName: string; address: string; city: string };
  year: { id: number; name: string; startsOn: string; endsOn: string; status: 'open' | 'closed'; closedAt: string | null };
  semesters: { number: number; startsOn: string; endsOn: string }[];
  calendar: { kind: string; startsOn: string; endsOn: string; name: string }[];
}

export async function archiveYear(c: Client, schoolId: number, yearId: number): Promise<ArchiveYear | undefined> {
  const r = await c.query(
    `SELECT json_build_object('id', s.id, 'name', s.name, 'shortName', s.short_name, 'address', s.address, 'city', ci.name) AS school,
            json_build_object('id', y.id, 'name', y.name, 'startsOn', y.starts_on, 'endsOn', y.ends_on, 'status', y.status,
                              'closedAt', to_char(y.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) AS year,
            (SELECT COALESCE(json_agg(json_build_object('number', m.number, 'startsOn', m.starts_on, 'endsOn', m.ends_on) ORDER BY m.number), '[]')
             FROM semester m WHERE m.school_id = y.school_id AND m.year_id = y.id) AS semesters,
            (SELECT COALESCE(json_agg(json_build_object('kind', p.kind, 'startsOn', p.starts_on, 'endsOn', p.ends_on, 'name', p.name) ORDER BY p.starts_on, p.id), '[]')
             FROM calendar_period p WHERE p.school_id = y.school_id AND p.year_id = y.id) AS calendar
     FROM school s JOIN city ci ON ci.id = s.city_id JOIN school_year y ON y.school_id = s.id AND y.id = $2
     WHERE s.id = $1`,
    [schoolId, yearId],
  );
  return r.rows[0];
}

export interface ArchiveClass {
  id: number;
  grade: number;
  letter: string;
  label: string;
  classTeacher: string | null;
}

export async function yearClasses(c: Client, schoolId: number, yearId: number): Promise<ArchiveClass[]> {
  const r = await c.query(
    `SELECT k.id, k.grade::int AS grade, k.letter, k.grade || '-' || k.letter AS label,
            CASE WHEN u.id IS NULL THEN NULL ELSE ${fullName('u')} END AS "classTeacher"
     FROM school_class k LEFT JOIN app_user u ON u.id = k.class_teacher_id
     WHERE k.school_id = $1 AND k.year_id = $2 ORDER BY k.grade, k.letter`,
    [schoolId, yearId],
  );
  return r.rows;
}

export interface ArchivePageMeta {
  id: number;
  subject: string;
  group: string | null;
  teacher: string | null;
  hoursPerWeek: number;
  scale: { code: string; name: string; values: string[] };
}

export async function classPages(c: Client, schoolId: number, classId: number): Promise<ArchivePageMeta[]> {
  const r = await c.query(
    `SELECT jp.id, s.name AS subject, g.name AS "group", CASE WHEN u.id IS NULL THEN NULL ELSE ${fullName('u')} END AS teacher,
            jp.hours_per_week AS "hoursPerWeek", json_build_object('code', ms.code, 'name', ms.name_uk, 'values', ms.values_list) AS scale
     FROM journal_page jp JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     JOIN mark_scale ms ON ms.code = jp.scale_code
     LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
     LEFT JOIN app_user u ON u.id = jp.teacher_id
     WHERE jp.school_id = $1 AND jp.class_id = $2`,
    [schoolId, classId],
  );
  return r.rows;
}

export interface PageData {
  pupils: { id: number; name: string; fromDate: string; toDate: string | null }[];
  lessons: {
    id: number;
    date: string;
    period: number;
    topic: string;
    homework: string;
    remote: boolean;
    kind: string;
    cancelled: boolean;
    attendanceTaken: boolean;
    substitute: string | null;
  }[];
  columns: { id: number; kind: string; semester: number | null; title: string; afterDate: string | null; position: number }[];
  /** [lessonId, pupilId, mark, absent] */
  cells: [number, number, string, boolean][];
  /** [columnId, pupilId, mark] */
  summary: [number, number, string][];
}

/** Everything of one journal page for the year, as stored (built in SQL: one row comes back). */
export async function pageData(c: Client, schoolId: number, pageId: number, yearStart: string, yearEnd: string): Promise<PageData> {
  const r = await c.query(
    `WITH pg AS (SELECT class_id, group_id FROM journal_page WHERE school_id = $1 AND id = $2),
     l AS (SELECT * FROM lesson WHERE school_id = $1 AND page_id = $2)
     SELECT
       (SELECT COALESCE(json_agg(json_build_object('id', x.id, 'name', x.name, 'fromDate', x.f, 'toDate', x.t)), '[]') FROM (
          SELECT p.id, p.last_name || ' ' || p.first_name AS name, min(e.from_date) AS f,
                 CASE WHEN bool_or(e.to_date IS NULL) THEN NULL ELSE max(e.to_date) END AS t
          FROM pg JOIN enrollment e ON e.school_id = $1 AND e.class_id = pg.class_id AND e.from_date <= $4 AND (e.to_date IS NULL OR e.to_date >= $3)
          JOIN pupil p ON p.school_id = e.school_id AND p.id = e.pupil_id
          WHERE pg.group_id IS NULL OR EXISTS (SELECT 1 FROM group_member gm WHERE gm.school_id = $1 AND gm.group_id = pg.group_id AND gm.pupil_id = p.id)
          GROUP BY p.id, p.last_name, p.first_name) x) AS pupils,
       (SELECT COALESCE(json_agg(json_build_object('id', l.id, 'date', l.lesson_date, 'period', l.period, 'topic', l.topic, 'homework', l.homework,
                 'remote', l.remote, 'kind', l.kind, 'cancelled', l.cancelled, 'attendanceTaken', l.attendance_taken,
                 'substitute', CASE WHEN u.id IS NULL THEN NULL ELSE ${fullName('u')} END) ORDER BY l.lesson_date, l.period, l.id), '[]')
          FROM l LEFT JOIN app_user u ON u.id = l.substitute_id) AS lessons,
       (SELECT COALESCE(json_agg(json_build_object('id', id, 'kind', kind, 'semester', semester, 'title', title, 'afterDate', after_date,
                 'position', position) ORDER BY position, id), '[]')
          FROM summary_column WHERE school_id = $1 AND page_id = $2) AS columns,
       (SELECT COALESCE(json_agg(json_build_array(jc.lesson_id, jc.pupil_id, CASE WHEN jc.tentative THEN '' ELSE jc.mark END, jc.absent) ORDER BY jc.lesson_id, jc.pupil_id), '[]')
          FROM journal_cell jc WHERE jc.school_id = $1 AND jc.lesson_id IN (SELECT id FROM l)) AS cells,
       (SELECT COALESCE(json_agg(json_build_array(sm.column_id, sm.pupil_id, sm.mark) ORDER BY sm.column_id, sm.pupil_id), '[]')
          FROM summary_mark sm JOIN summary_column sc ON sc.school_id = sm.school_id AND sc.id = sm.column_id AND sc.page_id = $2
          WHERE sm.school_id = $1) AS summary`,
    [schoolId, pageId, yearStart, yearEnd],
  );
  return r.rows[0];
}

export interface ClassPupil {
  id: number;
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string | null;
  enrollments: { fromDate: string; toDate: string | null; arrivalOrder: string; departureOrder: string }[];
  guardians: { name: string; relation: string; phone: string }[];
}

/** Every pupil who was in the class during the year, with their stays and guardians. */
export async function classPupils(c: Client, schoolId: number, classId: number): Promise<ClassPupil[]> {
  const r = await c.query(
    `SELECT p.id, p.last_name AS "lastName", p.first_name AS "firstName", p.middle_name AS "middleName", p.birth_date AS "birthDate",
            (SELECT json_agg(json_build_object('fromDate', e.from_date, 'toDate', e.to_date, 'arrivalOrder', e.arrival_order,
                     'departureOrder', e.departure_order) ORDER BY e.from_date, e.id)
             FROM enrollment e WHERE e.school_id = p.school_id AND e.pupil_id = p.id AND e.class_id = $2) AS enrollments,
            (SELECT COALESCE(json_agg(json_build_object('name', ${fullName('g')}, 'relation', pg.relation, 'phone', g.phone) ORDER BY g.id), '[]')
             FROM pupil_guardian pg JOIN guardian g ON g.school_id = pg.school_id AND g.id = pg.guardian_id
             WHERE pg.school_id = p.school_id AND pg.pupil_id = p.id) AS guardians
     FROM pupil p WHERE p.school_id = $1 AND EXISTS (SELECT 1 FROM enrollment e WHERE e.school_id = p.school_id AND e.pupil_id = p.id AND e.class_id = $2)`,
    [schoolId, classId],
  );
  return r.rows;
}

export interface AttendanceRow {
  pupilId: number;
  semester: number;
  lessons: number;
  days: number;
  illness: number;
  family: number;
  other: number;
  unexplained: number;
}

/** Lessons and days missed per pupil and semester, days split by the recorded reason. */
export async function classAttendance(c: Client, schoolId: number, classId: number, yearId: number): Promise<AttendanceRow[]> {
  const r = await c.query(
    `WITH a AS (
       SELECT jc.pupil_id, l.lesson_date AS day, count(*)::int AS lessons
       FROM journal_page jp JOIN lesson l ON l.school_id = jp.school_id AND l.page_id = jp.id
       JOIN journal_cell jc ON jc.school_id = l.school_id AND jc.lesson_id = l.id AND jc.absent
       WHERE jp.school_id = $1 AND jp.class_id = $2 GROUP BY jc.pupil_id, l.lesson_date)
     SELECT a.pupil_id AS "pupilId", m.number AS semester, sum(a.lessons)::int AS lessons, count(*)::int AS days,
            count(*) FILTER (WHERE ar.reason = 'illness')::int AS illness, count(*) FILTER (WHERE ar.reason = 'family')::int AS family,
            count(*) FILTER (WHERE ar.reason = 'other')::int AS other, count(*) FILTER (WHERE ar.reason IS NULL)::int AS unexplained
     FROM a JOIN semester m ON m.school_id = $1 AND m.year_id = $3 AND a.day BETWEEN m.starts_on AND m.ends_on
     LEFT JOIN absence_reason ar ON ar.school_id = $1 AND ar.pupil_id = a.pupil_id AND ar.day = a.day
     GROUP BY a.pupil_id, m.number ORDER BY a.pupil_id, m.number`,
    [schoolId, classId, yearId],
  );
  return r.rows;
}

/** Reasons of absence recorded for the class's pupils during the year: [pupilId, day, reason, note]. */
export async function absenceReasons(c: Client, schoolId: number, classId: number, from: string, to: string) {
  const r = await c.query(
    `SELECT json_build_array(ar.pupil_id, ar.day, ar.reason, ar.note) AS x FROM absence_reason ar
     WHERE ar.school_id = $1 AND ar.day BETWEEN $3 AND $4
       AND EXISTS (SELECT 1 FROM enrollment e WHERE e.school_id = ar.school_id AND e.pupil_id = ar.pupil_id AND e.class_id = $2
                   AND e.from_date <= ar.day AND (e.to_date IS NULL OR e.to_date >= ar.day))
     ORDER BY ar.day, ar.pupil_id`,
    [schoolId, classId, from, to],
  );
  return r.rows.map((x) => x.x as [number, string, string, string]);
}

/** Semester, corrected, annual and DPA marks of the class: [pageId, pupilId, kind, semester, mark]. */
export async function summaryMarks(c: Client, schoolId: number, classId: number) {
  const r = await c.query(
    `SELECT json_build_array(sc.page_id, sm.pupil_id, sc.kind, sc.semester, sm.mark) AS x
     FROM summary_column sc JOIN journal_page jp ON jp.school_id = sc.school_id AND jp.id = sc.page_id AND jp.class_id = $2
     JOIN summary_mark sm ON sm.school_id = sc.school_id AND sm.column_id = sc.id AND sm.mark <> ''
     WHERE sc.school_id = $1 AND sc.kind IN ('semester', 'corrected', 'annual', 'dpa')
     ORDER BY sc.page_id, sm.pupil_id, sc.position, sc.id`,
    [schoolId, classId],
  );
  return r.rows.map((x) => x.x as [number, number, string, number | null, string]);
}

export async function hasRemarks(c: Client): Promise<boolean> {
  return (await c.query(`SELECT to_regclass('control_remark') IS NOT NULL AS ok`)).rows[0].ok;
}

export interface RemarkRow {
  id: number;
  pageId: number;
  checkedOn: string;
  author: string;
  text: string;
  deadline: string;
  status: string;
  events: { at: string; user: string | null; from: string | null; to: string; note: string }[];
}

/** The controller's remarks on the class's pages, with their status history. */
export async function classRemarks(c: Client, schoolId: number, classId: number): Promise<RemarkRow[]> {
  const r = await c.query(
    `SELECT m.id, m.page_id AS "pageId", m.checked_on AS "checkedOn", ${fullName('a')} AS author, m.text, m.deadline, m.status,
            COALESCE((SELECT json_agg(json_build_object('at', to_char(ev.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                        'user', CASE WHEN u.id IS NULL THEN NULL ELSE ${fullName('u')} END, 'from', ev.from_status, 'to', ev.to_status, 'note', ev.note) ORDER BY ev.at, ev.id)
                      FROM control_remark_event ev LEFT JOIN app_user u ON u.id = ev.user_id
                      WHERE ev.school_id = m.school_id AND ev.remark_id = m.id), '[]') AS events
     FROM control_remark m JOIN journal_page jp ON jp.school_id = m.school_id AND jp.id = m.page_id AND jp.class_id = $2
     JOIN app_user a ON a.id = m.author_id
     WHERE m.school_id = $1 ORDER BY m.checked_on, m.id`,
    [schoolId, classId],
  );
  return r.rows;
}

export interface ChangeRow {
  id: number;
  classId: number;
  entry: Record<string, unknown>;
}

/**
 * The year's change history in id order, a batch at a time (keyset), each entry with the names
 * it refers to so that a line reads on its own.
 */
export async function historyBatch(c: Client, schoolId: number, yearId: number, afterId: number, limit: number): Promise<ChangeRow[]> {
  const r = await c.query(
    `SELECT jc.id, jp.class_id AS "classId", json_build_object(
              'id', jc.id, 'at', to_char(jc.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
              'userId', jc.user_id, 'user', CASE WHEN u.id IS NULL THEN NULL ELSE trim(u.last_name || ' ' || u.first_name) END,
              'pageId', jc.page_id, 'subject', s.name, 'lessonId', jc.lesson_id, 'lessonDate', l.lesson_date,
              'columnId', jc.column_id, 'column', sc.title, 'pupilId', jc.pupil_id,
              'pupil', CASE WHEN p.id IS NULL THEN NULL ELSE p.last_name || ' ' || p.first_name END,
              'field', jc.field, 'old', jc.old_value, 'new', jc.new_value, 'reason', jc.reason, 'late', jc.late,
              'reviewedAt', to_char(jc.reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'reviewedBy', jc.reviewed_by) AS entry
     FROM journal_change jc
     JOIN journal_page jp ON jp.school_id = jc.school_id AND jp.id = jc.page_id AND jp.year_id = $2
     JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     LEFT JOIN app_user u ON u.id = jc.user_id
     LEFT JOIN lesson l ON l.school_id = jc.school_id AND l.id = jc.lesson_id
     LEFT JOIN summary_column sc ON sc.school_id = jc.school_id AND sc.id = jc.column_id
     LEFT JOIN pupil p ON p.school_id = jc.school_id AND p.id = jc.pupil_id
     WHERE jc.school_id = $1 AND jc.id > $3 AND NOT jc.tentative ORDER BY jc.id LIMIT $4`,
    [schoolId, yearId, afterId, limit],
  );
  return r.rows;
}

export interface ArchiveAttachment {
  id: number;
  classId: number;
  lessonId: number;
  pageId: number;
  subject: string;
  group: string | null;
  date: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  storage: 'db' | 'dir';
}

/** The files attached to the lessons of the year's pages and not removed, in the order of their lessons (all classes in one statement). */
export async function yearAttachments(c: Client, schoolId: number, yearId: number): Promise<ArchiveAttachment[]> {
  const r = await c.query(
    `SELECT a.id, jp.class_id AS "classId", a.lesson_id AS "lessonId", l.page_id AS "pageId", s.name AS subject, g.name AS "group", l.lesson_date AS date,
            a.file_name AS name, a.media_type AS "mediaType", a.size_bytes AS size, a.sha256, a.storage
     FROM lesson_attachment a
     JOIN lesson l ON l.school_id = a.school_id AND l.id = a.lesson_id
     JOIN journal_page jp ON jp.school_id = l.school_id AND jp.id = l.page_id
     JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
     WHERE a.school_id = $1 AND jp.year_id = $2 AND a.removed_at IS NULL
     ORDER BY l.lesson_date, l.period, a.id`,
    [schoolId, yearId],
  );
  return r.rows;
}

/** The bytes of an attachment kept in the database (storage 'db'). */
export async function attachmentContent(c: Client, schoolId: number, id: number): Promise<Buffer | null> {
  const r = await c.query<{ content: Buffer | null }>('SELECT content FROM lesson_attachment WHERE school_id = $1 AND id = $2', [schoolId, id]);
  return r.rows[0]?.content ?? null;
}
