import type { TOffScheduleLesson, TSlotPage, TTimetableEntry } from '../../../shared/api/timetable.js';
import type { Client } from '../../db/tenancy.js';
import type { SlotLesson } from './clash.js';

const FULL_NAME = `trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name)`;

export interface YearRow {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
}

/** The year that includes the date, else the current one (latest open, else latest). */
export async function yearFor(c: Client, schoolId: number, date: string): Promise<YearRow | undefined> {
  const r = await c.query<YearRow>(
    `SELECT id, name, starts_on AS "startsOn", ends_on AS "endsOn", status FROM school_year
     WHERE school_id = $1
     ORDER BY ($2::date BETWEEN starts_on AND ends_on) DESC, (status = 'open') DESC, starts_on DESC LIMIT 1`,
    [schoolId, date],
  );
  return r.rows[0];
}

const ENTRY_COLUMNS = `te.id, te.page_id AS "pageId", te.weekday, te.period, te.room, te.week_parity AS "weekParity",
  te.valid_from AS "validFrom", te.valid_to AS "validTo"`;

/** Entries in force on the date, of the year's pages, narrowed to the pages given. */
export async function entriesOn(c: Client, schoolId: number, yearId: number, date: string, pageIds: number[] | null, room: string | null): Promise<TTimetableEntry[]> {
  const r = await c.query<TTimetableEntry>(
    `SELECT ${ENTRY_COLUMNS}
     FROM timetable_entry te JOIN journal_page jp ON jp.school_id = te.school_id AND jp.id = te.page_id
     WHERE te.school_id = $1 AND jp.year_id = $2 AND te.valid_from <= $3 AND (te.valid_to IS NULL OR te.valid_to >= $3)
       AND ($4::int[] IS NULL OR te.page_id = ANY($4))
       AND ($5::text IS NULL OR lower(replace(te.room, ' ', '')) = lower(replace($5, ' ', '')))
     ORDER BY te.weekday, te.period, te.id`,
    [schoolId, yearId, date, pageIds, room],
  );
  return r.rows;
}

/** Pages of a year as the grid shows them, optionally of one class or teacher. */
export async function slotPages(c: Client, schoolId: number, yearId: number, filter: { classId?: number; teacherId?: number; pageIds?: number[] }): Promise<TSlotPage[]> {
  const r = await c.query<TSlotPage>(
    `SELECT jp.id, jp.class_id AS "classId", k.grade || '-' || k.letter AS "classLabel", k.grade::int AS grade,
            jp.group_id AS "groupId", g.name AS "groupName", s.name AS "subjectName", s.short_name AS "subjectShort",
            jp.teacher_id AS "teacherId", CASE WHEN u.id IS NULL THEN NULL ELSE ${FULL_NAME} END AS "teacherName",
            jp.hours_per_week AS "hoursPerWeek"
     FROM journal_page jp
     JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
     JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
     LEFT JOIN app_user u ON u.id = jp.teacher_id
     WHERE jp.school_id = $1 AND jp.year_id = $2
       AND ($3::int IS NULL OR jp.class_id = $3) AND ($4::int IS NULL OR jp.teacher_id = $4)
       AND ($5::int[] IS NULL OR jp.id = ANY($5))
     ORDER BY k.grade, k.letter, s.name, g.name NULLS FIRST`,
    [schoolId, yearId, filter.classId ?? null, filter.teacherId ?? null, filter.pageIds ?? null],
  );
  return r.rows;
}

export async function yearClasses(c: Client, schoolId: number, yearId: number) {
  const r = await c.query<{ id: number; label: string; grade: number }>(
    `SELECT id, grade || '-' || letter AS label, grade::int AS grade FROM school_class WHERE school_id = $1 AND year_id = $2 ORDER BY grade, letter`,
    [schoolId, yearId],
  );
  return r.rows;
}

/** Active teachers of the school (unsorted: the service sorts them the Ukrainian way). */
export async function schoolTeachers(c: Client, schoolId: number) {
  const r = await c.query<{ id: number; name: string }>(
    `SELECT u.id, ${FULL_NAME} AS name
     FROM staff st JOIN staff_role sr ON sr.school_id = st.school_id AND sr.user_id = st.user_id AND sr.role = 'teacher'
     JOIN app_user u ON u.id = st.user_id
     WHERE st.school_id = $1 AND st.active`,
    [schoolId],
  );
  return r.rows;
}

