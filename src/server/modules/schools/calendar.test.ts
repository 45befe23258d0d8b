import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';

// Wednesday 15 October 2025
const TODAY = '2025-10-15';

let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
let a: f.BuiltSchool;
let b: f.BuiltSchool;
let far: f.BuiltSchool;
let cityId: number;
let otherCityId: number;
const page: Record<string, number> = {};

async function lessonsOf(pageId: number, from = '2025-10-01', to = '2025-11-30') {
  const r = await withSystem(db, (c) =>
    c.query(
      `SELECT lesson_date AS date, remote, off_schedule AS "offSchedule" FROM lesson
       WHERE page_id = $1 AND lesson_date BETWEEN $2 AND $3 ORDER BY lesson_date, period`,
      [pageId, from, to],
    ),
  );
  return r.rows as { date: string; remote: boolean; offSchedule: string | null }[];
}
const datesOf = async (pageId: number, from?: string, to?: string) => (await lessonsOf(pageId, from, to)).map((l) => l.date);

/** A page of a school placed on Monday and Wednesday, period 1, from today. */
async function pageWithTimetable(s: f.BuiltSchool, admin: string, teacherLogin: string): Promise<number> {
  const teacherId = await f.buildStaff(db, s.schoolId, teacherLogin, ['teacher']);
  const classId = await f.buildClass(db, s, 6, 'А');
  const pageId = await f.buildPage(db, s, { classId, subject: 'Математика', teacherId });
  for (const weekday of [1, 3]) {
    const res = await as[admin].post(`/api/schools/${s.schoolId}/timetable/entries`, { pageId, weekday, period: 1, from: TODAY });
    expect(res.statusCode).toBe(200);
  }
  return pageId;
}

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY });
  cityId = await f.buildCity(db, 'Кропивницький');
  otherCityId = await f.buildCity(db, 'Інше місто');
  a = await f.buildSchool(db, cityId, 'Ліцей А');
  b = await f.buildSchool(db, cityId, 'Гімназія Б');
  far = await f.buildSchool(db, otherCityId, 'Далека школа');
  await f.buildStaff(db, a.schoolId, 'admin.a', ['admin']);
  await f.buildStaff(db, b.schoolId, 'admin.b', ['admin']);
  await f.buildStaff(db, far.schoolId, 'admin.far', ['admin']);
  await f.buildCitySpecialist(db, cityId, 'city');
  await f.buildCitySpecialist(db, otherCityId, 'city.other');
  for (const login of ['admin.a', 'admin.b', 'admin.far', 'city', 'city.other']) as[login] = await actAs(app, login);
  page.a = await pageWithTimetable(a, 'admin.a', 'teacher.a');
  page.b = await pageWithTimetable(b, 'admin.b', 'teacher.b');
  page.far = await pageWithTimetable(far, 'admin.far', 'teacher.far');
  as.teacher = await actAs(app, 'teacher.a');
  // a lesson of the past, and a future lesson with a topic inside the coming holiday
  await f.buildLessons(db, a.schoolId, page.a, ['2025-10-06']);
  await withSystem(db, (c) => c.query(`UPDATE lesson SET topic = 'Відсотки' WHERE page_id = $1 AND lesson_date = '2025-10-29'`, [page.a]));
}, 180_000);
afterAll(async () => {
  await app.close();
  await db.close();
});

const url = () => `/api/schools/${a.schoolId}/calendar`;

