import type { TConfig } from '../config.js';
import { type Database, openPglite, openPostgres } from './database.js';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in DATA_DIR. */
export async function openConfiguredDatabase(config: TConfig): Promise<Database> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL, config.DATABASE_POOL_MAX);
  return openPglite({ dataDir: config.DATA_DIR });
}

/** True when the database has no city yet (a new database). */
export async function isEmptyDatabase(db: Database): Promise<boolean> {
  const r = await db.pool.query('SELECT NOT EXISTS (SELECT 1 FROM city) AS empty');
  return r.rows[0].empty;
}
