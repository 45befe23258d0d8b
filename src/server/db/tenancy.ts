import type pg from 'pg';
import type { Database } from './database.js';

export type Client = pg.PoolClient;

export interface TenantContext {
  schoolId: number;
  userId: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function todaySql(db: Database): string {
  return db.today && ISO_DATE.test(db.today) ? `, set_config('app.today', '${db.today}', true)` : '';
}

/** Today's date as the journal sees it (YYYY-MM-DD, local to the server). */
export function todayOf(db: Database): string {
  if (db.today) return db.today;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function inTransaction<T>(db: Database, begin: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Runs fn in one transaction as the restricted role with app.school_id set, so row-level
 * security hides every other school's rows whatever the SQL says.
 */
export function withSchool<T>(db: Database, ctx: TenantContext, fn: (c: Client) => Promise<T>): Promise<T> {
  const schoolId = Math.trunc(ctx.schoolId);
  const userId = Math.trunc(ctx.userId);
  // integers only, so interpolation is safe; one round trip instead of three
  const begin = `BEGIN; SET LOCAL ROLE klasnyi_app; SELECT set_config('app.school_id', '${schoolId}', true), set_config('app.user_id', '${userId}', true)${todaySql(db)}`;
  return inTransaction(db, begin, fn);
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
    const today = db.today && ISO_DATE.test(db.today) ? db.today : '';
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
export function withSystem<T>(db: Database, fn: (c: Client) => Promise<T>): Promise<T> {
  return inTransaction(db, db.today ? `BEGIN; SELECT 1${todaySql(db)}` : 'BEGIN', fn);
}
