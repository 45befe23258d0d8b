import type { Database } from '../db/database.js';
import { type Client, withSystem } from '../db/tenancy.js';
import { hashPassword } from '../modules/auth/service.js';

export const TEST_PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | undefined;

async function one<T = Record<string, unknown>>(c: Client, sql: string, params: unknown[]): Promise<T> {
  return (await c.query(sql, params)).rows[0] as T;
}

/** A city with one open school year 2025/2026 in each of its schools. */
export async function buildCity(db: Database, name = 'Тестове місто'): Promise<number> {
  return withSystem(db, async (c) => (await one<{ id: number }>(c, 'INSERT INTO city (name, department) VALUES ($1, $2) RETURNING id', [name, 'Управління освіти'])).id);
}

export interface BuiltSchool {
  schoolId: number;
  yearId: number;
}

export async function buildSchool(db: Database, cityId: number, name = 'Тестова гімназія'): Promise<BuiltSchool> {
  return withSystem(db, async (c) => {
    const { id: schoolId } = await one<{ id: number }>(c, 'INSERT INTO school (city_id, name, short_name) VALUES ($1, $2, $2) RETURNING id', [cityId, name]);
    const { id: yearId } = await one<{ id: number }>(
      c,
      `INSERT INTO school_year (school_id, name, starts_on, ends_on) VALUES ($1, '2025/2026', '2025-09-01', '2026-06-30') RETURNING id`,
      [schoolId],
    );
    await c.query(
      `INSERT INTO semester (school_id, year_id, number, starts_on, ends_on)
       VALUES ($1, $2, 1, '2025-09-01', '2025-12-24'), ($1, $2, 2, '2026-01-13', '2026-05-29')`,
      [schoolId, yearId],
    );
    return { schoolId, yearId };
  });
}

/** A person with a password (TEST_PASSWORD); returns the user id. */
export async function buildUser(db: Database, login: string, name = ['Тестенко', 'Олена', 'Петрівна']): Promise<number> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  return withSystem(db, async (c) =>
    (await one<{ id: number }>(
      c,
      'INSERT INTO app_user (login, password_hash, last_name, first_name, middle_name) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [login, hash, ...name],
    )).id,
  );
}

