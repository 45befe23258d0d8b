import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { enqueueJob } from '../../jobs/queue.js';
import { runOneJob, scheduleRecurring, tick } from '../../jobs/worker.js';
import { backfillWeeklyReports } from './report.service.js';
import { type Agent, actAs, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';
import { buildFixture, type Fixture, sql, TODAY } from './test-fixture.js';

let db: Database;
let app: FastifyInstance;
let fx: Fixture;
let other: f.BuiltSchool;
const as: Record<string, Agent> = {};
const quiet = { error: () => undefined, info: () => undefined };

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY });
  fx = await buildFixture(db, 'wk');
  const s = fx.school.schoolId;
  const h1 = await f.buildStaff(db, s, 'wk-head', ['head']);
  const h2 = await f.buildStaff(db, s, 'wk-head-b', ['head', 'teacher']);
  await f.buildStaff(db, s, 'wk-head-noemail', ['head']);
  await f.buildStaff(db, s, 'wk-ctrl', ['controller']);
  other = await f.buildSchool(db, fx.cityId, 'Ліцей 2');
  const h3 = await f.buildStaff(db, other.schoolId, 'wk-head2', ['head']);
  await sql(db, `UPDATE app_user SET email = login || '@school.ua' WHERE id = ANY($1::int[])`, [[h1, h2, h3]]);
  for (const login of ['wk-head', 'wk-ctrl', 'wk-math', 'wk-head2']) as[login] = await actAs(app, login);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const outbox = async () =>
  (await sql(db, `SELECT to_address AS "to", subject, attachments, school_id AS "schoolId", dedupe_key AS key FROM outbox_email ORDER BY to_address`)).rows;
const reports = async () => (await sql(db, 'SELECT school_id AS "schoolId", week, level FROM control_weekly_report ORDER BY school_id, week')).rows;

describe(`weekly report job (${testEngine})`, () => {
  it('builds last week’s report once per school and e-mails each head with an e-mail address the XLSX', async () => {
    await tick(db, quiet);
    expect(await reports()).toEqual([
      { schoolId: fx.school.schoolId, week: '2025-W41', level: 0.6131 },
      { schoolId: other.schoolId, week: '2025-W41', level: 1 },
    ]);
    // the earlier weeks of the year are filled in a few minutes later, and not e-mailed
    await sql(db, `UPDATE job SET run_at = now() WHERE kind = 'control.weekly.backfill'`);
    await tick(db, quiet);
    const weeks = ['2025-W36', '2025-W37', '2025-W38', '2025-W39', '2025-W40', '2025-W41'];
    expect((await reports()).map((r) => `${r.schoolId}:${r.week}`)).toEqual([
      ...weeks.map((w) => `${fx.school.schoolId}:${w}`),
      ...weeks.map((w) => `${other.schoolId}:${w}`),
    ]);
    expect((await reports()).filter((r) => r.week === '2025-W41').map((r) => r.level)).toEqual([0.6131, 1]);
    const emailed = await sql(db, 'SELECT week FROM control_weekly_report WHERE emailed_at IS NOT NULL ORDER BY school_id');
    expect(emailed.rows.map((r) => r.week)).toEqual(['2025-W41', '2025-W41']);
    const mails = await outbox();
    expect(mails.map((m) => [m.to, m.schoolId])).toEqual([
      ['wk-head-b@school.ua', fx.school.schoolId],
      ['wk-head2@school.ua', other.schoolId],
      ['wk-head@school.ua', fx.school.schoolId],
    ]);
    expect(mails[2].subject).toBe('Рівень заповнення журналів за тиждень 06.10.2025 – 12.10.2025: 61,3 %');
    const [att] = mails[2].attachments;
    expect(att).toMatchObject({ filename: 'zapovnennia-2025-W41.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(att.content, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Підсумок', 'Вчителі', 'Класи', 'Предмети', 'Сторінки']);
    expect(wb.getWorksheet('Підсумок')!.getCell('A1').value).toBe('Рівень заповнення журналів: Гімназія wk');
    expect(wb.getWorksheet('Вчителі')!.getRow(2).getCell(2).value).toBe(0.4762);
  });

  it('does not run twice for the same week, even when queued again', async () => {
    await tick(db, quiet);
    await scheduleRecurring(db, new Date('2030-01-07T08:00:00Z'));
    await tick(db, quiet);
    expect(await reports()).toHaveLength(12);
    expect(await outbox()).toHaveLength(3);
    const jobs = await sql(db, `SELECT count(*)::int AS n FROM job WHERE kind = 'control.weekly.school'`);
    expect(jobs.rows[0].n).toBe(2);
  });

  it('resumes a school’s job whose runner died, and moves on with the next week', async () => {
    await sql(db, `DELETE FROM control_weekly_report WHERE school_id = $1 AND week = '2025-W40'`, [other.schoolId]);
    const id = await withSystem(db, (c) =>
      enqueueJob(c, { kind: 'control.weekly.school', payload: { schoolId: other.schoolId, week: '2025-W40' }, dedupeKey: 'control.weekly.school:test-resume' }),
    );
    await sql(db, `UPDATE job SET status = 'running', attempts = 1, locked_until = now() - interval '1 minute' WHERE id = $1`, [id]);
    expect(await runOneJob(db, quiet)).toBe(true);
    expect((await sql(db, 'SELECT status, result FROM job WHERE id = $1', [id])).rows[0]).toEqual({
      status: 'done',
      result: { week: '2025-W40', created: true, emails: 1 },
    });
    db.today = '2025-10-21';
    await scheduleRecurring(db, new Date('2030-01-14T08:00:00Z'));
    await tick(db, quiet);
    db.today = TODAY;
    expect((await reports()).filter((r) => r.week === '2025-W42').map((r) => r.schoolId)).toEqual([fx.school.schoolId, other.schoolId]);
    expect(await reports()).toHaveLength(14);
    expect(await outbox()).toHaveLength(7);
  });
});

