import type { TAnalysis, TReportList, TTrend, TWeeklyReport, TWeeklyReportData } from '../../../shared/api/control.js';
import type { Database } from '../../db/database.js';
import { type TenantContext, todayOf, withSchool, withSystem } from '../../db/tenancy.js';
import { AppError } from '../../http/errors.js';
import { queueEmail } from '../../jobs/outbox.js';
import { enqueueJob } from '../../jobs/queue.js';
import { type JobContext, registerJobHandler, registerRecurringJob } from '../../jobs/worker.js';
import { buildAnalysis } from './analysis.service.js';
import { addDays, isoWeekOf, previousWeek, resolvePeriod, weekBounds } from './period.js';
import { remarkCounts } from './remarks.repo.js';
import { percent, uaDate } from './report.labels.js';
import { weeklyReportPdf } from './report.pdf.js';
import * as repo from './report.repo.js';
import { weeklyReportXlsx } from './report.xlsx.js';
import { SCHOOL_TIME_ZONE } from './settings.js';

export const WEEKLY_KIND = 'control.weekly';
export const WEEKLY_SCHOOL_KIND = 'control.weekly.school';
export const BACKFILL_KIND = 'control.weekly.backfill';
/** Earlier weeks are filled in a little later, not while the app is starting and people sign in. */
const BACKFILL_DELAY_MS = 5 * 60_000;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A week's report data: the analysis (no pupil names: it is e-mailed) and the remarks counts. */
async function buildReportData(db: Database, schoolId: number, week: string, today: string): Promise<TWeeklyReportData> {
  const a = await buildAnalysis(db, schoolId, resolvePeriod(today, weekBounds(week)), today);
  return reportDataOf(a, await remarksOf(db, schoolId));
}

async function remarksOf(db: Database, schoolId: number) {
  return (await withSchool(db, { schoolId, userId: 0 }, (c) => remarkCounts(c, [schoolId]))).get(schoolId) ?? { open: 0, overdue: 0 };
}

function reportDataOf(a: TAnalysis, remarks: { open: number; overdue: number }): TWeeklyReportData {
  const { schoolId: _id, today: _today, ...rest } = a;
  return { ...rest, remarks };
}

/**
 * Builds and stores a school's report of a week once; when asked, e-mails it (XLSX attached) to
 * the school's heads in the same transaction, so a retried job neither loses nor repeats e-mails.
 */
export async function prepareWeeklyReport(db: Database, schoolId: number, week: string, opts: { email: boolean }) {
  const today = todayOf(db);
  const data = await buildReportData(db, schoolId, week, today);
  return withSystem(db, async (c) => {
    const created = await repo.insertReport(c, { schoolId, week, from: data.period.from, to: data.period.to, level: data.school.level, data });
    if (!created || !opts.email) return { week, created, emails: 0 };
    const heads = await repo.headsWithEmail(c, schoolId);
    if (heads.length) {
      const content = (await weeklyReportXlsx(week, data)).toString('base64');
      const subject = `Рівень заповнення журналів за тиждень ${uaDate(data.period.from)} – ${uaDate(data.period.to)}: ${percent(data.school.level)}`;
      for (const head of heads) {
        await queueEmail(c, {
          to: head.email,
          subject,
          text: reportText(head.name, week, data),
          attachments: [{ filename: `zapovnennia-${week}.xlsx`, contentType: XLSX_TYPE, content }],
          schoolId,
          dedupeKey: `${WEEKLY_SCHOOL_KIND}:${schoolId}:${week}:${head.userId}`,
        });
      }
      await repo.markEmailed(c, schoolId, week);
    }
    return { week, created, emails: heads.length };
  });
}

function reportText(name: string, week: string, d: TWeeklyReportData): string {
  const behind = d.byTeacher.slice(0, 5).map((t) => `  ${t.key.name}: ${percent(t.figures.level)}`);
  return [
    `Шановний(а) ${name}!`,
    '',
    `Щотижневий аналіз заповнення журналів, ${d.schoolName}, тиждень ${week} (${uaDate(d.period.from)} – ${uaDate(d.period.to)}).`,
    `Рівень заповнення: ${percent(d.school.level)}. Проведено уроків: ${d.school.held} з ${d.school.planned}.`,
    `Пізні виправлення, що чекають перегляду: ${d.lateChangesPending}. Відкриті зауваження: ${d.remarks.open} (прострочені: ${d.remarks.overdue}).`,
    '',
    ...(behind.length ? ['Найнижчий рівень:', ...behind, ''] : []),
    'Докладно: у вкладенні (XLSX) і в Klasnyi, розділ «Аналіз заповнення».',
  ].join('\n');
}

/** Lets the event loop serve waiting requests (timers, sockets) before the next unit of work. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The date in Kyiv of a moment (the week turns at midnight Kyiv time). */
function kyivDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: SCHOOL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Queues one report job per school in session for the last full week (idempotent per school and week). */
async function fanOut(ctx: JobContext) {
  const week = previousWeek(todayOf(ctx.db));
  const { from, to } = weekBounds(week);
  return withSystem(ctx.db, async (c) => {
    const ids = await repo.schoolsInSession(c, from, to);
    for (const schoolId of ids) {
      await enqueueJob(c, { kind: WEEKLY_SCHOOL_KIND, payload: { schoolId, week }, schoolId, dedupeKey: `${WEEKLY_SCHOOL_KIND}:${schoolId}:${week}` });
    }
    return { week, schools: ids.length };
  });
}

let registered = false;

