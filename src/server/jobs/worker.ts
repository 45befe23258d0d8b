import type { Database } from '../db/database.js';
import { withSystem } from '../db/tenancy.js';
import { claimJob, enqueueJob, failJob, finishJob, type JobRow, setJobProgress } from './queue.js';

/** What the worker logs through: pino's logger or anything with the same two methods. */
export interface Logger {
  error(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
}

const consoleLogger: Logger = {
  error: (obj, msg) => console.error(msg ?? '', obj),
  info: (obj, msg) => console.log(msg ?? '', obj),
};

export interface JobContext {
  db: Database;
  job: JobRow;
  /** reports progress and extends the job's lock */
  progress(done: number, total: number, message?: string): Promise<void>;
  log: Logger;
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

/** A job queued again and again: `key(now)` names the period (e.g. the ISO week), so each period runs once. */
export interface Recurring {
  kind: string;
  /** the period key for a moment, or null when it is not yet time in this period */
  key(now: Date): string | null;
  payload?(now: Date): Record<string, unknown>;
}

const handlers = new Map<string, JobHandler>();
const recurring: Recurring[] = [];
const periodic: ((db: Database) => Promise<void>)[] = [];

/** Registers the code that runs jobs of one kind (modules call this when imported). */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export function registerRecurringJob(r: Recurring): void {
  recurring.push(r);
}

/** Work done on every tick (e.g. sending due e-mails from the outbox). */
export function registerPeriodicTask(task: (db: Database) => Promise<void>): void {
  periodic.push(task);
}

const LOCK_SECONDS = 120;

/** Runs one due job, if any; returns whether it ran one. */
export async function runOneJob(db: Database, log: Logger = consoleLogger): Promise<boolean> {
  const job = await claimJob(db, [...handlers.keys()], LOCK_SECONDS);
  if (!job) return false;
  const handler = handlers.get(job.kind)!;
  try {
    const result = await handler({ db, job, log, progress: (done, total, message) => setJobProgress(db, job.id, { done, total, message }, LOCK_SECONDS) });
    await finishJob(db, job.id, result);
  } catch (err) {
    log.error({ err, jobId: job.id, kind: job.kind }, 'job failed');
    await failJob(db, job, err instanceof Error ? err.message : String(err));
  }
  return true;
}

/** Queues the recurring jobs whose period has come (idempotent across app processes). */
export async function scheduleRecurring(db: Database, now = new Date()): Promise<void> {
  for (const r of recurring) {
    const key = r.key(now);
    if (key) await withSystem(db, (c) => enqueueJob(c, { kind: r.kind, payload: r.payload?.(now) ?? {}, dedupeKey: `${r.kind}:${key}` }));
  }
}

/** Drains due jobs and periodic tasks; tests call this instead of waiting for the timer. */
export async function tick(db: Database, log: Logger = consoleLogger): Promise<void> {
  await scheduleRecurring(db);
  for (const task of periodic) await task(db);
  while (await runOneJob(db, log)) {
    // keep going while there is work, letting waiting requests in between jobs: with the
    // embedded database the statements run in this thread, and a chain of awaits alone never
    // lets the event loop serve a socket
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Starts the background loop; returns a function that stops it. */
export function startWorker(db: Database, log: Logger, intervalMs = 5000): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const loop = async () => {
    if (stopped) return;
    running = tick(db, log).catch((err) => log.error({ err }, 'worker tick failed'));
    await running;
    if (!stopped) timer = setTimeout(loop, intervalMs);
  };
  let timer = setTimeout(loop, 1000);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
