import type { Client } from '../../db/tenancy.js';
import { type ChangeRow, insertChanges } from '../journal/entries.repo.js';
import { mapPlan, unitLastDates } from './mapping.js';
import * as repo from './repo.js';

/** The title of a unit's thematic column as the journal shows it. */
export const thematicTitle = (unitTitle: string) => `Тематична: ${unitTitle}`;

async function semesterBounds(c: Client, schoolId: number, pageId: number, semester: number) {
  const r = await c.query<{ startsOn: string; endsOn: string }>(
    `SELECT m.starts_on AS "startsOn", m.ends_on AS "endsOn" FROM journal_page jp
     JOIN semester m ON m.school_id = jp.school_id AND m.year_id = jp.year_id AND m.number = $3
     WHERE jp.school_id = $1 AND jp.id = $2`,
    [schoolId, pageId, semester],
  );
  return r.rows[0];
}

/** The person of the transaction (app.user_id), or null for the command line. */
async function actingUser(c: Client): Promise<number | null> {
  const r = await c.query<{ id: number | null }>(`SELECT NULLIF(NULLIF(current_setting('app.user_id', true), ''), '0')::int AS id`);
  return r.rows[0]?.id ?? null;
}

/**
 * Maps the plan of a page's semester onto its held lessons again: sets `lesson.plan_item_id`,
 * fills topics that are empty or still the plan's (with a history row each), and places each
 * unit's thematic column after the unit's last lesson. Call it in the transaction of any change
 * to the plan or to the page's lessons (added, cancelled, restored, moved).
 */
export async function remapPlan(c: Client, schoolId: number, pageId: number, semester: number): Promise<void> {
  const bounds = await semesterBounds(c, schoolId, pageId, semester);
  if (!bounds) return;
  const plan = await repo.findPlan(c, schoolId, pageId, semester);
  const lessons = await repo.semesterLessons(c, schoolId, pageId, bounds.startsOn, bounds.endsOn);
  const items = plan ? await repo.planItems(c, schoolId, plan.id) : [];
  const { updates, slotLessons } = mapPlan(items, lessons);
  await repo.updateLessonPlan(c, schoolId, updates);
  const history: ChangeRow[] = updates
    .filter((u) => u.topicChanged)
    .map((u) => ({ pageId, lessonId: u.id, columnId: null, pupilId: null, field: 'topic', oldValue: u.oldTopic, newValue: u.topic, reason: '', late: false }));
  if (history.length) await insertChanges(c, schoolId, (await actingUser(c)) as number, history);
  if (!plan) return;
  const lastDates = unitLastDates(items, slotLessons);
  for (const unit of await repo.planUnits(c, schoolId, plan.id)) {
    if (unit.columnId === null) continue;
    await repo.updateThematicColumn(c, schoolId, unit.columnId, thematicTitle(unit.title), lastDates.get(unit.id) ?? bounds.endsOn);
  }
}

/** Re-maps the semesters that contain the given dates (a lesson added, moved, cancelled or restored). */
export async function remapLessonDates(c: Client, schoolId: number, pageId: number, dates: string[]): Promise<void> {
  const r = await c.query<{ number: number }>(
    `SELECT DISTINCT m.number FROM journal_page jp
     JOIN semester m ON m.school_id = jp.school_id AND m.year_id = jp.year_id
     WHERE jp.school_id = $1 AND jp.id = $2 AND EXISTS (SELECT 1 FROM unnest($3::date[]) d WHERE d BETWEEN m.starts_on AND m.ends_on)
       AND EXISTS (SELECT 1 FROM lesson_plan lp WHERE lp.school_id = jp.school_id AND lp.page_id = jp.id AND lp.semester = m.number)
     ORDER BY m.number`,
    [schoolId, pageId, dates],
  );
  for (const { number } of r.rows) await remapPlan(c, schoolId, pageId, number);
}

/** Re-maps the plans of the pages whose semesters overlap two dates (after the timetable or calendar changed their lessons). */
export async function remapPagesBetween(c: Client, schoolId: number, pageIds: number[], from: string, to: string): Promise<void> {
  if (!pageIds.length) return;
  const r = await c.query<{ pageId: number; semester: number }>(
    `SELECT lp.page_id AS "pageId", lp.semester FROM lesson_plan lp
     JOIN journal_page jp ON jp.school_id = lp.school_id AND jp.id = lp.page_id
     JOIN semester m ON m.school_id = jp.school_id AND m.year_id = jp.year_id AND m.number = lp.semester
     WHERE lp.school_id = $1 AND lp.page_id = ANY($2::int[]) AND m.starts_on <= $4 AND m.ends_on >= $3
     ORDER BY lp.page_id, lp.semester`,
    [schoolId, pageIds, from, to],
  );
  for (const { pageId, semester } of r.rows) await remapPlan(c, schoolId, pageId, semester);
}
