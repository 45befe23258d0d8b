import type pg from 'pg';
import type { Database } from './database.js';

export type Client = pg.PoolClient;

export interface TenantContext {
  schoolId: number;
  userId: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The pinned today of a test or bench database (TODAY), or null. */
function pinnedToday(db: Database): string | null {
  return db.today && ISO_DATE.test(db.today) ? db.today : null;
}

/** Today's date as the journal sees it (YYYY-MM-DD, local to the server). */
export function todayOf(db: Database): string {
  if (db.today) return db.today;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * True when the client sends a query without waiting for the answers to earlier ones (pg's
 * pipeline mode, on PostgreSQL; see openPostgres). PGlite's single connection waits as before.
 */
function pipelined(c: Client): boolean {
  return (c as unknown as { pipeline?: boolean }).pipeline === true;
}

/**
 * The last statement of a transaction, returned by its work function instead of being run by
 * it: the transaction sends it together with COMMIT, so the write and its commit cost one round
 * trip. Nothing can run after it by construction (the work function has returned).
 */
export class LastStatement<T> {
  constructor(
    readonly query: pg.QueryConfig,
    readonly result: (r: pg.QueryResult) => T,
  ) {}
}

/** Runs query as the last statement of the transaction, then result(rows) is the transaction's value. */
export function lastStatement<T>(query: pg.QueryConfig, result: (r: pg.QueryResult) => T): LastStatement<T> {
  return new LastStatement(query, result);
}

/**
 * Runs send with the client's socket corked, so the messages of the queries it starts leave in
 * one write (one system call, one wake-up of the server) instead of one each.
 */
function corked<R>(c: Client, send: () => R): R {
  const stream = (c as unknown as { connection?: { stream?: { cork?: () => void; uncork?: () => void } } }).connection?.stream;
  stream?.cork?.();
  try {
    return send();
  } finally {
    stream?.uncork?.();
  }
}

/** What a transaction's work function returns: its value, or its last statement (see LastStatement), at once or later. */
export type Work<T> = (c: Client) => Promise<T | LastStatement<T>> | LastStatement<T>;

/** Sends a last statement and COMMIT; resolves to its result once committed (COMMIT of an aborted transaction answers ROLLBACK without an error). */
function sendLast(client: Client, last: LastStatement<unknown>): Promise<pg.QueryResult> {
  const r = client.query(last.query);
  const commit = client.query('COMMIT');
  return Promise.all([r, commit]).then(([result, done]) => {
    if (done.command !== 'COMMIT') throw new Error('the transaction was rolled back');
    return result;
  });
}

async function inTransaction<T>(db: Database, prelude: pg.QueryConfig | null, fn: Work<T>): Promise<T> {
  const client = await db.pool.connect();
  let open = true;
  try {
    if (!pipelined(client)) {
      await client.query('BEGIN');
      if (prelude) await client.query(prelude);
      const out = await fn(client);
      if (!(out instanceof LastStatement)) {
        await client.query('COMMIT');
        return out;
      }
      const r = await client.query(out.query);
      await client.query('COMMIT');
      open = false;
      return out.result(r);
    }
    // BEGIN, the prelude and fn's first statement go out together (one write, one round trip);
    // a last statement given at once goes with them, with the COMMIT. BEGIN is a statement of
    // its own, so a failing prelude leaves an open, aborted transaction in which everything
    // sent behind it fails: nothing runs outside the role and the school.
    const [ready, work, lastSent] = corked(client, () => {
      const ready = Promise.all([client.query('BEGIN'), prelude ? client.query(prelude) : undefined]);
      const work = fn(client);
      return [ready, work, work instanceof LastStatement ? sendLast(client, work) : undefined] as const;
    });
    ready.catch(() => undefined); // awaited below; a prelude error is the one reported
    lastSent?.catch(() => undefined);
    let out: T | LastStatement<T>;
    try {
      out = await work;
    } catch (err) {
      await ready;
      throw err;
    }
    if (!(out instanceof LastStatement)) {
      await ready;
      await client.query('COMMIT');
      return out;
    }
    const last = out;
    const sent = lastSent ?? corked(client, () => sendLast(client, last));
    sent.catch(() => undefined);
    await ready;
    const r = await sent;
    open = false;
    // after the COMMIT: result may still refuse (a read whose reader is checked on its rows)
    return last.result(r);
  } catch (err) {
    if (open) await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export interface SchoolOptions {
  /**
   * Plan the transaction's statements once per connection (plan_cache_mode force_generic_plan)
   * instead of once per call with its values: for a hot transaction of a few prepared
   * statements whose plan is the same whatever the values (key look-ups).
   */
  genericPlans?: boolean;
}

/** One SELECT of set_config(name, value, true) per setting, its values as parameters. */
function settingsQuery(name: string, settings: [string, string][]): pg.QueryConfig {
  const calls = settings.map(([setting], i) => `set_config('${setting}', $${i + 1}, true)`);
  return { name, text: `SELECT ${calls.join(', ')}`, values: settings.map(([, value]) => value) };
}

/**
 * Runs fn in one transaction as the restricted role with app.school_id set, so row-level
 * security hides every other school's rows whatever the SQL says. fn may return a
 * LastStatement (see lastStatement) to have its final statement sent together with COMMIT.
 */
export function withSchool<T>(db: Database, ctx: TenantContext, fn: Work<T>, opts: SchoolOptions = {}): Promise<T> {
  // one prepared statement: the role (set_config('role') is SET LOCAL ROLE), the school, the user,
  // the plan mode and a pinned today, planned once per connection and variant
  const settings: [string, string][] = [
    ['role', 'klasnyi_app'],
    ['app.school_id', String(Math.trunc(ctx.schoolId))],
    ['app.user_id', String(Math.trunc(ctx.userId))],
  ];
  if (opts.genericPlans) settings.push(['plan_cache_mode', 'force_generic_plan']);
  const today = pinnedToday(db);
  if (today) settings.push(['app.today', today]);
  const prelude = settingsQuery(`tenant-${opts.genericPlans ? 'g' : ''}${today ? 't' : ''}`, settings);
  return inTransaction(db, prelude, fn);
}

const stampedToday = new WeakMap<Client, string>();

/**
 * Runs fn on one connection as the owner role WITHOUT a transaction (each statement commits on
 * its own): for single-statement reads on the hot path, such as the session look-up before every
 * request. A pinned today is set once per connection (session-level), so app_today() is right.
 */
export async function withConnection<T>(db: Database, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    const today = pinnedToday(db) ?? '';
    if (stampedToday.get(client) !== today) {
      await client.query(`SELECT set_config('app.today', '${today}', false)`);
      stampedToday.set(client, today);
    }
    return await fn(client);
  } finally {
    client.release();
  }
}

/**
 * Runs fn in one transaction as the owner role: only for work that is not one school's
 * (accounts and sessions, city aggregates, migrations, the demo generator).
 */
export function withSystem<T>(db: Database, fn: Work<T>): Promise<T> {
  const today = pinnedToday(db);
  return inTransaction(db, today ? settingsQuery('system-t', [['app.today', today]]) : null, fn);
}
