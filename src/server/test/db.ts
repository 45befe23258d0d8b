import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../db/database.js';
import { withDatabase } from './global-setup.js';

/** The engine the tests run on: PostgreSQL when TEST_DATABASE_URL is set, else PGlite. */
export const testEngine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** A fresh, migrated database of its own for one test file. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `klasnyi_t_${process.env.KLASNYI_TEST_RUN}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.KLASNYI_TEST_TEMPLATE}`);
    } finally {
      await admin.end();
    }
    const db = openPostgres(withDatabase(url, name), 5);
    const close = db.close;
    db.close = async () => {
      await close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name}`);
      await a.end();
    };
    return db;
  }
  const dump = readFileSync(process.env.KLASNYI_TEST_DUMP!);
  return openPglite({ loadDataDir: new Blob([dump]) });
}
