import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../db/database.js';
import { migrate } from '../db/migrate.js';

/**
 * Migrates once per test run: a PGlite dump every test file loads, or a PostgreSQL template
 * database every test file copies (TEST_DATABASE_URL). Dropped at the end.
 */
export default async function setup() {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env.KLASNYI_TEST_RUN = runId;
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `klasnyi_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const db = openPostgres(withDatabase(url, template), 1);
    await migrate(db);
    await db.close();
    process.env.KLASNYI_TEST_TEMPLATE = template;
    return async () => {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname LIKE 'klasnyi_t%${runId}%' AND pid <> pg_backend_pid()`,
      );
      const left = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'klasnyi_t%${runId}%'`);
      for (const row of left.rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname}`);
      await admin.end();
    };
  }
  const db = await openPglite({});
  await migrate(db);
  const dump = await db.pglite!.dumpDataDir('gzip');
  await db.close();
  const dir = join(tmpdir(), 'klasnyi-test');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-${runId}.tar.gz`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.KLASNYI_TEST_DUMP = file;
  return undefined;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