describe(`weekly reports backfill (${testEngine})`, () => {
  it('lets the event loop turn between weeks, so requests are served meanwhile', async () => {
    await sql(db, `DELETE FROM control_weekly_report WHERE school_id = $1 AND week IN ('2025-W37', '2025-W38', '2025-W39')`, [other.schoolId]);
    let turns = 0;
    const timer = setInterval(() => {
      turns++;
    }, 0);
    const seen: number[] = [];
    try {
      const n = await backfillWeeklyReports(db, other.schoolId, '2025-W40', {
        progress: async () => {
          seen.push(turns);
        },
      });
      expect(n).toBeGreaterThanOrEqual(3);
      expect(seen).toHaveLength(n);
    } finally {
      clearInterval(timer);
    }
    // a timer fired between every two weeks
    for (let i = 1; i < seen.length; i++) expect(seen[i], `after week ${i + 1}`).toBeGreaterThan(seen[i - 1]);
    expect((await reports()).filter((r) => r.schoolId === other.schoolId && ['2025-W37', '2025-W38', '2025-W39'].includes(r.week))).toHaveLength(3);
  });
});

describe(`weekly reports in the app (${testEngine})`, () => {
  it('lists and opens the reports, and downloads XLSX and PDF; only the school’s leadership', async () => {
    const base = `/api/schools/${fx.school.schoolId}/analysis/reports`;
    expect((await as['wk-math'].get(base)).statusCode).toBe(403);
    expect((await as['wk-head2'].get(base)).statusCode).toBe(403);
    const list = (await as['wk-ctrl'].get(base)).json();
    expect(list.reports.map((r: { week: string }) => r.week)).toEqual(['2025-W42', '2025-W41', '2025-W40', '2025-W39', '2025-W38', '2025-W37', '2025-W36']);
    expect(list.reports[1]).toMatchObject({ from: '2025-10-06', to: '2025-10-12', level: 0.6131, emailedAt: expect.any(String) });
    expect(list.reports[2]).toMatchObject({ week: '2025-W40', emailedAt: null });
    const one = (await as['wk-head'].get(`${base}/2025-W41`)).json();
    expect(one.data).toMatchObject({ schoolName: 'Гімназія wk', school: { planned: 4 }, remarks: { open: 0, overdue: 0 } });
    expect(JSON.stringify(one.data)).not.toMatch(/Іваненко|Яковенко|Вербова/);
    // a report made before a setting existed still opens
    await sql(db, `UPDATE control_weekly_report SET data = data #- '{settings,homeworkFreeSubjects}' WHERE school_id = $1 AND week = '2025-W40'`, [fx.school.schoolId]);
    expect((await as['wk-head'].get(`${base}/2025-W40`)).json().data.settings.homeworkFreeSubjects).toEqual([]);
    expect((await as['wk-head'].get(`${base}/2025-W30`)).statusCode).toBe(404);
    expect((await as['wk-head'].get(`${base}/2025-41`)).statusCode).toBe(400);
    const xlsx = await as['wk-head'].get(`${base}/2025-W41/xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await as['wk-head'].get(`${base}/2025-W41/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="zapovnennia-2025-W41.pdf"');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain('DejaVuSans');
  });
});
