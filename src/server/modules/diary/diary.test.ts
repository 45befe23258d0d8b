import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { type Agent, actAs, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';

let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
let schoolId: number;
let classId: number;
let pageUrl: string;
let lessons: number[];
const pupils: Record<string, number> = {};

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2025-10-15' });
  const cityId = await f.buildCity(db);
  const school = await f.buildSchool(db, cityId);
  schoolId = school.schoolId;
  const teacher = await f.buildStaff(db, schoolId, 'math', ['teacher']);
  const classTeacher = await f.buildStaff(db, schoolId, 'ct', ['teacher']);
  await f.buildStaff(db, schoolId, 'other.ct', ['teacher']);
  classId = await f.buildClass(db, school, 6, 'А', classTeacher);
  const otherClass = await f.buildClass(db, school, 6, 'Б', (await actAs(app, 'other.ct').then((a) => a.get('/api/auth/me'))).json().userId);
  const parentId = await f.buildUser(db, 'mama');
  const pupilUser = await f.buildUser(db, 'olia');
  pupils.olia = await f.buildPupil(db, schoolId, classId, ['Коваль', 'Оля'], pupilUser);
  pupils.petro = await f.buildPupil(db, schoolId, classId, ['Шевчук', 'Петро']);
  await f.buildPupil(db, schoolId, otherClass, ['Інший', 'Клас']);
  await f.buildGuardian(db, schoolId, pupils.olia, parentId);
  const pageId = await f.buildPage(db, school, { classId, subject: 'Математика', teacherId: teacher });
  await f.buildPage(db, school, { classId, subject: 'Історія України', teacherId: teacher });
  await f.buildPage(db, school, { classId, subject: 'Англійська мова', teacherId: teacher });
  lessons = await f.buildLessons(db, schoolId, pageId, ['2025-10-13', '2025-10-14', '2025-10-20']);
  pageUrl = `/api/schools/${schoolId}/journal/pages/${pageId}`;
  for (const login of ['math', 'ct', 'other.ct', 'mama', 'olia']) as[login] = await actAs(app, login);
  const saved = await as.math.put(`${pageUrl}/entries`, {
    cells: [
      { lessonId: lessons[0], pupilId: pupils.olia, mark: '11', absent: false, version: 0 },
      { lessonId: lessons[1], pupilId: pupils.olia, mark: '', absent: true, version: 0 },
      { lessonId: lessons[0], pupilId: pupils.petro, mark: '4', absent: false, version: 0 },
    ],
  });
  expect(saved.statusCode).toBe(200);
  await as.math.request({ method: 'PATCH', url: `${pageUrl}/lessons/${lessons[0]}`, payload: { topic: 'Дроби', homework: '№ 45', version: 1 } });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe(`diary (${testEngine})`, () => {
  it('shows the parent their child’s week with topics, homework, marks and absences as soon as saved', async () => {
    const res = await as.mama.get(`/api/schools/${schoolId}/diary/${pupils.olia}/week?date=2025-10-15`);
    expect(res.statusCode).toBe(200);
    const week = res.json();
    expect(week).toMatchObject({ weekStart: '2025-10-13', weekEnd: '2025-10-18', pupil: { name: 'Коваль Оля', classLabel: '6-А' } });
    expect(week.lessons.map((l: { date: string; mark: string; absent: boolean; topic: string; homework: string }) => [l.date, l.mark, l.absent, l.topic, l.homework])).toEqual([
      ['2025-10-13', '11', false, 'Дроби', '№ 45'],
      ['2025-10-14', '', true, '', ''],
    ]);
    expect(res.body).not.toContain('"4"');
  });

  it('lets the pupil see their own diary by subject', async () => {
    const res = await as.olia.get(`/api/schools/${schoolId}/diary/${pupils.olia}/subjects`);
    expect(res.statusCode).toBe(200);
    const math = res.json().subjects.find((s: { subjectName: string }) => s.subjectName === 'Математика');
    expect(math).toEqual({ pageId: expect.any(Number), subjectName: 'Математика', marks: [{ date: '2025-10-13', mark: '11' }], absences: 1, summary: [] });
    expect(res.json().subjects.map((s: { subjectName: string }) => s.subjectName)).toEqual(['Англійська мова', 'Історія України', 'Математика']);
  });

  it('refuses another family’s child, and another class’s teacher', async () => {
    expect((await as.mama.get(`/api/schools/${schoolId}/diary/${pupils.petro}/week`)).statusCode).toBe(403);
    expect((await as.olia.get(`/api/schools/${schoolId}/diary/${pupils.petro}/week`)).statusCode).toBe(403);
    expect((await as['other.ct'].get(`/api/schools/${schoolId}/diary/${pupils.olia}/week`)).statusCode).toBe(403);
    expect((await as.math.get(`/api/schools/${schoolId}/diary/${pupils.olia}/week`)).statusCode).toBe(403);
    expect((await as.ct.get(`/api/schools/${schoolId}/diary/${pupils.olia}/week`)).statusCode).toBe(200);
  });

  it('answers 400 to a bad date', async () => {
    const res = await as.mama.get(`/api/schools/${schoolId}/diary/${pupils.olia}/week?date=15.10.2025`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([{ path: 'date', message: 'Неправильна дата.' }]);
  });
});

describe(`class teacher (${testEngine})`, () => {
  it('sees the attendance summary and records a reason', async () => {
    const url = `/api/schools/${schoolId}/classes/${classId}`;
    const before = (await as.ct.get(`${url}/attendance`)).json();
    expect(before.pupils.find((p: { id: number }) => p.id === pupils.olia)).toMatchObject({ missedLessons: 1, missedDays: 1, unexplained: 1, illness: 0 });
    const put = await as.ct.put(`${url}/absence-reasons`, { pupilId: pupils.olia, day: '2025-10-14', reason: 'illness', note: 'довідка' });
    expect(put.statusCode).toBe(200);
    const after = (await as.ct.get(`${url}/attendance`)).json();
    expect(after.pupils.find((p: { id: number }) => p.id === pupils.olia)).toMatchObject({ illness: 1, unexplained: 0 });
    expect(after.days).toEqual([{ pupilId: pupils.olia, day: '2025-10-14', lessons: 1, reason: 'illness', note: 'довідка' }]);
  });

  it('refuses another class’s teacher and a bad reason', async () => {
    const url = `/api/schools/${schoolId}/classes/${classId}`;
    expect((await as['other.ct'].get(`${url}/attendance`)).statusCode).toBe(403);
    expect((await as.math.get(`${url}/attendance`)).statusCode).toBe(403);
    const bad = await as.ct.put(`${url}/absence-reasons`, { pupilId: pupils.olia, day: '2025-10-14', reason: 'holiday' });
    expect(bad.statusCode).toBe(400);
  });

  it('builds the summary sheet', async () => {
    const res = await as.ct.get(`/api/schools/${schoolId}/classes/${classId}/summary-sheet`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ classLabel: '6-А', pupils: [{ name: 'Коваль Оля' }, { name: 'Шевчук Петро' }] });
    // Ukrainian alphabetical order of subjects, not byte order (І < А in bytes)
    expect(res.json().subjects.map((s: { subjectName: string }) => s.subjectName)).toEqual(['Англійська мова', 'Історія України', 'Математика']);
  });
});
