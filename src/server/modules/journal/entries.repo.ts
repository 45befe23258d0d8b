import type pg from 'pg';
import { type Client, type LastStatement, lastStatement } from '../../db/tenancy.js';
import type { PageMeta, PagePupil } from './page.repo.js';

export interface LessonFacts {
  id: number;
  pageId: number;
  date: string;
  cancelled: boolean;
  substituteId: number | null;
}

export interface ColumnFacts {
  id: number;
  pageId: number;
  kind: 'thematic' | 'semester' | 'corrected' | 'annual' | 'dpa';
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

export interface SummaryRow {
  columnId: number;
  pupilId: number;
  mark: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface CellWrite {
  lessonId: number;
  pupilId: number;
  mark: string;
  absent: boolean;
  tentative: boolean;
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

/** The facts of a page a bulk save checks against. */
export type SaveMeta = Pick<PageMeta, 'id' | 'yearId' | 'classId' | 'groupId' | 'grade' | 'teacherId' | 'scale' | 'passFail' | 'yearStartsOn' | 'yearEndsOn' | 'yearStatus'>;

/** What a bulk save checks against, read and locked in one statement (see saveState). */
export interface SaveState {
  meta: SaveMeta;
  lessons: LessonFacts[];
  columns: ColumnFacts[];
  /** the stays on the page of the pupils named, over its school year */
  pupils: Pick<PagePupil, 'id' | 'fromDate' | 'toDate'>[];
  /** lessons of the page the user substituted; null when the user is the page's teacher */
  substituteLessonIds: number[] | null;
  /** the current cells and summary marks named by the save, locked until the transaction ends */
  cells: CellRow[];
  summary: SummaryRow[];
}

/**
 * The stays on the page over its school year of the pupils the save names (of its cells $8 and
 * summary marks $10): all the checks need of them (pagePupilsSql without names, for those pupils).
 */
const pupilStaysSql = `SELECT e.pupil_id AS id, min(e.from_date) AS "fromDate", CASE WHEN bool_or(e.to_date IS NULL) THEN NULL ELSE max(e.to_date) END AS "toDate"
     FROM enrollment e
     WHERE e.school_id = m.sid AND e.class_id = m."classId" AND e.from_date <= m."yearEndsOn" AND (e.to_date IS NULL OR e.to_date >= m."yearStartsOn")
       AND (e.pupil_id = ANY($8::int[]) OR e.pupil_id = ANY($10::int[]))
       AND (m."groupId"::int IS NULL OR EXISTS (SELECT 1 FROM group_member gm WHERE gm.school_id = m.sid AND gm.group_id = m."groupId" AND gm.pupil_id = e.pupil_id))
     GROUP BY e.pupil_id`;

/**
 * Everything a bulk save needs before it writes, in one round trip: the page's facts, the
 * lessons and summary columns named, the page's pupils, the lessons the user substituted (only
 * when not the page's teacher), and the current cells and summary marks, locked FOR UPDATE so a
 * concurrent save of them waits (and then reads what it committed). Locking before the checks
 * only makes a refused save hold the rows until its rollback. Undefined: no such page.
 */
export async function saveState(
  c: Client,
  schoolId: number,
  pageId: number,
  lang: 'uk' | 'en',
  userId: number,
  cells: { lessonId: number; pupilId: number }[],
  summary: { columnId: number; pupilId: number }[],
): Promise<SaveState | undefined> {
  const r = await c.query({
    name: 'entries-state',
    // the page's facts the checks use (pageMeta without names, semesters and revision)
    text: `WITH m AS MATERIALIZED (
       SELECT jp.school_id AS sid, jp.id, jp.year_id AS "yearId", jp.class_id AS "classId", jp.group_id AS "groupId", k.grade::int AS grade, jp.teacher_id AS "teacherId",
              json_build_object('code', ms.code, 'name', CASE WHEN $3 = 'en' THEN ms.name_en ELSE ms.name_uk END, 'values', ms.values_list, 'freeText', ms.free_text) AS scale,
              COALESCE((sc.settings->>'passFail')::boolean, false) AS "passFail",
              y.starts_on AS "yearStartsOn", y.ends_on AS "yearEndsOn", y.status AS "yearStatus"
       FROM journal_page jp
       JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
       JOIN school_year y ON y.school_id = jp.school_id AND y.id = jp.year_id
       JOIN mark_scale ms ON ms.code = jp.scale_code
       JOIN school sc ON sc.id = jp.school_id
       WHERE jp.school_id = $1 AND jp.id = $2
     ),
     cur_cells AS (
       SELECT jc.lesson_id AS "lessonId", jc.pupil_id AS "pupilId", jc.mark, jc.absent, jc.tentative, jc.version, jc.updated_at::text AS "updatedAt",
              trim(u.last_name || ' ' || u.first_name) AS "updatedBy"
       FROM journal_cell jc LEFT JOIN app_user u ON u.id = jc.updated_by
       WHERE jc.school_id = $1 AND (jc.lesson_id, jc.pupil_id) IN (SELECT * FROM unnest($7::int[], $8::int[]))
       FOR UPDATE OF jc
     ), cur_summary AS (
       SELECT sm.column_id AS "columnId", sm.pupil_id AS "pupilId", sm.mark, sm.version, sm.updated_at::text AS "updatedAt",
              trim(u.last_name || ' ' || u.first_name) AS "updatedBy"
       FROM summary_mark sm LEFT JOIN app_user u ON u.id = sm.updated_by
       WHERE sm.school_id = $1 AND (sm.column_id, sm.pupil_id) IN (SELECT * FROM unnest($9::int[], $10::int[]))
       FOR UPDATE OF sm
     )
     SELECT m.*,
       (SELECT COALESCE(json_agg(json_build_object('id', l.id, 'pageId', l.page_id, 'date', l.lesson_date, 'cancelled', l.cancelled, 'substituteId', l.substitute_id)), '[]')
          FROM lesson l WHERE l.school_id = $1 AND l.id = ANY($5::int[])) AS "stateLessons",
       (SELECT COALESCE(json_agg(json_build_object('id', sc.id, 'pageId', sc.page_id, 'kind', sc.kind)), '[]')
          FROM summary_column sc WHERE sc.school_id = $1 AND sc.id = ANY($6::int[])) AS "stateColumns",
       (SELECT COALESCE(json_agg(pp), '[]') FROM (${pupilStaysSql}) pp) AS "statePupils",
       CASE WHEN m."teacherId" IS DISTINCT FROM $4 THEN
         ARRAY(SELECT l.id FROM lesson l WHERE l.school_id = $1 AND l.page_id = $2 AND l.substitute_id = $4) END AS "stateSubstitutes",
       (SELECT COALESCE(json_agg(x), '[]') FROM cur_cells x) AS "stateCells",
       (SELECT COALESCE(json_agg(x), '[]') FROM cur_summary x) AS "stateSummary"
     FROM m`,
    values: [
      schoolId,
      pageId,
      lang,
      userId,
      [...new Set(cells.map((x) => x.lessonId))],
      [...new Set(summary.map((x) => x.columnId))],
      cells.map((x) => x.lessonId),
      cells.map((x) => x.pupilId),
      summary.map((x) => x.columnId),
      summary.map((x) => x.pupilId),
    ],
  });
  const row = r.rows[0];
  if (!row) return undefined;
  const { sid: _sid, stateLessons, stateColumns, statePupils, stateSubstitutes, stateCells, stateSummary, ...meta } = row;
  return {
    meta: meta as SaveMeta,
    lessons: stateLessons,
    columns: stateColumns,
    pupils: statePupils,
    substituteLessonIds: stateSubstitutes,
    cells: stateCells,
    summary: stateSummary,
  };
}

export interface WrittenEntries {
  cells: { lessonId: number; pupilId: number; mark: string; absent: boolean; tentative: boolean; version: number }[];
  summary: { columnId: number; pupilId: number; mark: string; version: number }[];
}

/**
 * The writes of a bulk save as one statement, sent with the transaction's COMMIT, each a
 * data-modifying WITH part: the cells updated (those read and locked by saveState) and inserted
 * (the others), a new version each; their lessons marked as having entries, attendance taken
 * (when asked) and the time of the first entry (only of `entry`: a pencil mark is not an entry
 * yet), so every lesson row changes with its cells; the summary marks, updated and inserted the
 * same way; the history rows. A part with nothing to write is left out, since its table's
 * statement triggers would fire for no rows (an upsert fires both the INSERT and the UPDATE ones).
 * A row inserted by another save since saveState read makes the insert fail with a unique
 * violation (isLostInsert): the caller reads again and answers with a conflict, nothing is
 * overwritten. Returns the new versions.
 */
export function writeEntries(
  schoolId: number,
  userId: number,
  w: {
    cells: (CellWrite & { exists: boolean })[];
    lessons: { all: number[]; attendance: number[]; entry: number[] };
    summary: { columnId: number; pupilId: number; mark: string; exists: boolean }[];
    history: ChangeRow[];
  },
): LastStatement<WrittenEntries> {
  const values: unknown[] = [schoolId, userId];
  const $ = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  // the WITH parts present, by name (a part with nothing to write is left out)
  const parts = new Map<string, string>();
  const part = (name: string, sql: string) => parts.set(name, `${name} AS (\n       ${sql}\n     )`);
  const cellsOf = (cells: CellWrite[]) =>
    `unnest(${$(cells.map((x) => x.lessonId))}::int[], ${$(cells.map((x) => x.pupilId))}::int[], ${$(cells.map((x) => x.mark))}::text[],
                  ${$(cells.map((x) => x.absent))}::bool[], ${$(cells.map((x) => x.tentative))}::bool[])`;
  const cellsUpdated = w.cells.filter((x) => x.exists);
  const cellsInserted = w.cells.filter((x) => !x.exists);
  if (cellsUpdated.length) {
    part('cells_u', `UPDATE journal_cell jc SET mark = v.mark, absent = v.absent, tentative = v.tentative, version = jc.version + 1, updated_at = now(), updated_by = $2
       FROM ${cellsOf(cellsUpdated)} AS v(lesson_id, pupil_id, mark, absent, tentative)
       WHERE jc.school_id = $1 AND jc.lesson_id = v.lesson_id AND jc.pupil_id = v.pupil_id
       RETURNING jc.lesson_id AS "lessonId", jc.pupil_id AS "pupilId", jc.mark, jc.absent, jc.tentative, jc.version`);
  }
  if (cellsInserted.length) {
    part('cells_i', `INSERT INTO journal_cell (school_id, lesson_id, pupil_id, mark, absent, tentative, updated_by)
       SELECT $1, *, $2 FROM ${cellsOf(cellsInserted)}
       RETURNING lesson_id AS "lessonId", pupil_id AS "pupilId", mark, absent, tentative, version`);
  }
  if (w.cells.length) {
    part('lessons', `UPDATE lesson SET first_entry_at = CASE WHEN id = ANY(${$(w.lessons.entry)}::int[]) THEN COALESCE(first_entry_at, now()) ELSE first_entry_at END,
                         attendance_taken = attendance_taken OR id = ANY(${$(w.lessons.attendance)}::int[])
       WHERE school_id = $1 AND id = ANY(${$(w.lessons.all)}::int[])`);
  }
  const summaryOf = (marks: { columnId: number; pupilId: number; mark: string }[]) =>
    `unnest(${$(marks.map((x) => x.columnId))}::int[], ${$(marks.map((x) => x.pupilId))}::int[], ${$(marks.map((x) => x.mark))}::text[])`;
  const summaryUpdated = w.summary.filter((x) => x.exists);
  const summaryInserted = w.summary.filter((x) => !x.exists);
  if (summaryUpdated.length) {
    part('summary_u', `UPDATE summary_mark sm SET mark = v.mark, version = sm.version + 1, updated_at = now(), updated_by = $2
       FROM ${summaryOf(summaryUpdated)} AS v(column_id, pupil_id, mark)
       WHERE sm.school_id = $1 AND sm.column_id = v.column_id AND sm.pupil_id = v.pupil_id
       RETURNING sm.column_id AS "columnId", sm.pupil_id AS "pupilId", sm.mark, sm.version`);
  }
  if (summaryInserted.length) {
    part('summary_i', `INSERT INTO summary_mark (school_id, column_id, pupil_id, mark, updated_by)
       SELECT $1, *, $2 FROM ${summaryOf(summaryInserted)}
       RETURNING column_id AS "columnId", pupil_id AS "pupilId", mark, version`);
  }
  if (w.history.length) {
    const h = w.history;
    part('history', `INSERT INTO journal_change (school_id, user_id, page_id, lesson_id, column_id, pupil_id, field, old_value, new_value, reason, late, tentative)
       SELECT $1, $2, * FROM unnest(${$(h.map((x) => x.pageId))}::int[], ${$(h.map((x) => x.lessonId))}::int[], ${$(h.map((x) => x.columnId))}::int[], ${$(h.map((x) => x.pupilId))}::int[],
                                    ${$(h.map((x) => x.field))}::text[], ${$(h.map((x) => x.oldValue))}::text[], ${$(h.map((x) => x.newValue))}::text[], ${$(h.map((x) => x.reason))}::text[],
                                    ${$(h.map((x) => x.late))}::bool[], ${$(h.map((x) => x.tentative ?? false))}::bool[])`);
  }
  // the rows written by the parts present, as one JSON array
  const written = (names: string[]) => {
    const present = names.filter((n) => parts.has(n));
    return present.length ? `(SELECT COALESCE(json_agg(x), '[]') FROM (${present.map((n) => `SELECT * FROM ${n}`).join(' UNION ALL ')}) x)` : `'[]'::json`;
  };
  const text = `WITH ${[...parts.values()].join(', ')}
     SELECT ${written(['cells_u', 'cells_i'])} AS cells, ${written(['summary_u', 'summary_i'])} AS summary`;
  // one prepared statement per combination of parts
  const name = `entries-write-${[...parts.keys()].join('-')}`;
  const query: pg.QueryConfig = { name, text, values };
  return lastStatement(query, (r) => r.rows[0] as WrittenEntries);
}

/** True for the error of an insert that met a row another save inserted after saveState read (see writeEntries). */
export function isLostInsert(err: unknown): boolean {
  const e = err as { code?: string; table?: string };
  return e.code === '23505' && (e.table === 'journal_cell' || e.table === 'summary_mark');
}
