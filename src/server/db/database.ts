import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';

// int8 ids and counts come back as numbers; our values stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric (hours a week, shares) as numbers
pg.types.setTypeParser(1700, (v) => Number(v));
// dates stay ISO strings 'YYYY-MM-DD': school days have no time zone
pg.types.setTypeParser(1082, (v) => v);

export type Engine = 'postgres' | 'pglite';

export interface Database {
  engine: Engine;
  pool: pg.Pool;
  /** the embedded engine, when running on PGlite */
  pglite?: PGlite;
  /** a pinned "today" (YYYY-MM-DD) for demos and tests; the real date when unset */
  today?: string;
  close(): Promise<void>;
}

/**
 * Opens PostgreSQL at url. The connections pipeline: a query is sent without waiting for the
 * answers to earlier ones, so a transaction's BEGIN and settings travel with its first
 * statement and its COMMIT with its last (src/server/db/tenancy.ts). Code that awaits each
 * query, as all code does, sees no difference.
 */
export function openPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max, pipeline: true });
  return { engine: 'postgres', pool, close: () => pool.end() };
}

/** Opens (creating if needed) the embedded PGlite database in dataDir, or from a dump. */
export async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  return {
    engine: 'pglite',
    pool,
    pglite,
    async close() {
      await pool.end();
      await pglite.close();
    },
  };
}