describe(`school calendar (${testEngine})`, () => {
  it('shows the year, semesters and school days', async () => {
    const res = await as.teacher.get(url());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.year).toMatchObject({ name: '2025/2026', startsOn: '2025-09-01', endsOn: '2026-06-30' });
    expect(body.semesters).toHaveLength(2);
    // Monday to Saturday, 1 Sep to 24 Dec 2025: 16 weeks x 6 + 3 days
    expect(body.schoolDays[0]).toEqual({ semester: 1, days: 99 });
  });

  it('a new holiday removes the empty lessons in it only; a lesson with entries stays, flagged', async () => {
    const before = await datesOf(page.a);
    expect(before).toEqual(['2025-10-06', '2025-10-15', '2025-10-20', '2025-10-22', '2025-10-27', '2025-10-29', '2025-11-03', '2025-11-05', '2025-11-10', '2025-11-12', '2025-11-17', '2025-11-19', '2025-11-24', '2025-11-26']);
    const res = await as['admin.a'].post(`${url()}/periods`, { kind: 'holiday', startsOn: '2025-10-27', endsOn: '2025-11-02', name: 'Осінні канікули' });
    expect(res.statusCode).toBe(200);
    expect(res.json().lessons).toEqual({ added: 0, removed: 1, flagged: 1 });
    const after = await lessonsOf(page.a);
    expect(after.map((l) => l.date)).toEqual(before.filter((d) => d !== '2025-10-27'));
    expect(after.find((l) => l.date === '2025-10-29')?.offSchedule).toBe('calendar');
    // the other school of the city keeps its lessons
    expect(await datesOf(page.b)).toContain('2025-10-27');
    expect(res.json().calendar.periods).toHaveLength(1);
  });

  it('a holiday in the past changes no lesson', async () => {
    const res = await as['admin.a'].post(`${url()}/periods`, { kind: 'day_off', startsOn: '2025-10-06', endsOn: '2025-10-06', name: '' });
    expect(res.json().lessons).toEqual({ added: 0, removed: 0, flagged: 0 });
    expect(await datesOf(page.a)).toContain('2025-10-06');
  });

  it('removing the holiday brings the lessons back and clears the flag', async () => {
    const holiday = (await as['admin.a'].get(url())).json().periods.find((p: { kind: string }) => p.kind === 'holiday');
    const res = await as['admin.a'].request({ method: 'DELETE', url: `${url()}/periods/${holiday.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().lessons).toEqual({ added: 1, removed: 0, flagged: 0 });
    const after = await lessonsOf(page.a);
    expect(after.map((l) => l.date)).toContain('2025-10-27');
    expect(after.find((l) => l.date === '2025-10-29')?.offSchedule).toBeNull();
  });

  it('remote-learning days turn their empty lessons remote; made a holiday, the lessons go', async () => {
    const res = await as['admin.a'].post(`${url()}/periods`, { kind: 'remote', startsOn: '2025-11-03', endsOn: '2025-11-05' });
    expect(res.json().lessons).toEqual({ added: 0, removed: 0, flagged: 0 });
    const lessons = await lessonsOf(page.a, '2025-11-01', '2025-11-10');
    expect(lessons.map((l) => [l.date, l.remote])).toEqual([['2025-11-03', true], ['2025-11-05', true], ['2025-11-10', false]]);
    const period = res.json().calendar.periods.find((p: { kind: string }) => p.kind === 'remote');
    const moved = await as['admin.a'].request({ method: 'PATCH', url: `${url()}/periods/${period.id}`, payload: { kind: 'holiday' } });
    expect(moved.json().lessons).toEqual({ added: 0, removed: 2, flagged: 0 });
  });

  it('moves the semesters and regenerates the lessons after today', async () => {
    const res = await as['admin.a'].put(`${url()}/year`, {
      startsOn: '2025-09-01',
      endsOn: '2026-06-30',
      semesters: [
        { number: 1, startsOn: '2025-09-01', endsOn: '2025-12-19' },
        { number: 2, startsOn: '2026-01-12', endsOn: '2026-05-29' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const dates = await datesOf(page.a, '2025-12-15', '2026-01-20');
    expect(dates).toEqual(['2025-12-15', '2025-12-17', '2026-01-12', '2026-01-14', '2026-01-19']);
  });

  it('refuses bad dates with messages in Ukrainian or English, changing nothing', async () => {
    const before = await as['admin.a'].get(url());
    const body = { startsOn: '2025-09-01', endsOn: '2026-06-30', semesters: [{ number: 1, startsOn: '2025-09-01', endsOn: '2026-02-01' }, { number: 2, startsOn: '2026-01-12', endsOn: '2026-05-29' }] };
    const uk = await as['admin.a'].put(`${url()}/year`, body);
    expect(uk.statusCode).toBe(400);
    expect(uk.json().error.message).toBe('Семестри мають бути в межах навчального року, іти по черзі й не перетинатися.');
    const en = await as['admin.a'].put(`${url()}/year`, body, 'en');
    expect(en.json().error.message).toBe('Semesters must lie within the school year, in order, without overlapping.');
    const outside = await as['admin.a'].post(`${url()}/periods`, { kind: 'holiday', startsOn: '2026-06-25', endsOn: '2026-07-05' }, 'en');
    expect(outside.json().error.message).toBe('The date 2026-07-05 is outside the school year (2025-09-01 – 2026-06-30).');
    const bad = await as['admin.a'].post(`${url()}/periods`, { kind: 'vacation', startsOn: '2025-11-31', endsOn: '2025-11-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((x: { path: string }) => x.path).sort()).toEqual(['kind', 'startsOn']);
    expect((await as['admin.a'].get(url())).json()).toEqual(before.json());
  });

  it('lets only the administrator and head of the school change it', async () => {
    expect((await as.teacher.post(`${url()}/periods`, { kind: 'holiday', startsOn: '2025-12-01', endsOn: '2025-12-01' })).statusCode).toBe(403);
    expect((await as['admin.b'].post(`${url()}/periods`, { kind: 'holiday', startsOn: '2025-12-01', endsOn: '2025-12-01' })).statusCode).toBe(403);
    expect((await as['admin.b'].get(url())).statusCode).toBe(403);
    expect((await anonymous(app, 'GET', url())).statusCode).toBe(401);
    expect((await as['admin.a'].get(url())).json().periods.some((p: { startsOn: string }) => p.startsOn === '2025-12-01')).toBe(false);
  });
});

describe(`city days off (${testEngine})`, () => {
  const cityUrl = () => `/api/cities/${cityId}/days-off`;

  it('a day off declared by the city reaches every school of the city, and no other', async () => {
    expect(await datesOf(page.a)).toContain('2025-11-10');
    expect(await datesOf(page.b)).toContain('2025-11-10');
    const res = await as.city.post(cityUrl(), { day: '2025-11-10', name: 'Жалоба' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ schools: 2, lessons: { added: 0, removed: 2, flagged: 0 } });
    expect(res.json().daysOff.daysOff).toEqual([{ day: '2025-11-10', name: 'Жалоба' }]);
    expect(await datesOf(page.a)).not.toContain('2025-11-10');
    expect(await datesOf(page.b)).not.toContain('2025-11-10');
    expect(await datesOf(page.far)).toContain('2025-11-10');
    const cal = (await as['admin.b'].get(`/api/schools/${b.schoolId}/calendar`)).json();
    expect(cal.cityDaysOff).toEqual([{ day: '2025-11-10', name: 'Жалоба' }]);
  });

  it('refuses the same day twice (uk and en) and changes nothing', async () => {
    const uk = await as.city.post(cityUrl(), { day: '2025-11-10', name: 'Ще раз' });
    expect(uk.statusCode).toBe(409);
    expect(uk.json().error.message).toBe('День 2025-11-10 уже оголошено вихідним.');
    const en = await as.city.post(cityUrl(), { day: '2025-11-10', name: 'Again' }, 'en');
    expect(en.json().error.message).toBe('The day 2025-11-10 is already declared off.');
    const empty = await as.city.post(cityUrl(), { day: '2025-11-11', name: ' ' }, 'en');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields[0]).toEqual({ path: 'name', message: 'This field is required.' });
    expect((await as.city.get(cityUrl())).json().daysOff).toHaveLength(1);
  });

  it('is declared only by the specialists of that city', async () => {
    expect((await as['city.other'].post(cityUrl(), { day: '2025-11-12', name: 'x' })).statusCode).toBe(403);
    expect((await as['admin.a'].post(cityUrl(), { day: '2025-11-12', name: 'x' })).statusCode).toBe(403);
    expect((await as['admin.a'].get(cityUrl())).statusCode).toBe(403);
    expect(await datesOf(page.a)).toContain('2025-11-12');
  });

  it('withdrawing it brings the lessons back in every school', async () => {
    const res = await as.city.request({ method: 'DELETE', url: `${cityUrl()}/2025-11-10` });
    expect(res.statusCode).toBe(200);
    expect(res.json().lessons).toEqual({ added: 2, removed: 0, flagged: 0 });
    expect(await datesOf(page.a)).toContain('2025-11-10');
    expect(await datesOf(page.b)).toContain('2025-11-10');
  });
});
