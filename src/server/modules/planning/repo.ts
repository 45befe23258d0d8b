import type { TPlanItemKind } from '../../../shared/api/planning.js';
import type { Client } from '../../db/tenancy.js';
import type { CalendarLesson } from './mapping.js';

export interface PlanRow {
  id: number;
  version: number;
  source: 'manual' | 'import' | 'copy';
  updatedAt: string;
}

export async function findPlan(c: Client, schoolId: number, pageId: number, semester: number, lock = false): Promise<PlanRow | undefined> {
  const r = await c.query<PlanRow>(
    `SELECT id, version, source, updated_at::text AS "updatedAt" FROM lesson_plan
     WHERE school_id = $1 AND page_id = $2 AND semester = $3${lock ? ' FOR UPDATE' : ''}`,
    [schoolId, pageId, semester],
  );
  return r.rows[0];
}

export async function insertPlan(c: Client, schoolId: number, userId: number | null, pageId: number, semester: number, source: PlanRow['source']): Promise<number> {
  const r = await c.query<{ id: number }>(
    `INSERT INTO lesson_plan (school_id, page_id, semester, source, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
    [schoolId, pageId, semester, source, userId],
  );
  return r.rows[0].id;
}

export async function touchPlan(c: Client, schoolId: number, planId: number, userId: number | null, source: PlanRow['source']): Promise<void> {
  await c.query('UPDATE lesson_plan SET version = version + 1, source = $3, updated_by = $4, updated_at = now() WHERE school_id = $1 AND id = $2', [
    schoolId,
    planId,
    source,
    userId,
  ]);
}

export interface UnitRow {
  id: number;
  position: number;
  title: string;
  columnId: number | null;
}

export async function planUnits(c: Client, schoolId: number, planId: number): Promise<UnitRow[]> {
  const r = await c.query<UnitRow>(
    'SELECT id, position, title, column_id AS "columnId" FROM plan_unit WHERE school_id = $1 AND plan_id = $2 ORDER BY position',
    [schoolId, planId],
  );
  return r.rows;
}

export interface ItemRow {
  id: number;
  unitId: number;
  position: number;
  topic: string;
  hours: number;
  kind: TPlanItemKind;
  plannedDate: string | null;
}

export async function planItems(c: Client, schoolId: number, planId: number): Promise<ItemRow[]> {
  const r = await c.query<ItemRow>(
    `SELECT id, unit_id AS "unitId", position, topic, hours, kind, planned_date AS "plannedDate"
     FROM plan_item WHERE school_id = $1 AND plan_id = $2 ORDER BY position`,
    [schoolId, planId],
  );
  return r.rows;
}

/** Moves every unit out of the way of the new positions (they are unique within a plan). */
export async function parkUnits(c: Client, schoolId: number, planId: number): Promise<void> {
  await c.query('UPDATE plan_unit SET position = -id WHERE school_id = $1 AND plan_id = $2', [schoolId, planId]);
  await c.query('DELETE FROM plan_item WHERE school_id = $1 AND plan_id = $2', [schoolId, planId]);
}

export async function insertUnit(c: Client, schoolId: number, planId: number, position: number, title: string): Promise<number> {
  const r = await c.query<{ id: number }>('INSERT INTO plan_unit (school_id, plan_id, position, title) VALUES ($1, $2, $3, $4) RETURNING id', [
    schoolId,
    planId,
    position,
    title,
  ]);
  return r.rows[0].id;
}

export async function updateUnit(c: Client, schoolId: number, unitId: number, position: number, title: string): Promise<void> {
  await c.query('UPDATE plan_unit SET position = $3, title = $4 WHERE school_id = $1 AND id = $2', [schoolId, unitId, position, title]);
}

export async function setUnitColumn(c: Client, schoolId: number, unitId: number, columnId: number | null): Promise<void> {
  await c.query('UPDATE plan_unit SET column_id = $3 WHERE school_id = $1 AND id = $2', [schoolId, unitId, columnId]);
}

export async function deleteUnits(c: Client, schoolId: number, ids: number[]): Promise<void> {
  if (ids.length) await c.query('DELETE FROM plan_unit WHERE school_id = $1 AND id = ANY($2::int[])', [schoolId, ids]);
}

export async function insertItems(
  c: Client,
  schoolId: number,
  planId: number,
  rows: { unitId: number; position: number; topic: string; hours: number; kind: string; plannedDate: string | null }[],
): Promise<void> {
  if (!rows.length) return;
  await c.query(
    `INSERT INTO plan_item (school_id, plan_id, unit_id, position, topic, hours, kind, planned_date)
     SELECT $1, $2, * FROM unnest($3::int[], $4::int[], $5::text[], $6::smallint[], $7::text[], $8::date[])`,
    [
      schoolId,
      planId,
      rows.map((x) => x.unitId),
      rows.map((x) => x.position),
      rows.map((x) => x.topic),
      rows.map((x) => x.hours),
      rows.map((x) => x.kind),
      rows.map((x) => x.plannedDate),
    ],
  );
}

/** The page's lessons between two dates, locked unless only read: the mapping rewrites them. */
export async function semesterLessons(c: Client, schoolId: number, pageId: number, from: string, to: string, lock = true): Promise<CalendarLesson[]> {
  const r = await c.query<CalendarLesson>(
    `SELECT id, lesson_date AS date, period, cancelled, topic, topic_from_plan AS "topicFromPlan", plan_item_id AS "planItemId"
     FROM lesson WHERE school_id = $1 AND page_id = $2 AND lesson_date BETWEEN $3 AND $4
     ORDER BY lesson_date, period, id${lock ? ' FOR UPDATE' : ''}`,
    [schoolId, pageId, from, to],
  );
  return r.rows;
}

/** Writes the mapping; a lesson whose topic changed gets a new version, so a stale edit is refused. */
export async function updateLessonPlan(
  c: Client,
  schoolId: number,
  rows: { id: number; planItemId: number | null; topic: string; topicFromPlan: boolean; topicChanged: boolean }[],
): Promise<void> {
  if (!rows.length) return;
  await c.query(
    `UPDATE lesson l SET plan_item_id = u.item, topic = u.topic, topic_from_plan = u.from_plan,
            version = l.version + CASE WHEN u.changed THEN 1 ELSE 0 END,
            updated_at = CASE WHEN u.changed THEN now() ELSE l.updated_at END
     FROM unnest($2::int[], $3::int[], $4::text[], $5::bool[], $6::bool[]) AS u(id, item, topic, from_plan, changed)
     WHERE l.school_id = $1 AND l.id = u.id`,
    [schoolId, rows.map((x) => x.id), rows.map((x) => x.planItemId), rows.map((x) => x.topic), rows.map((x) => x.topicFromPlan), rows.map((x) => x.topicChanged)],
  );
}

export interface ThematicColumn {
  id: number;
  title: string;
  afterDate: string | null;
  hasMarks: boolean;
}

export async function columnsByIds(c: Client, schoolId: number, pageId: number, ids: number[]): Promise<ThematicColumn[]> {
  if (!ids.length) return [];
  const r = await c.query<ThematicColumn>(
    `SELECT sc.id, sc.title, sc.after_date AS "afterDate",
            (EXISTS (SELECT 1 FROM summary_mark sm WHERE sm.school_id = sc.school_id AND sm.column_id = sc.id)
             OR EXISTS (SELECT 1 FROM journal_change h WHERE h.school_id = sc.school_id AND h.column_id = sc.id)) AS "hasMarks"
     FROM summary_column sc WHERE sc.school_id = $1 AND sc.page_id = $2 AND sc.id = ANY($3::int[])`,
    [schoolId, pageId, ids],
  );
  return r.rows;
}

export async function insertThematicColumn(
  c: Client,
  schoolId: number,
  col: { pageId: number; semester: number; title: string; afterDate: string; position: number },
): Promise<number> {
  const r = await c.query<{ id: number }>(
    `INSERT INTO summary_column (school_id, page_id, kind, semester, title, after_date, position)
     VALUES ($1, $2, 'thematic', $3, $4, $5, $6) RETURNING id`,
    [schoolId, col.pageId, col.semester, col.title, col.afterDate, col.position],
  );
  return r.rows[0].id;
}

export async function updateThematicColumn(c: Client, schoolId: number, id: number, title: string, afterDate: string): Promise<void> {
  await c.query('UPDATE summary_column SET title = $3, after_date = $4 WHERE school_id = $1 AND id = $2 AND (title, after_date) IS DISTINCT FROM ($3, $4::date)', [
    schoolId,
    id,
    title,
    afterDate,
  ]);
}

/** Removes thematic columns that never held a mark (the caller checked hasMarks). */
export async function deleteEmptyColumns(c: Client, schoolId: number, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await c.query('DELETE FROM summary_column WHERE school_id = $1 AND id = ANY($2::int[])', [schoolId, ids]);
}

export interface PageFacts {
  id: number;
  yearId: number;
  subjectId: number;
  grade: number;
  letter: string;
  groupName: string | null;
  teacherId: number | null;
  hoursPerWeek: number;
  label: string;
}

const PAGE_FACTS = `jp.id, jp.year_id AS "yearId", jp.subject_id AS "subjectId", k.grade::int AS grade, k.letter, g.name AS "groupName",
  jp.teacher_id AS "teacherId", jp.hours_per_week::float AS "hoursPerWeek",
  k.grade || '-' || k.letter || COALESCE(' (' || g.name || ')', '') AS label`;
const PAGE_JOINS = `FROM journal_page jp JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id
  LEFT JOIN class_group g ON g.school_id = jp.school_id AND g.id = jp.group_id`;

export async function pageFacts(c: Client, schoolId: number, pageId: number): Promise<PageFacts | undefined> {
  const r = await c.query<PageFacts>(`SELECT ${PAGE_FACTS} ${PAGE_JOINS} WHERE jp.school_id = $1 AND jp.id = $2`, [schoolId, pageId]);
  return r.rows[0];
}

/** Pages of the same subject and grade in a year (parallel classes, or last year's). */
export async function pagesLike(c: Client, schoolId: number, yearId: number, subjectId: number, grade: number) {
  const r = await c.query<PageFacts & { teacherName: string | null; yearName: string; plans: number[] }>(
    `SELECT ${PAGE_FACTS}, y.name AS "yearName",
            CASE WHEN u.id IS NULL THEN NULL ELSE trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name) END AS "teacherName",
            ARRAY(SELECT lp.semester::int FROM lesson_plan lp WHERE lp.school_id = jp.school_id AND lp.page_id = jp.id) AS plans
     ${PAGE_JOINS} JOIN school_year y ON y.school_id = jp.school_id AND y.id = jp.year_id
     LEFT JOIN app_user u ON u.id = jp.teacher_id
     WHERE jp.school_id = $1 AND jp.year_id = $2 AND jp.subject_id = $3 AND k.grade = $4
     ORDER BY k.letter, g.name NULLS FIRST`,
    [schoolId, yearId, subjectId, grade],
  );
  return r.rows;
}

/** The school year before the given one (the latest that starts earlier). */
export async function previousYearId(c: Client, schoolId: number, yearId: number): Promise<number | undefined> {
  const r = await c.query<{ id: number }>(
    `SELECT p.id FROM school_year y JOIN school_year p ON p.school_id = y.school_id AND p.starts_on < y.starts_on
     WHERE y.school_id = $1 AND y.id = $2 ORDER BY p.starts_on DESC LIMIT 1`,
    [schoolId, yearId],
  );
  return r.rows[0]?.id;
}
