import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { type Agent, actAs, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';

// Two writers of the same empty cell: the second one read the cell before the first one's row
// was committed. Only PostgreSQL has two connections to interleave; PGlite runs one at a time.
let db: Database;
let app: FastifyInstance;
let math: Agent;
let school: f.BuiltSchool;
let pageId: number;
let lessons: number[];
let pupil: number;

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-15', LATE_EDIT_DAYS: '7' });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId);
  const teacher = await f.buildStaff(db, school.schoolId, 'math', ['teacher']);
  const cls = await f.buildClass(db, school, 7, 'Б');
  pupil = await f.buildPupil(db, school.schoolId, cls, ['Іваненко', 'Анна']);
  pageId = await f.buildPage(db, school, { classId: cls, subject: 'Алгебра', teacherId: teacher });
  lessons = await f.buildLessons(db, school.schoolId, pageId, ['2025-10-14']);
  math = await actAs(app, 'math');
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe(`a cell entered by two writers at once (${testEngine})`, () => {
  it.skipIf(testEngine === 'pglite')('answers the later writer with a conflict naming the value saved first, and keeps that value', async () => {
    const url = `/api/schools/${school.schoolId}/journal/pages/${pageId}`;
    // the first writer's row, inserted and not yet committed
    const first = await db.pool.connect();
    try {
      await first.query('BEGIN');
      await first.query(`INSERT INTO journal_cell (school_id, lesson_id, pupil_id, mark) VALUES ($1, $2, $3, '7')`, [school.schoolId, lessons[0], pupil]);
      // the second writer reads the cell as empty (version 0) and waits on the first one's row
      const second = math.put(`${url}/entries`, { cells: [{ lessonId: lessons[0], pupilId: pupil, mark: '11', absent: false, version: 0 }] });
      await new Promise((r) => setTimeout(r, 300));
      await first.query('COMMIT');
      const res = await second;
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.conflicts).toEqual([expect.objectContaining({ lessonId: lessons[0], pupilId: pupil, mark: '7', version: 1 })]);
    } finally {
      first.release();
    }
    const grid = (await math.get(url)).json();
    expect(grid.cells.filter((c: unknown[]) => c[0] === lessons[0] && c[1] === pupil).map((c: unknown[]) => c[2])).toEqual(['7']);
  });
});
