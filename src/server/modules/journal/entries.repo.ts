import type { Client } from '../../db/tenancy.js';

export interface LessonFacts {
  id: number;
  pageId: number;
  date: string;
  cancelled: boolean;
  substituteId: number | null;
}

export async function lessonsByIds(c: Client, schoolId: number, ids: number[]): Promise<LessonFacts[]> {
  if (!ids.length) return [];
  const r = await c.query<LessonFacts>({ name: 'entries-lessons', text: `SELECT id, page_id AS "pageId", lesson_date AS date, cancelled, substitute_id AS "substituteId"
     FROM lesson WHERE school_id = $1 AND id = ANY($2::int[])`, values: [schoolId, ids] });
  return r.rows;
}

export interface ColumnFacts {
  id: number;
  pageId: number;
  kind: 'thematic' | 'semester' | 'corrected' | 'annual' | 'dpa';
}

export async function columnsByIds(c: Client, schoolId: number, ids: number[]): Promise<ColumnFacts[]> {
  if (!ids.length) return [];
  const r = await c.query<ColumnFacts>('SELECT id, page_id AS "pageId", kind FROM summary_column WHERE school_id = $1 AND id = ANY($2::int[])', [schoolId, ids]);
  return r.rows;
}

export interface CellRow {
  lessonId: number;
  pupilId: number;
  mark: string;
  absent: boolean;
  tentative: boolean;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** The current cells, locked until the transaction ends so a concurrent save waits. */
export async function lockCells(c: Client, schoolId: number, keys: { lessonId: number; pupilId: number }[]): Promise<CellRow[]> {
  if (!keys.length) return [];
  const r = await c.query<CellRow>({ name: 'entries-lock-cells', text: `SELECT jc.lesson_id AS "lessonId", jc.pupil_id AS "pupilId", jc.mark, jc.absent, jc.tentative, jc.version, jc.updated_at::text AS "updatedAt",
            trim(u.last_name || ' ' || u.first_name) AS "updatedBy"
     FROM journal_cell jc LEFT JOIN app_user u ON u.id = jc.updated_by
     WHERE jc.school_id = $1 AND (jc.lesson_id, jc.pupil_id) IN (SELECT * FROM unnest($2::int[], $3::int[]))
     FOR UPDATE OF jc`, values: [schoolId, keys.map((k) => k.lessonId), keys.map((k) => k.pupilId)] });
  return r.rows;
}

export interface SummaryRow {
  columnId: number;
  pupilId: number;
  mark: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export async function lockSummary(c: Client, schoolId: number, keys: { columnId: number; pupilId: number }[]): Promise<SummaryRow[]> {
  if (!keys.length) return [];
  const r = await c.query<SummaryRow>(
    `SELECT sm.column_id AS "columnId", sm.pupil_id AS "pupilId", sm.mark, sm.version, sm.updated_at::text AS "updatedAt",
            trim(u.last_name || ' ' || u.first_name) AS "updatedBy"
     FROM summary_mark sm LEFT JOIN app_user u ON u.id = sm.updated_by
     WHERE sm.school_id = $1 AND (sm.column_id, sm.pupil_id) IN (SELECT * FROM unnest($2::int[], $3::int[]))
     FOR UPDATE OF sm`,
    [schoolId, keys.map((k) => k.columnId), keys.map((k) => k.pupilId)],
  );
  return r.rows;
}

export interface CellWrite {
  lessonId: number;
  pupilId: number;
  mark: string;
  absent: boolean;
  tentative: boolean;
}

/** Inserts or updates cells in one statement; returns their new versions. */
export async function upsertCells(c: Client, schoolId: number, userId: number, rows: CellWrite[]) {
  if (!rows.length) return [];
  const r = await c.query<{ lessonId: number; pupilId: number; mark: string; absent: boolean; tentative: boolean; version: number }>({ name: 'entries-upsert-cells', text: `INSERT INTO journal_cell AS jc (school_id, lesson_id, pupil_id, mark, absent, tentative, updated_by)
     SELECT $1, * , $7 FROM unnest($2::int[], $3::int[], $4::text[], $5::bool[], $6::bool[])
     ON CONFLICT (school_id, lesson_id, pupil_id)
     DO UPDATE SET mark = excluded.mark, absent = excluded.absent, tentative = excluded.tentative, version = jc.version + 1, updated_at = now(), updated_by = excluded.updated_by
     RETURNING lesson_id AS "lessonId", pupil_id AS "pupilId", mark, absent, tentative, version`, values: [schoolId, rows.map((x) => x.lessonId), rows.map((x) => x.pupilId), rows.map((x) => x.mark), rows.map((x) => x.absent), rows.map((x) => x.tentative), userId] });
  return r.rows;
}

export async function upsertSummary(c: Client, schoolId: number, userId: number, rows: { columnId: number; pupilId: number; mark: string }[]) {
  if (!rows.length) return [];
  const r = await c.query<{ columnId: number; pupilId: number; mark: string; version: number }>(
    `INSERT INTO summary_mark AS sm (school_id, column_id, pupil_id, mark, updated_by)
     SELECT $1, *, $5 FROM unnest($2::int[], $3::int[], $4::text[])
     ON CONFLICT (school_id, column_id, pupil_id)
     DO UPDATE SET mark = excluded.mark, version = sm.version + 1, updated_at = now(), updated_by = excluded.updated_by
     RETURNING column_id AS "columnId", pupil_id AS "pupilId", mark, version`,
    [schoolId, rows.map((x) => x.columnId), rows.map((x) => x.pupilId), rows.map((x) => x.mark), userId],
  );
  return r.rows;
}

/**
 * Marks lessons as having entries: attendance taken (when asked) and the time of the first entry
 * (only of `entryLessonIds`: a pencil mark is not an entry yet). Every lesson whose cells changed
 * is touched, so the row changes with its cells.
 */
export async function touchLessons(c: Client, schoolId: number, lessonIds: number[], attendanceLessonIds: number[], entryLessonIds: number[] = lessonIds): Promise<void> {
  if (!lessonIds.length) return;
  await c.query({ name: 'entries-touch-lessons', text: `UPDATE lesson SET first_entry_at = CASE WHEN id = ANY($4::int[]) THEN COALESCE(first_entry_at, now()) ELSE first_entry_at END,
                       attendance_taken = attendance_taken OR id = ANY($3::int[])
     WHERE school_id = $1 AND id = ANY($2::int[])`, values: [schoolId, lessonIds, attendanceLessonIds, entryLessonIds] });
}

/** The tentative cells of a page: of one lesson, or of the cells named, or all. */
export async function tentativeCells(c: Client, schoolId: number, pageId: number, lessonId: number | null, keys: { lessonId: number; pupilId: number }[] | null) {
  const r = await c.query<{ lessonId: number; pupilId: number; mark: string; version: number }>(
    `SELECT jc.lesson_id AS "lessonId", jc.pupil_id AS "pupilId", jc.mark, jc.version
     FROM journal_cell jc JOIN lesson l ON l.school_id = jc.school_id AND l.id = jc.lesson_id
     WHERE jc.school_id = $1 AND l.page_id = $2 AND jc.tentative AND ($3::int IS NULL OR jc.lesson_id = $3)
       AND ($4::int[] IS NULL OR (jc.lesson_id, jc.pupil_id) IN (SELECT * FROM unnest($4::int[], $5::int[])))`,
    [schoolId, pageId, lessonId, keys?.map((k) => k.lessonId) ?? null, keys?.map((k) => k.pupilId) ?? null],
  );
  return r.rows;
}

export interface ChangeRow {
  pageId: number;
  lessonId: number | null;
  columnId: number | null;
  pupilId: number | null;
  field: 'mark' | 'attendance' | 'topic' | 'homework' | 'remote' | 'summary' | 'lesson';
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  late: boolean;
  /** a pencil value: only the page's teacher reads this row */
  tentative?: boolean;
}

/** Appends history rows in the same transaction as the change. */
export async function insertChanges(c: Client, schoolId: number, userId: number, rows: ChangeRow[]): Promise<void> {
  if (!rows.length) return;
  await c.query({ name: 'entries-history', text: `INSERT INTO journal_change (school_id, user_id, page_id, lesson_id, column_id, pupil_id, field, old_value, new_value, reason, late, tentative)
     SELECT $1, $2, * FROM unnest($3::int[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bool[], $12::bool[])`, values: [
      schoolId,
      userId,
      rows.map((x) => x.pageId),
      rows.map((x) => x.lessonId),
      rows.map((x) => x.columnId),
      rows.map((x) => x.pupilId),
      rows.map((x) => x.field),
      rows.map((x) => x.oldValue),
      rows.map((x) => x.newValue),
      rows.map((x) => x.reason),
      rows.map((x) => x.late),
      rows.map((x) => x.tentative ?? false),
    ] });
}