export async function yearRooms(c: Client, schoolId: number, yearId: number): Promise<string[]> {
  const r = await c.query<{ room: string }>(
    `SELECT DISTINCT te.room FROM timetable_entry te JOIN journal_page jp ON jp.school_id = te.school_id AND jp.id = te.page_id
     WHERE te.school_id = $1 AND jp.year_id = $2 AND te.room <> ''`,
    [schoolId, yearId],
  );
  return r.rows.map((x) => x.room);
}

export interface PageFacts {
  id: number;
  yearId: number;
  yearStartsOn: string;
  yearEndsOn: string;
  yearStatus: 'open' | 'closed';
  classId: number;
  classLabel: string;
  groupId: number | null;
  groupName: string | null;
  subjectName: string;
  teacherId: number | null;
  teacherName: string | null;
}

export async function pageFacts(c: Client, schoolId: number, pageId: number): Promise<PageFacts | undefined> {
  const r = await c.query<PageFacts>(
    `SELECT jp.id, jp.year_id AS "yearId", y.starts_on AS "yearStartsOn", y.ends_on AS "yearEndsOn", y.status AS "yearStatus",
            jp.class_id AS "classId", k.grade || '-' || k.letter AS "classLabel", jp.group_id AS "groupId", g.name AS "groupName",
            s.name AS "subjectName", jp.teacher_id AS "teacherId", CASE WHEN u.id IS NULL THEN NULL ELSE ${FULL_NAME} END AS "teacherName"
     FROM journal_page jp
     JOIN school_year y ON y.school_id = jp.school_id AND y.id = jp.year_id
     JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
     JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
     LEFT JOIN app_user u ON u.id = jp.teacher_id
     WHERE jp.school_id = $1 AND jp.id = $2`,
    [schoolId, pageId],
  );
  return r.rows[0];
}

/**
 * Lessons already in a slot at some time between from and to (to null: open-ended) in a week
 * parity (null: every week), except the given entries.
 */
export async function slotLessons(
  c: Client,
  schoolId: number,
  slot: { weekday: number; period: number; from: string; to: string | null; weekParity: number | null; except: number[] },
): Promise<SlotLesson[]> {
  const r = await c.query<SlotLesson>(
    `SELECT te.id AS "entryId", te.page_id AS "pageId", jp.class_id AS "classId", k.grade || '-' || k.letter AS "classLabel",
            jp.group_id AS "groupId", g.name AS "groupName", s.name AS "subjectName", jp.teacher_id AS "teacherId",
            CASE WHEN u.id IS NULL THEN NULL ELSE ${FULL_NAME} END AS "teacherName", te.room
     FROM timetable_entry te
     JOIN journal_page jp ON jp.school_id = te.school_id AND jp.id = te.page_id
     JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
     JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
     LEFT JOIN app_user u ON u.id = jp.teacher_id
     WHERE te.school_id = $1 AND te.weekday = $2 AND te.period = $3
       AND ($5::date IS NULL OR te.valid_from <= $5) AND (te.valid_to IS NULL OR te.valid_to >= $4)
       AND ($6::int IS NULL OR te.week_parity IS NULL OR te.week_parity = $6)
       AND NOT (te.id = ANY($7::int[]))
     ORDER BY te.id`,
    [schoolId, slot.weekday, slot.period, slot.from, slot.to, slot.weekParity, slot.except],
  );
  return r.rows;
}

/** Pairs of the given groups that share at least one pupil, as "a|b" keys (a < b). */
export async function overlappingGroups(c: Client, schoolId: number, groupIds: number[]): Promise<Set<string>> {
  if (groupIds.length < 2) return new Set();
  const r = await c.query<{ a: number; b: number }>(
    `SELECT DISTINCT a.group_id AS a, b.group_id AS b
     FROM group_member a JOIN group_member b ON b.school_id = a.school_id AND b.pupil_id = a.pupil_id AND b.group_id > a.group_id
     WHERE a.school_id = $1 AND a.group_id = ANY($2::int[]) AND b.group_id = ANY($2::int[])`,
    [schoolId, groupIds],
  );
  return new Set(r.rows.map((x) => `${x.a}|${x.b}`));
}

