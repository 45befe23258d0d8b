import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { actAs, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { hashToken, loadSession } from './service.js';

// The memberships of a session's person are kept in memory and reused while the access version
// (migration 061) is unchanged. A change to any table they are built from, made by plain SQL as
// another server or an administrator's tool would, must show at the next request.

let db: Database;
let app: FastifyInstance;
let school: f.BuiltSchool;
let cityId: number;
let classId: number;
let pupilId: number;
let guardianId: number;
const users: Record<string, number> = {};
const tokens: Record<string, string> = {};
const config = loadConfig({});

const session = async (login: string) => {
  const s = await loadSession(db, config, tokens[login]);
  if (!s) throw new Error(`no session for ${login}`);
  return s.principal;
};
const sql = (text: string, values: unknown[] = []) => withSystem(db, (c) => c.query(text, values));

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-15' });
  cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId);
  users.teacher = await f.buildStaff(db, school.schoolId, 'teacher', ['teacher']);
  users.head = await f.buildStaff(db, school.schoolId, 'head', ['head']);
  users.parent = await f.buildUser(db, 'parent');
  users.city = await f.buildCitySpecialist(db, cityId, 'city');
  classId = await f.buildClass(db, school, 5, 'А');
  pupilId = await f.buildPupil(db, school.schoolId, classId, ['Бойко', 'Марта']);
  guardianId = await f.buildGuardian(db, school.schoolId, pupilId, users.parent);
  for (const login of ['teacher', 'head', 'parent', 'city']) {
    const agent = await actAs(app, login);
    tokens[login] = hashToken(decodeURIComponent(agent.cookie.split('=')[1]));
  }
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe(`the session's memberships in memory (${testEngine})`, () => {
  it('are reused while nothing changed', async () => {
    const a = await session('teacher');
    const b = await session('teacher');
    expect(a.schools[0].roles).toEqual(['teacher']);
    expect(b.schools).toBe(a.schools);
    expect(Object.isFrozen(a.schools[0])).toBe(true);
  });

  it('follow a class handed over, a role taken away and a teacher deactivated, made by SQL', async () => {
    await sql('UPDATE school_class SET class_teacher_id = $1 WHERE school_id = $2 AND id = $3', [users.teacher, school.schoolId, classId]);
    expect((await session('teacher')).schools[0]).toMatchObject({ classIds: [classId], roles: ['teacher', 'class_teacher'] });

    await sql(`DELETE FROM staff_year_role WHERE school_id = $1 AND user_id = $2 AND role = 'head'`, [school.schoolId, users.head]);
    expect((await session('head')).schools).toEqual([]);

    await sql('UPDATE staff SET active = false WHERE school_id = $1 AND user_id = $2', [school.schoolId, users.teacher]);
    expect((await session('teacher')).schools).toEqual([]);
  });

  it('follow a consent withdrawn, a pupil renamed and a guardian unlinked', async () => {
    expect((await session('parent')).schools[0].children).toEqual([expect.objectContaining({ pupilId, name: 'Бойко Марта' })]);
    await sql(`UPDATE pupil SET last_name = 'Бойко-Ткач' WHERE school_id = $1 AND id = $2`, [school.schoolId, pupilId]);
    expect((await session('parent')).schools[0].children[0].name).toBe('Бойко-Ткач Марта');

    await f.buildConsent(db, school.schoolId, pupilId, guardianId, 'withdrawn');
    expect((await session('parent')).schools).toEqual([]);
    await f.buildConsent(db, school.schoolId, pupilId, guardianId, 'given');
    expect((await session('parent')).schools).toHaveLength(1);

    await sql('DELETE FROM pupil_guardian WHERE school_id = $1 AND guardian_id = $2', [school.schoolId, guardianId]);
    expect((await session('parent')).schools).toEqual([]);
  });

  it('follow a city role and a school renamed', async () => {
    expect((await session('city')).cities).toEqual([expect.objectContaining({ cityId })]);
    await sql('DELETE FROM city_role WHERE user_id = $1', [users.city]);
    expect((await session('city')).cities).toEqual([]);

    await sql(`UPDATE school SET short_name = 'Ліцей №7' WHERE id = $1`, [school.schoolId]);
    await sql(`UPDATE staff SET active = true WHERE school_id = $1 AND user_id = $2`, [school.schoolId, users.teacher]);
    expect((await session('teacher')).schools[0].schoolName).toBe('Ліцей №7');
  });

  it('are refused at once when the session ends or the account is deactivated', async () => {
    await session('teacher');
    await sql('UPDATE app_user SET active = false WHERE id = $1', [users.teacher]);
    expect(await loadSession(db, config, tokens.teacher)).toBeNull();
    await sql('UPDATE app_user SET active = true WHERE id = $1', [users.teacher]);
    await sql('DELETE FROM user_session WHERE token_hash = $1', [tokens.teacher]);
    expect(await loadSession(db, config, tokens.teacher)).toBeNull();
  });
});
