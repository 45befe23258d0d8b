import type pg from 'pg';
import type { Database } from './database.js';

export type Client = pg.PoolClient;

export interface TenantContext {
  schoolId: number;
  userId: number;
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
  const begin = `BEGIN; SET LOCAL ROLE klasnyi_app; SELECT set_config('app.school_id', '${schoolId}', true), set_config('app.user_id', '${userId}', true)`;
  return inTransaction(db, begin, fn);
}

/**
 * Runs fn in one transaction as the owner role: only for work that is not one school's
 * (accounts and sessions, city aggregates, migrations, the demo generator).
 */
export function withSystem<T>(db: Database, fn: (c: Client) => Promise<T>): Promise<T> {
  return inTransaction(db, 'BEGIN', fn);
}
