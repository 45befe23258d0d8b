/**
 * Browser tests: builds the web app when its sources are newer than the build, starts the
 * server on a free port with a new embedded database (which seeds the demo city), runs
 * e2e/*.e2e.ts one file after another in Debian's chromium, and always stops the server.
 *
 *   npx tsx e2e/run.ts [name-filter...]
 *   E2E_BASE_URL=http://127.0.0.1:3000 npx tsx e2e/run.ts   # against a server already running
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const E2E = join(ROOT, 'e2e');
const WEB_INDEX = join(ROOT, 'dist/web/index.html');
const SERVER_READY = /Klasnyi працює: (http:\/\/\S+)/;
const SERVER_START_TIMEOUT_MS = 240_000;

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Builds dist/web when it is missing or older than src/web, src/shared or vite.config.ts. */
async function ensureWebBuild(): Promise<void> {
  const sources = Math.max(
    newestChange(join(ROOT, 'src/web')),
    newestChange(join(ROOT, 'src/shared')),
    statSync(join(ROOT, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(WEB_INDEX) && statSync(WEB_INDEX).mtimeMs >= sources) return;
  console.log('Збираю веб-застосунок (vite build)...');
  const code = await run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  if (code !== 0) throw new Error(`vite build failed (${code})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function tail(path: string, lines = 40): string {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n') : '';
}

interface StartedServer {
  child: ChildProcess;
  url: string;
  dataDir: string;
  logPath: string;
}

/** Starts the server on a new embedded database and waits for its "Klasnyi працює" line. */
async function startServer(): Promise<StartedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'klasnyi-e2e-'));
  const logPath = join(dataDir, 'server.log');
  const log = createWriteStream(logPath);
  const port = await freePort();
  console.log(`Запускаю сервер на порту ${port} з новою базою (демо-місто, до хвилини)...`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    // every browser test signs in from 127.0.0.1: dozens of sign-ins a minute on a fast run
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dataDir, 'db'), LOG_LEVEL: 'warn', NODE_ENV: 'test', LOGIN_RATE_PER_MINUTE: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('the server did not start in time')), SERVER_START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = SERVER_READY.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it was ready`));
    });
  }).catch((err: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${err.message}\n${tail(logPath)}`);
  });
  await waitResponsive(url);
  return { child, url, dataDir, logPath };
}

/**
 * Waits until the server has answered the login page promptly for 15 seconds in a row: right
 * after start the job worker's first run can hold the embedded database for a minute or more,
 * and a test that met that pause would fail for a reason that is not its own.
 */
async function waitResponsive(url: string): Promise<void> {
  const started = Date.now();
  let calmSince = Date.now();
  while (Date.now() - started < SERVER_START_TIMEOUT_MS) {
    const asked = Date.now();
    const ok = await fetch(`${url}/login`, { signal: AbortSignal.timeout(60_000) }).then((r) => r.ok, () => false);
    if (!ok || Date.now() - asked > 1000) calmSince = Date.now();
    else if (Date.now() - calmSince >= 15_000) {
      console.log(`Сервер відповідає без затримок (${Math.round((calmSince - started) / 1000)} с після старту).`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer promptly within ${SERVER_START_TIMEOUT_MS / 1000} s`);
}

/** SIGTERM, then SIGKILL if the server has not gone within 10 seconds. */
async function stopServer(server: StartedServer): Promise<void> {
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }
  rmSync(server.dataDir, { recursive: true, force: true });
}

/** Runs the test files in one node:test process, one file at a time; prints "N passed, M failed". */
async function runTests(baseUrl: string, files: string[], reportDir: string): Promise<boolean> {
  const tap = join(reportDir, 'report.tap');
  const code = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { E2E_BASE_URL: baseUrl },
  );
  const report = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
  console.log(`\n${count('pass')} passed, ${count('fail')} failed`);
  return code === 0 && count('fail') === 0;
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const files = readdirSync(E2E)
    .filter((f) => f.endsWith('.e2e.ts') && (!filters.length || filters.some((x) => f.includes(x))))
    .sort()
    .map((f) => join('e2e', f));
  if (!files.length) throw new Error(`no e2e/*.e2e.ts file matches ${filters.join(' ')}`);

  const external = process.env.E2E_BASE_URL;
  if (!external) await ensureWebBuild();
  const server = external ? null : await startServer();
  const stop = () => (server ? stopServer(server) : Promise.resolve());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  }
  const reportDir = mkdtempSync(join(tmpdir(), 'klasnyi-e2e-report-'));
  try {
    const passed = await runTests(external ?? server!.url, files, reportDir);
    if (!passed && server) console.log(`\nОстанні рядки журналу сервера:\n${tail(server.logPath)}`);
    return passed ? 0 : 1;
  } finally {
    await stop();
    rmSync(reportDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
