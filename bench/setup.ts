/** Bench data: a city on PostgreSQL (made once, reused while its parameters match) and the server. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';
import { openPostgres } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { seedDemo } from '../src/server/modules/demo/index.js';

export interface DataSpec {
  schools: number;
  seed: number;
  yearStart: number;
  today: string;
}

function dbUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates (or reuses) the bench database with the demo city of the given size; returns its URL. */
export async function ensureBenchDatabase(adminUrl: string, name: string, spec: DataSpec, log: (m: string) => void): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const marker = JSON.stringify(spec);
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount! > 0;
  const url = dbUrl(adminUrl, name);
  if (exists) {
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    const r = await probe.query(`SELECT settings->>'bench' AS spec FROM city LIMIT 1`).catch(() => ({ rows: [] as { spec: string }[] }));
    await probe.end();
    if (r.rows[0]?.spec === marker) {
      log(`reusing database ${name} (${marker})`);
      await admin.end();
      return url;
    }
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = openPostgres(url, 4);
  await migrate(db);
  const started = Date.now();
  const summary = await seedDemo(db, { schools: spec.schools, seed: spec.seed, yearStart: spec.yearStart, today: spec.today, onProgress: log });
  log(`generated in ${((Date.now() - started) / 1000).toFixed(0)} s: ${summary.pupils} pupils, ${summary.lessons} lessons, ${summary.cells} cells`);
  await db.pool.query(`UPDATE city SET settings = settings || jsonb_build_object('bench', $1::text)`, [marker]);
  await db.pool.query('VACUUM ANALYZE');
  await db.close();
  return url;
}

export interface Server {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the app as a child process and waits until it answers. */
export async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  // BENCH_NODE_ARGS: extra flags for the server's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', WORKER: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${out}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    proc,
    async stop() {
      proc.kill('SIGTERM');
      await Promise.race([once(proc, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}

/** Signs in and returns the headers a client sends (cookie, CSRF token). */
export async function signIn(url: string, login: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  if (!res.ok) throw new Error(`login ${login}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const me = await (await fetch(`${url}/api/auth/me`, { headers: { cookie } })).json();
  return { cookie, 'x-csrf-token': me.csrfToken };
}
