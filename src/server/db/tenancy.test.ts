import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testEngine } from '../test/db.js';
import * as f from '../test/factories.js';
import type { Database } from './database.js';
import { lastStatement, withSchool, withSystem } from './tenancy.js';

let db: Database;
let a: f.BuiltSchool;
let b: f.BuiltSchool;

beforeAll(async () => {
  db = await openTestDatabase();
  const cityId = await f.buildCity(db);
  a = await f.buildSchool(db, cityId);
  b = await f.buildSchool(db, cityId);
  await f.buildPupil(db, a.schoolId, await f.buildClass(db, a, 5, 'А'), ['Андрієнко', 'Ада']);
  await f.buildPupil(db, b.schoolId, await f.buildClass(db, b, 5, 'Б'), ['Бойко', 'Богдан']);
});
afterAll(async () => {
  await db.close();
});

describe(`a school's transaction (${testEngine})`, () => {
  it('runs as the restricted role with the school and user set, and sees only that school’s rows', async () => {
    const row = await withSchool(db, { schoolId: a.schoolId, userId: 42 }, async (c) => {
      const r = await c.query(`SELECT current_user AS who, current_setting('app.school_id') AS school, current_setting('app.user_id') AS user,
                                      array(SELECT DISTINCT school_id FROM pupil) AS schools`);
      return r.rows[0];
    });
    expect(row).toEqual({ who: 'klasnyi_app', school: String(a.schoolId), user: '42', schools: [a.schoolId] });
  });

  it('keeps its settings inside the transaction: the next one on the connection starts clean', async () => {
    await withSchool(db, { schoolId: b.schoolId, userId: 7 }, (c) => c.query('SELECT 1'), { genericPlans: true });
    const after = await withSystem(db, () =>
      lastStatement({ text: `SELECT current_user AS who, current_setting('app.school_id', true) AS school, current_setting('plan_cache_mode') AS plans` }, (r) => r.rows[0]),
    );
    expect(after.who).not.toBe('klasnyi_app');
    expect(after.school ?? '').toBe('');
    expect(after.plans).toBe('auto');
  });

  it('refuses to write another school’s rows', async () => {
    await expect(
      withSchool(db, { schoolId: a.schoolId, userId: 0 }, (c) => c.query(`UPDATE pupil SET first_name = 'Хтось' WHERE school_id = $1 RETURNING id`, [b.schoolId]).then((r) => r.rowCount)),
    ).resolves.toBe(0);
  });
});