/** A staff member of a school with the given school roles. */
export async function buildStaff(db: Database, schoolId: number, login: string, roles: string[]): Promise<number> {
  const userId = await buildUser(db, login);
  await withSystem(db, async (c) => {
    await c.query('INSERT INTO staff (school_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [schoolId, userId]);
    for (const role of roles) await c.query('INSERT INTO staff_role (school_id, user_id, role) VALUES ($1, $2, $3)', [schoolId, userId, role]);
  });
  return userId;
}

export async function buildClass(db: Database, s: BuiltSchool, grade: number, letter: string, classTeacherId?: number): Promise<number> {
  return withSystem(db, async (c) =>
    (await one<{ id: number }>(
      c,
      'INSERT INTO school_class (school_id, year_id, grade, letter, class_teacher_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [s.schoolId, s.yearId, grade, letter, classTeacherId ?? null],
    )).id,
  );
}

/** A pupil enrolled in a class from the year's start. */
export async function buildPupil(db: Database, schoolId: number, classId: number, name: [string, string], userId?: number): Promise<number> {
  return withSystem(db, async (c) => {
    const { id } = await one<{ id: number }>(
      c,
      'INSERT INTO pupil (school_id, last_name, first_name, birth_date, user_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [schoolId, name[0], name[1], '2014-05-01', userId ?? null],
    );
    await c.query('INSERT INTO enrollment (school_id, pupil_id, class_id, from_date) VALUES ($1, $2, $3, $4)', [schoolId, id, classId, '2025-09-01']);
    return id;
  });
}

/**
 * Links a guardian (with an account, or none) to a pupil. The guardian has consented to the
 * processing of personal data unless `consent: false`: without consent the family gets no access.
 */
export async function buildGuardian(
  db: Database,
  schoolId: number,
  pupilId: number,
  userId: number | null,
  opts: { consent?: boolean; name?: [string, string]; email?: string } = {},
): Promise<number> {
  return withSystem(db, async (c) => {
    const { id } = await one<{ id: number }>(
      c,
      'INSERT INTO guardian (school_id, last_name, first_name, user_id, email) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [schoolId, ...(opts.name ?? ['Батьківна', 'Ірина']), userId, opts.email ?? null],
    );
    await c.query('INSERT INTO pupil_guardian (school_id, pupil_id, guardian_id) VALUES ($1, $2, $3)', [schoolId, pupilId, id]);
    if (opts.consent !== false) await insertConsent(c, schoolId, pupilId, id, 'given');
    return id;
  });
}

async function insertConsent(c: Client, schoolId: number, pupilId: number, guardianId: number, action: 'given' | 'withdrawn'): Promise<void> {
  await c.query(
    `INSERT INTO consent_record (school_id, pupil_id, guardian_id, scope, purposes, notice_id, action, channel, signed_on)
     SELECT $1, $2, $3, n.scope, n.purposes, n.id, $4, 'electronic', '2025-09-01'
     FROM privacy_notice n WHERE n.city_id IS NULL AND n.school_id IS NULL AND n.scope = 'online_journal' ORDER BY n.version DESC LIMIT 1`,
    [schoolId, pupilId, guardianId, action],
  );
}

/** Appends a guardian's electronic consent answer (given or withdrawn) to the default notice. */
export async function buildConsent(db: Database, schoolId: number, pupilId: number, guardianId: number, action: 'given' | 'withdrawn' = 'given'): Promise<void> {
  await withSystem(db, (c) => insertConsent(c, schoolId, pupilId, guardianId, action));
}

export async function buildCitySpecialist(db: Database, cityId: number, login: string): Promise<number> {
  const userId = await buildUser(db, login);
  await withSystem(db, (c) => c.query(`INSERT INTO city_role (city_id, user_id, role) VALUES ($1, $2, 'city_specialist')`, [cityId, userId]));
  return userId;
}

/** A subject and a journal page of a class (or a group of it) taught by a teacher. */
export async function buildPage(
  db: Database,
  s: BuiltSchool,
  opts: { classId: number; subject: string; teacherId: number | null; scale?: string; groupId?: number },
): Promise<number> {
  return withSystem(db, async (c) => {
    const subject = await one<{ id: number }>(
      c,
      `INSERT INTO subject (school_id, name, short_name) VALUES ($1, $2, $2)
       ON CONFLICT (school_id, name) DO UPDATE SET short_name = excluded.short_name RETURNING id`,
      [s.schoolId, opts.subject],
    );
    const page = await one<{ id: number }>(
      c,
      `INSERT INTO journal_page (school_id, year_id, class_id, group_id, subject_id, teacher_id, hours_per_week, scale_code)
       VALUES ($1, $2, $3, $4, $5, $6, 2, $7) RETURNING id`,
      [s.schoolId, s.yearId, opts.classId, opts.groupId ?? null, subject.id, opts.teacherId, opts.scale ?? 'points12'],
    );
    return page.id;
  });
}

/** Lessons of a page on the given dates (period 1). */
export async function buildLessons(db: Database, schoolId: number, pageId: number, dates: string[]): Promise<number[]> {
  return withSystem(db, async (c) => {
    const r = await c.query(
      `INSERT INTO lesson (school_id, page_id, lesson_date, period) SELECT $1, $2, d, 1 FROM unnest($3::date[]) d RETURNING id`,
      [schoolId, pageId, dates],
    );
    return r.rows.map((x) => x.id);
  });
}

/** The standard summary columns of a page: a thematic one, semesters, corrected, annual. */
export async function buildSummaryColumns(db: Database, schoolId: number, pageId: number): Promise<Record<string, number>> {
  return withSystem(db, async (c) => {
    const r = await c.query(
      `INSERT INTO summary_column (school_id, page_id, kind, semester, title, after_date, position)
       VALUES ($1, $2, 'thematic', 1, 'Тематична 1', '2025-10-10', 1), ($1, $2, 'semester', 1, 'І семестр', NULL, 2),
              ($1, $2, 'corrected', 1, 'Скоригована', NULL, 3), ($1, $2, 'annual', NULL, 'Річна', NULL, 9)
       RETURNING kind, id`,
      [schoolId, pageId],
    );
    return Object.fromEntries(r.rows.map((x) => [x.kind, x.id]));
  });
}
