/**
 * The demo city: one city and N schools with a year of journals, the same for the same seed,
 * today and number of schools. For empty databases only; callers decide when it runs.
 */
import type { Database } from '../../db/database.js';
import { type Client, withSystem } from '../../db/tenancy.js';
import { seedAttachmentsDemo } from '../attachments/demo.js';
import { hashPassword } from '../auth/service.js';
import { seedControlDemo } from '../control/demo.js';
import { seedDeliveryDemo } from '../delivery/demo.js';
import { seedNoticesDemo } from '../notices/demo.js';
import { seedPlanningDemo } from '../planning/demo.js';
import { demoCityDaysOff, todayInKyiv, yearStartFor } from './calendar.js';
import { adultName } from './names.js';
import { Rng } from './random.js';
import { type SchoolSeed, seedSchool } from './school.js';
import { citySchools } from './schools.js';
import { IdAllocator } from './writer.js';

export type DemoRole = 'city_specialist' | 'head' | 'controller' | 'admin' | 'teacher' | 'class_teacher' | 'parent' | 'pupil';

export interface DemoLogin {
  role: DemoRole;
  login: string;
  password: string;
  note: string;
}

export interface DemoSummary {
  cityId: number;
  schoolIds: number[];
  pupils: number;
  staff: number;
  lessons: number;
  cells: number;
  logins: DemoLogin[];
}

export interface SeedDemoOptions {
  schools: number;
  seed: number;
  /** 'YYYY-MM-DD'; default: today's date in Kyiv */
  today?: string;
  /** e.g. 2025 for the year 2025/2026; default: the school year containing `today` */
  yearStart?: number;
  onProgress?: (msg: string) => void;
}

export const DEMO_PASSWORD = 'klasnyi2025';
export const CITY_NAME = 'Кропивницький';
const DEPARTMENT = 'Управління освіти Кропивницької міської ради';
const DEMO_LOGINS = ['city', 'head', 'controller', 'admin', 'teacher', 'classteacher', 'parent', 'pupil'];

async function refuseNonEmpty(c: Client): Promise<void> {
  // serialises two seeders racing on the same empty database
  await c.query('LOCK TABLE city IN EXCLUSIVE MODE');
  if ((await c.query('SELECT 1 FROM city LIMIT 1')).rowCount) {
    throw new Error('seedDemo: the database already has a city; the demo is for empty databases');
  }
  const taken = await c.query('SELECT login FROM app_user WHERE login = ANY($1)', [DEMO_LOGINS]);
  if (taken.rowCount) throw new Error(`seedDemo: logins already taken: ${taken.rows.map((r) => r.login).join(', ')}`);
}

async function seedCity(c: Client, ids: IdAllocator, rng: Rng, yearStart: number, passwordHash: string, createdAt: string): Promise<number> {
  const cityId = ids.next('city');
  await c.query('INSERT INTO city (id, name, department) VALUES ($1, $2, $3)', [cityId, CITY_NAME, DEPARTMENT]);
  for (const d of demoCityDaysOff(yearStart)) {
    await c.query('INSERT INTO city_day_off (city_id, day, name) VALUES ($1, $2, $3)', [cityId, d.day, d.name]);
  }
  const name = adultName(rng, 'f');
  const userId = ids.next('app_user');
  await c.query(
    'INSERT INTO app_user (id, login, password_hash, last_name, first_name, middle_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [userId, 'city', passwordHash, name.lastName, name.firstName, name.middleName, createdAt],
  );
  await c.query("INSERT INTO city_role (city_id, user_id, role) VALUES ($1, $2, 'city_specialist')", [cityId, userId]);
  await ids.setSequences(c);
  return cityId;
}

function demoLogins(shortNames: string[]): DemoLogin[] {
  const [first = '', second = first] = shortNames;
  const login = (role: DemoRole, name: string, note: string): DemoLogin => ({ role, login: name, password: DEMO_PASSWORD, note });
  return [
    login('city_specialist', 'city', `Спеціаліст управління освіти, м. ${CITY_NAME}`),
    login('head', 'head', `Директор, ${first}`),
    login('controller', 'controller', `Заступник директора (контроль журналів), ${first}`),
    login('admin', 'admin', `Адміністратор електронних журналів, ${first}`),
    login('teacher', 'teacher', second === first ? `Вчитель математики, ${first}` : `Вчитель математики, ${first} і ${second}`),
    login('class_teacher', 'classteacher', `Класний керівник 5-А і вчитель-предметник, ${first}`),
    login('parent', 'parent', second === first ? `Мати учениці 5-А і учня 8 класу, ${first}` : `Мати учениці 5-А (${first}) і учня 8 класу (${second})`),
    login('pupil', 'pupil', `Учениця 5-А, ${first}`),
  ];
}

/** Seeds the demo city into an empty database; throws if it already has a city. */
export async function seedDemo(db: Database, opts: SeedDemoOptions): Promise<DemoSummary> {
  if (!Number.isInteger(opts.schools) || opts.schools < 1) throw new Error('seedDemo: schools must be a positive integer');
  const today = opts.today ?? todayInKyiv();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`seedDemo: today must be YYYY-MM-DD, got ${today}`);
  const yearStart = opts.yearStart ?? yearStartFor(today);
  const progress = opts.onProgress ?? (() => undefined);
  const root = new Rng(opts.seed);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const createdAt = `${yearStart}-08-25T10:00:00+03:00`;

  const { ids, cityId } = await withSystem(db, async (c) => {
    await refuseNonEmpty(c);
    const ids = await IdAllocator.load(c);
    return { ids, cityId: await seedCity(c, ids, root.fork('city'), yearStart, passwordHash, createdAt) };
  });
  const cityDaysOff = demoCityDaysOff(yearStart).map((d) => d.day);
  const infos = citySchools(root.fork('schools'), opts.schools);
  const summary: DemoSummary = { cityId, schoolIds: [], pupils: 0, staff: 0, lessons: 0, cells: 0, logins: demoLogins(infos.map((s) => s.shortName)) };
  const demo: SchoolSeed['demo'] = {};
  for (const info of infos) {
    const seed: SchoolSeed = {
      rng: root.fork(`school:${info.index}`), ids, info: { ...info, cityId }, schools: opts.schools, yearStart, today,
      cityDaysOff, accounts: { passwordHash, createdAt }, demo,
    };
    const r = await withSystem(db, (c) => seedSchool(c, seed));
    summary.schoolIds.push(r.schoolId);
    summary.pupils += r.pupils;
    summary.staff += r.staff;
    summary.lessons += r.lessons;
    summary.cells += r.cells;
    const fmt = (n: number) => n.toLocaleString('uk-UA');
    progress(`Школа ${info.index + 1}/${opts.schools} (${info.shortName}): ${fmt(r.pupils)} учнів, ${fmt(r.lessons)} уроків, ${fmt(r.cells)} клітинок`);
  }
  await seedDeliveryDemo(db, { schoolId: summary.schoolIds[0], today });
  await seedControlDemo(db, { schoolId: summary.schoolIds[0], today });
  await seedNoticesDemo(db, { schoolId: summary.schoolIds[0], today });
  await seedPlanningDemo(db, { schoolId: summary.schoolIds[0], today });
  await seedAttachmentsDemo(db, { schoolId: summary.schoolIds[0], today });
  return summary;
}