export async function lockEntry(c: Client, schoolId: number, entryId: number): Promise<TTimetableEntry | undefined> {
  const r = await c.query<TTimetableEntry>(`SELECT ${ENTRY_COLUMNS} FROM timetable_entry te WHERE te.school_id = $1 AND te.id = $2 FOR UPDATE`, [schoolId, entryId]);
  return r.rows[0];
}

export async function insertEntry(c: Client, schoolId: number, e: Omit<TTimetableEntry, 'id'>): Promise<TTimetableEntry> {
  const r = await c.query<TTimetableEntry>(
    `INSERT INTO timetable_entry AS te (school_id, page_id, weekday, period, room, week_parity, valid_from, valid_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${ENTRY_COLUMNS}`,
    [schoolId, e.pageId, e.weekday, e.period, e.room, e.weekParity, e.validFrom, e.validTo],
  );
  return r.rows[0];
}

export async function updateEntry(c: Client, schoolId: number, e: TTimetableEntry): Promise<TTimetableEntry> {
  const r = await c.query<TTimetableEntry>(
    `UPDATE timetable_entry te SET weekday = $3, period = $4, room = $5, week_parity = $6, valid_from = $7, valid_to = $8
     WHERE te.school_id = $1 AND te.id = $2 RETURNING ${ENTRY_COLUMNS}`,
    [schoolId, e.id, e.weekday, e.period, e.room, e.weekParity, e.validFrom, e.validTo],
  );
  return r.rows[0];
}

export async function deleteEntry(c: Client, schoolId: number, entryId: number): Promise<void> {
  await c.query('DELETE FROM timetable_entry WHERE school_id = $1 AND id = $2', [schoolId, entryId]);
}

/** One timetable writer per school at a time, so two admins cannot create a clash together. */
export async function lockSchoolTimetable(c: Client, schoolId: number): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock(4152021, $1)', [schoolId]);
}

/** Lessons with entries the timetable or calendar no longer has, in the open year. */
export async function offScheduleLessons(c: Client, schoolId: number, teacherId: number | null): Promise<TOffScheduleLesson[]> {
  const r = await c.query<TOffScheduleLesson>(
    `SELECT l.id AS "lessonId", l.page_id AS "pageId", l.lesson_date AS date, l.period, l.off_schedule AS reason,
            k.grade || '-' || k.letter AS "classLabel", g.name AS "groupName", s.name AS "subjectName",
            CASE WHEN u.id IS NULL THEN NULL ELSE ${FULL_NAME} END AS "teacherName"
     FROM lesson l
     JOIN journal_page jp ON jp.school_id = l.school_id AND jp.id = l.page_id
     JOIN school_year y ON y.school_id = jp.school_id AND y.id = jp.year_id AND y.status = 'open'
     JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
     JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
     LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id
     LEFT JOIN app_user u ON u.id = jp.teacher_id
     WHERE l.school_id = $1 AND l.off_schedule IS NOT NULL AND ($2::int IS NULL OR jp.teacher_id = $2)
     ORDER BY l.lesson_date, l.period, k.grade, k.letter
     LIMIT 500`,
    [schoolId, teacherId],
  );
  return r.rows;
}

/** A page's entries still in force on or after the day. */
export async function pageEntriesFrom(c: Client, schoolId: number, pageId: number, day: string): Promise<TTimetableEntry[]> {
  const r = await c.query<TTimetableEntry>(
    `SELECT ${ENTRY_COLUMNS} FROM timetable_entry te WHERE te.school_id = $1 AND te.page_id = $2 AND (te.valid_to IS NULL OR te.valid_to >= $3) ORDER BY te.id`,
    [schoolId, pageId, day],
  );
  return r.rows;
}

export async function userName(c: Client, userId: number): Promise<string | null> {
  const r = await c.query<{ name: string }>(`SELECT ${FULL_NAME} AS name FROM app_user u WHERE u.id = $1`, [userId]);
  return r.rows[0]?.name ?? null;
}
