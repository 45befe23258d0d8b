import { type TFillSettings, ZFillSettings } from '../../../shared/api/control.js';
import type { Database } from '../../db/database.js';
import { type Client, withSystem } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { enqueueJob } from '../../jobs/queue.js';

/** The defaults of domain.md "Filling level": equal weights, entries within 1 day, marks in the last 8 lessons. */
export const DEFAULT_FILL_SETTINGS: TFillSettings = {
  weights: { held: 1, topic: 1, homework: 1, attendance: 1, timeliness: 1, density: 1, summative: 1 },
  timelinessDays: 1,
  densityLessons: 8,
  homeworkFreeSubjects: [
    'Фізична культура',
    'Трудове навчання',
    'Технології',
    'Дизайн і технології',
    'Мистецтво',
    'Музичне мистецтво',
    'Образотворче мистецтво',
  ],
};

/** Lesson dates are local: an entry's day is taken in this zone. */
export const SCHOOL_TIME_ZONE = 'Europe/Kyiv';

/** The city's settings merged over the defaults; a malformed stored value falls back to the defaults. */
export function fillSettingsOf(stored: unknown): TFillSettings {
  const raw = (stored ?? {}) as Partial<TFillSettings>;
  const merged = {
    ...DEFAULT_FILL_SETTINGS,
    ...raw,
    weights: { ...DEFAULT_FILL_SETTINGS.weights, ...(raw.weights ?? {}) },
  };
  const parsed = ZFillSettings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_FILL_SETTINGS;
}

/** The fill settings of a school's city (city.settings->'fill'). */
export async function fillSettingsOfSchool(c: Client, schoolId: number): Promise<TFillSettings> {
  const r = await c.query(`SELECT ci.settings->'fill' AS fill FROM school s JOIN city ci ON ci.id = s.city_id WHERE s.id = $1`, [schoolId]);
  return fillSettingsOf(r.rows[0]?.fill);
}

export async function fillSettingsOfCity(c: Client, cityId: number): Promise<TFillSettings | undefined> {
  const r = await c.query(`SELECT settings->'fill' AS fill FROM city WHERE id = $1`, [cityId]);
  return r.rowCount ? fillSettingsOf(r.rows[0].fill) : undefined;
}

/** Stores the city's fill settings (the owner role: city is not school-owned). */
export async function saveFillSettings(c: Client, cityId: number, settings: TFillSettings): Promise<void> {
  await c.query(`UPDATE city SET settings = jsonb_set(settings, '{fill}', $2::jsonb) WHERE id = $1`, [cityId, JSON.stringify(settings)]);
}

/** The background job that prepares a city's dashboard (monitoring/service.ts runs it). */
export const CITY_PREPARE_JOB = 'monitoring.prepare';

/** The city's fill settings (city specialists: the route's policy). */
export async function getCityFillSettings(db: Database, cityId: number): Promise<TFillSettings> {
  const s = await withSystem(db, (c) => fillSettingsOfCity(c, cityId));
  if (!s) throw new AppError('not_found');
  return s;
}

/** Replaces the city's fill settings; weights and N apply to every school of the city from now on. */
export async function putCityFillSettings(db: Database, cityId: number, settings: TFillSettings): Promise<TFillSettings> {
  return withSystem(db, async (c) => {
    if (!(await fillSettingsOfCity(c, cityId))) throw new AppError('not_found');
    await saveFillSettings(c, cityId, settings);
    // every kept figure of the city is computed with the old weights: prepare the dashboard in
    // the background now, so the specialist's next look does not wait for all schools
    await enqueueJob(c, { kind: CITY_PREPARE_JOB, payload: { cityId } });
    return (await fillSettingsOfCity(c, cityId))!;
  });
}