/** The weekly report jobs: one recurring job per ISO week fans out into one job per school. */
export function registerWeeklyReportJobs(): void {
  if (registered) return;
  registered = true;
  registerJobHandler(WEEKLY_KIND, fanOut);
  registerJobHandler(WEEKLY_SCHOOL_KIND, async (ctx) => {
    const { schoolId, week } = ctx.job.payload as { schoolId: number; week: string };
    const report = await prepareWeeklyReport(ctx.db, schoolId, week, { email: true });
    await withSystem(ctx.db, (c) =>
      enqueueJob(c, { kind: BACKFILL_KIND, payload: { schoolId, week }, schoolId, runAt: new Date(Date.now() + BACKFILL_DELAY_MS), dedupeKey: `${BACKFILL_KIND}:${schoolId}:${week}` }),
    );
    return report;
  });
  registerJobHandler(BACKFILL_KIND, async (ctx) => {
    const { schoolId, week } = ctx.job.payload as { schoolId: number; week: string };
    return { backfilled: await backfillWeeklyReports(ctx.db, schoolId, week, { progress: (done, total) => ctx.progress(done, total) }) };
  });
  registerRecurringJob({ kind: WEEKLY_KIND, key: (now) => isoWeekOf(kyivDay(now)) });
}

export async function listReports(db: Database, ctx: TenantContext): Promise<TReportList> {
  return { reports: await withSchool(db, ctx, (c) => repo.listReports(c, ctx.schoolId)) };
}

export async function getReport(db: Database, ctx: TenantContext, week: string): Promise<TWeeklyReport> {
  const r = await withSchool(db, ctx, (c) => repo.getReport(c, ctx.schoolId, week));
  if (!r) throw new AppError('not_found');
  return r;
}

/** A stored report as a file to download. */
export async function reportFile(db: Database, ctx: TenantContext, week: string, format: 'xlsx' | 'pdf') {
  const r = await getReport(db, ctx, week);
  if (format === 'xlsx') return { body: await weeklyReportXlsx(week, r.data), type: XLSX_TYPE, filename: `zapovnennia-${week}.xlsx` };
  return { body: await weeklyReportPdf(week, r.data), type: 'application/pdf', filename: `zapovnennia-${week}.pdf` };
}

/**
 * The school's level week by week over the semester containing the date, from the stored weekly
 * reports (the state each Monday's report recorded); a week without a report has no level. The
 * reports are cheap to read, so the chart costs nothing however long the semester is.
 */
export async function trend(db: Database, ctx: TenantContext, date?: string): Promise<TTrend> {
  const today = todayOf(db);
  const day = date ?? today;
  return withSchool(db, ctx, async (c) => {
    const sems = await c.query<{ number: number; startsOn: string; endsOn: string }>(
      `SELECT s.number, s.starts_on AS "startsOn", s.ends_on AS "endsOn" FROM semester s
       JOIN school_year y ON y.school_id = s.school_id AND y.id = s.year_id
       WHERE s.school_id = $1 AND y.starts_on <= $2 AND y.ends_on >= $2 ORDER BY s.number`,
      [ctx.schoolId, day],
    );
    const sem = sems.rows.find((s) => s.startsOn <= day && day <= s.endsOn) ?? sems.rows.filter((s) => s.startsOn <= day).at(-1) ?? sems.rows[0];
    if (!sem) return { semester: 0, from: day, to: day, weeks: [] };
    const weeks = weeksBetween(sem.startsOn, [sem.endsOn, addDays(today, -1)].sort()[0]);
    const stored = await repo.reportLevels(c, ctx.schoolId, weeks);
    return {
      semester: sem.number,
      from: sem.startsOn,
      to: sem.endsOn,
      weeks: weeks.map((week) => {
        const s = stored.get(week);
        return { week, ...weekBounds(week), level: s?.level ?? null, shares: (s?.shares as TTrend['weeks'][number]['shares']) ?? null };
      }),
    };
  });
}

/** The ISO weeks from the week of `from` to the week of `to`. */
function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let w = isoWeekOf(from); weekBounds(w).from <= to; w = isoWeekOf(addDays(weekBounds(w).from, 7))) weeks.push(w);
  return weeks;
}

/**
 * Prepares (without e-mail) the reports a school lacks for the full weeks of its current school year
 * before `week`: a school that starts using Klasnyi mid-year gets its trend at once. One
 * transaction per week, so a restarted job resumes where it stopped, and a turn of the event loop
 * between weeks: on the embedded database the statements run in this thread, so without it the
 * whole backfill (10-20 s for a school by November) kept every request waiting (measured: a
 * request waited 11.5 s on the first start of the demo).
 */
export async function backfillWeeklyReports(
  db: Database,
  schoolId: number,
  week: string,
  opts: { progress?: (done: number, total: number) => Promise<void>; maxWeeks?: number } = {},
) {
  const { from } = weekBounds(week);
  const missing = await withSchool(db, { schoolId, userId: 0 }, async (c) => {
    const y = await c.query<{ startsOn: string }>(
      `SELECT starts_on AS "startsOn" FROM school_year WHERE school_id = $1 AND starts_on < $2 AND ends_on >= $2 ORDER BY starts_on DESC LIMIT 1`,
      [schoolId, from],
    );
    if (!y.rowCount) return [];
    const weeks = weeksBetween(y.rows[0].startsOn, addDays(from, -1));
    const have = await repo.reportLevels(c, schoolId, weeks);
    // the most recent weeks first matter most: a limit keeps those
    const todo = weeks.filter((w) => !have.has(w));
    return opts.maxWeeks ? todo.slice(-opts.maxWeeks) : todo;
  });
  for (const [i, w] of missing.entries()) {
    await prepareWeeklyReport(db, schoolId, w, { email: false });
    await opts.progress?.(i + 1, missing.length);
    await yieldToRequests();
  }
  return missing.length;
}
