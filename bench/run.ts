/**
 * npm run bench [-- --quick] [-- --schools N] [-- --only page,save,...]
 * Generates the city on PostgreSQL (once; reused while the size matches), starts the server,
 * drives it with autocannon from a second process, and prints and saves the figures.
 * Scenarios (--only takes any of them, comma-separated; all by default): page, direct, save,
 * diary, grid, analysis (a head's weekly fill analysis), city (the city's quarterly dashboard,
 * cold and from its cache), pglite, archive (bench/archive.ts as a step; skipped with --quick
 * unless named in --only, then without copying classes).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../src/server/db/database.js';
import { getPageJson } from '../src/server/modules/journal/page.service.js';
import { ensureBenchDatabase, signIn, startServer } from './setup.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, schools: { type: 'string' }, only: { type: 'string' } } });
const quick = values.quick;
const SCENARIOS = ['page', 'direct', 'save', 'diary', 'grid', 'analysis', 'city', 'pglite', 'archive'] as const;
type Scenario = (typeof SCENARIOS)[number];
const only = values.only ? new Set(values.only.split(',').map((x) => x.trim())) : null;
for (const name of only ?? []) {
  if (!SCENARIOS.includes(name as Scenario)) {
    console.error(`unknown scenario "${name}"; known: ${SCENARIOS.join(', ')}`);
    process.exit(2);
  }
}
/** A scenario runs when named by --only, or always without it (the archive and PGlite not in a quick run). */
const want = (s: Scenario) => (only ? only.has(s) : !(quick && (s === 'archive' || s === 'pglite')));
const spec = { schools: Number(values.schools ?? (quick ? 1 : 40)), seed: 1, yearStart: 2025, today: '2026-05-27' };
const duration = quick ? 2 : 10;
/** seconds of the same load before the counted run of the page, the save and the diary (bench/load.ts) */
const warmup = quick ? 0 : 3;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (m: string) => console.error(`[bench] ${m}`);
/** The 1-, 5- and 15-minute load averages: the machine is shared, so every figure is printed with them. */
const load3 = () => loadavg().map((x) => Math.round(x * 100) / 100);

type Load = {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  bytesPerReq: number;
  /** ms of CPU per counted request (bench/cpu.ts), null where /proc is missing */
  cpuMsPerRequest?: { server: number; postgres: number; load: number } | null;
};

function load(scenario: Record<string, unknown>): Load {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/load.ts', JSON.stringify(scenario)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** The same page through the service (SQL + JSON assembly) without HTTP, at the same concurrency. */
async function direct(url: string, ctx: { schoolId: number; userId: number }, pageId: number, connections: number, seconds: number) {
  const db = openPostgres(url, connections);
  const principal = { userId: ctx.userId, login: 'bench', fullName: '', locale: 'uk' as const, cities: [], schools: [{ schoolId: ctx.schoolId, schoolName: '', roles: ['head' as const], classIds: [], children: [], pupilId: null }] };
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await getPageJson(db, ctx, principal, { pageId, semester: 2, lang: 'uk', lateEditDays: 7 });
        latencies.push(performance.now() - t);
      }
    }),
  );
  await db.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] * 10) / 10;
  return { requests: latencies.length, rps: Math.round(latencies.length / seconds), p50: q(0.5), p99: q(0.99) };
}

async function pickPage(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  // the busiest page of school 1 in semester 2: the most pupils x lessons, as the 35 x 45
  const page = (
    await c.query(
      `WITH s2 AS (SELECT school_id, starts_on, ends_on FROM semester WHERE number = 2)
       SELECT * FROM (SELECT jp.school_id AS "schoolId", jp.id AS "pageId", jp.teacher_id AS "teacherId", u.login,
              (SELECT count(*) FROM lesson l, s2 WHERE l.school_id = jp.school_id AND l.page_id = jp.id AND s2.school_id = jp.school_id AND l.lesson_date BETWEEN s2.starts_on AND s2.ends_on)::int AS lessons,
              (SELECT count(*) FROM enrollment e WHERE e.school_id = jp.school_id AND e.class_id = jp.class_id AND e.to_date IS NULL)::int AS pupils
       FROM journal_page jp JOIN app_user u ON u.id = jp.teacher_id
       WHERE jp.school_id = (SELECT min(id) FROM school) AND jp.group_id IS NULL AND jp.scale_code = 'points12') x
       ORDER BY pupils * least(lessons, 50) DESC LIMIT 1`,
    )
  ).rows[0];
  const lessons = (
    await c.query(`SELECT id FROM lesson WHERE school_id = $1 AND page_id = $2 AND lesson_date <= $3 AND NOT cancelled ORDER BY lesson_date DESC LIMIT 20`, [page.schoolId, page.pageId, spec.today])
  ).rows.map((r) => r.id);
  const pupils = (
    await c.query(
      `SELECT e.pupil_id AS id FROM enrollment e JOIN journal_page jp ON jp.school_id = e.school_id AND jp.class_id = e.class_id
       WHERE jp.school_id = $1 AND jp.id = $2 AND e.to_date IS NULL AND e.from_date <= (SELECT min(lesson_date) FROM lesson WHERE id = ANY($3::int[])) ORDER BY 1 LIMIT 30`,
      [page.schoolId, page.pageId, lessons],
    )
  ).rows.map((r) => r.id);
  const cells = (await c.query(`SELECT count(*)::int AS n FROM journal_cell WHERE school_id = $1 AND lesson_id IN (SELECT id FROM lesson WHERE page_id = $2 AND school_id = $1)`, [page.schoolId, page.pageId])).rows[0].n;
  const parentChild = (
    await c.query(`SELECT g.school_id AS "schoolId", pg2.pupil_id AS "pupilId" FROM app_user u JOIN guardian g ON g.user_id = u.id JOIN pupil_guardian pg2 ON pg2.school_id = g.school_id AND pg2.guardian_id = g.id WHERE u.login = 'parent' ORDER BY 1 LIMIT 1`)
  ).rows[0];
  await c.end();
  return { ...page, saveLessons: lessons, savePupils: pupils, cells, parentChild };
}

async function main() {
  const results: Record<string, unknown> = { spec, quick, only: only ? [...only] : null, at: new Date().toISOString(), loadBefore: load3() };
  const http = (['page', 'direct', 'save', 'diary', 'grid', 'analysis', 'city'] as const).some(want);
  if (http) {
    const url = await ensureBenchDatabase(adminUrl, quick ? 'klasnyi_bench_quick' : 'klasnyi_bench', spec, log);
    const p = await pickPage(url);
    log(`page ${p.pageId} of school ${p.schoolId}: ${p.pupils} pupils, ${p.lessons} lessons in semester 2, ${p.cells} cells this year; teacher ${p.login}`);
    results.page = { pageId: p.pageId, pupils: p.pupils, lessons: p.lessons };
    const server = await startServer({ DATABASE_URL: url, TODAY: spec.today }, 3990);
    try {
      const teacher = await signIn(server.url, p.login, 'klasnyi2025');
      const pageUrl = `${server.url}/api/schools/${p.schoolId}/journal/pages/${p.pageId}?semester=2`;
      if (want('page')) {
        log('journal page over HTTP, 50 connections');
        results.pageHttp = load({ url: pageUrl, connections: 50, duration, warmup, headers: teacher, serverPid: server.proc.pid });
      }
      if (want('direct')) {
        log('journal page through the service without HTTP, 50 concurrent');
        const me = await (await fetch(`${server.url}/api/auth/me`, { headers: teacher })).json();
        results.pageDirect = await direct(url, { schoolId: p.schoolId, userId: me.userId }, p.pageId, 50, duration);
      }
      if (want('save')) {
        log('save one lesson (30 pupils), 20 connections');
        const grid = await (await fetch(pageUrl, { headers: teacher })).json();
        const saveLessons = new Set<number>(p.saveLessons);
        const versions = (grid.cells as number[][]).filter((c) => saveLessons.has(c[0])).map((c) => [c[0], c[1], c[4]]);
        results.save = load({
          url: server.url,
          connections: 20,
          duration,
          warmup,
          headers: teacher,
          serverPid: server.proc.pid,
          save: { path: `/api/schools/${p.schoolId}/journal/pages/${p.pageId}/entries`, lessons: p.saveLessons, pupils: p.savePupils, reason: 'Бенчмарк', versions },
        });
      }
      if (want('diary') && p.parentChild) {
        const parent = await signIn(server.url, 'parent', 'klasnyi2025');
        log('diary week, 50 connections');
        results.diary = load({ url: `${server.url}/api/schools/${p.parentChild.schoolId}/diary/${p.parentChild.pupilId}/week?date=${spec.today}`, connections: 50, duration, warmup, headers: parent, serverPid: server.proc.pid });
      }
      if (want('grid') && existsSync('bench/grid-render.ts') && existsSync('/usr/bin/chromium') && existsSync('dist/web/index.html')) {
        log('grid render in chromium');
        const runs: number[] = [];
        for (let i = 0; i < (quick ? 1 : 5); i++) {
          const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/grid-render.ts', server.url, p.login, 'klasnyi2025', String(p.schoolId), String(p.pageId)], { encoding: 'utf8' });
          const line = r.stdout.trim().split('\n').pop();
          if (r.status === 0 && line) runs.push(JSON.parse(line).gridRenderMs);
          else log(`grid render failed: ${r.stderr.slice(-500)}`);
        }
        runs.sort((a, b) => a - b);
        results.gridRender = { runs, median: runs[Math.floor(runs.length / 2)], max: runs[runs.length - 1] };
      }
      if (want('analysis')) results.analysis = await analysisScenario(url, server.url);
      if (want('city')) Object.assign(results, await cityScenario(url, server.url));
    } finally {
      await server.stop();
    }
  }
  if (want('pglite')) results.pglite = await pgliteRun();
  if (want('archive')) results.archive = archiveRun();
  results.loadAfter = load3();
  printTable(results);
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${quick ? 'quick-' : ''}${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`written ${file}`);
}

/** Runs one after another, with their median and maximum. */
function summary(runs: number[]) {
  const sorted = [...runs].sort((a, b) => a - b);
  return { runs, median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
}

const addDay = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A late change made by SQL: the n-th marked cell of a school's lessons of a day changes 10 <-> 9
 * (the bench's only writes besides the caches; the triggers log it as any change).
 */
async function toggleMark(c: pg.Client, schoolId: number, day: string, n: number) {
  await c.query(
    `UPDATE journal_cell jc SET mark = CASE WHEN jc.mark = '10' THEN '9' ELSE '10' END, version = jc.version + 1
     WHERE (jc.school_id, jc.lesson_id, jc.pupil_id) = (
       SELECT x.school_id, x.lesson_id, x.pupil_id FROM journal_cell x JOIN lesson l ON l.school_id = x.school_id AND l.id = x.lesson_id
       WHERE x.school_id = $1 AND l.lesson_date = $2::date AND x.mark <> '' ORDER BY x.lesson_id, x.pupil_id OFFSET $3 LIMIT 1)`,
    [schoolId, day, n],
  );
}

/** The head of the school with the most pupils: their weekly fill analysis (the last full week, the screen's default). */
async function analysisScenario(dbUrl: string, serverUrl: string) {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const head = (
    await c.query(
      `SELECT r.school_id AS "schoolId", u.login,
              (SELECT count(*) FROM enrollment e WHERE e.school_id = r.school_id AND e.to_date IS NULL)::int AS pupils,
              (SELECT count(*) FROM journal_page p WHERE p.school_id = r.school_id)::int AS pages
       FROM staff_role r JOIN app_user u ON u.id = r.user_id WHERE r.role = 'head' ORDER BY pupils DESC, r.school_id LIMIT 1`,
    )
  ).rows[0];
  const headers = await signIn(serverUrl, head.login, 'klasnyi2025');
  const url = `${serverUrl}/api/schools/${head.schoolId}/analysis`;
  // the first call after a change in the week (a mark of its Wednesday changed), one at a time:
  // the figures are computed; afterwards they are kept until the next change
  const computed: number[] = [];
  try {
    for (let i = 0; i < (quick ? 1 : 5); i++) {
      const first = await fetch(url, { headers });
      if (!first.ok) throw new Error(`analysis: ${first.status} ${await first.text()}`);
      const { period } = await first.json();
      await toggleMark(c, head.schoolId, addDay(period.from, 2), i);
      const t = performance.now();
      const res = await fetch(url, { headers });
      if (!res.ok) throw new Error(`analysis: ${res.status}`);
      await res.arrayBuffer();
      computed.push(Math.round(performance.now() - t));
    }
  } finally {
    await c.end();
  }
  log(`weekly fill analysis of school ${head.schoolId} (${head.pupils} pupils, ${head.pages} pages), 2 connections (two heads at once)`);
  return {
    schoolId: head.schoolId,
    pupils: head.pupils,
    pages: head.pages,
    computed: summary(computed),
    ...load({ url, connections: 2, duration, headers }),
  };
}

/**
 * The city's quarterly dashboard (the quarter of TODAY), runs one after another, each the first
 * request after its situation is made in the database:
 * - from nothing: no figures kept at all (right after installing, or after the 14 days they are kept);
 * - a new day: the figures of the periods still open (the quarter, the current week) and the
 *   quality flags are for yesterday's end, so all schools recompute those;
 * - a correction: a teacher changed a mark of three weeks ago in one school (another school each run);
 * then warm from the cache with autocannon (nothing changed). The bench writes only the caches
 * and, for the corrections, one mark per run (changed back and forth).
 */
async function cityScenario(dbUrl: string, serverUrl: string) {
  const headers = await signIn(serverUrl, 'city', 'klasnyi2025');
  const me = await (await fetch(`${serverUrl}/api/auth/me`, { headers })).json();
  const cityId = me.cities[0].cityId as number;
  const url = `${serverUrl}/api/cities/${cityId}/monitoring`;
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  let weeks = 0;
  let schools = 0;
  const timed = async (label: string, prepare: (i: number) => Promise<unknown>, n: number) => {
    const runs: number[] = [];
    for (let i = 0; i < n; i++) {
      await prepare(i);
      await c.query('DELETE FROM monitoring_cache WHERE city_id = $1', [cityId]);
      log(`city dashboard ${label}, run ${i + 1}`);
      const t = performance.now();
      const res = await fetch(url, { headers });
      const ms = performance.now() - t;
      const body = await res.json();
      if (!res.ok || body.cached !== false) throw new Error(`city dashboard: ${res.status} cached=${body.cached}`);
      runs.push(Math.round(ms));
      weeks = body.weeks.length;
      schools = body.schools.length;
    }
    return summary(runs);
  };
  let result: Record<string, unknown>;
  try {
    const fromNothing = await timed('from nothing', () => c.query('DELETE FROM fill_snapshot'), quick ? 1 : 3);
    // what a new day leaves behind: the open periods (their end moves to the new yesterday), the
    // quality flags (today is in their key) and the lesson counts of the segment ending yesterday
    const yesterday = addDay(spec.today, -1);
    const newDay = await timed(
      'a new day',
      () => c.query(`DELETE FROM fill_snapshot WHERE period_to > effective_to OR kind = 'quality' OR (kind = 'lessons' AND period_to = $1::date)`, [yesterday]),
      quick ? 1 : 5,
    );
    const day = addDay(spec.today, -21);
    const correction = await timed(
      'after a correction in one school',
      async (i) => toggleMark(c, (await c.query('SELECT id FROM school WHERE city_id = $1 ORDER BY id OFFSET $2 LIMIT 1', [cityId, i % 40])).rows[0].id, day, 0),
      quick ? 1 : 5,
    );
    result = { cityId, schools, weeks, fromNothing, newDay, correction, loadAfter: load3() };
  } finally {
    await c.end();
  }
  const warm0 = await (await fetch(url, { headers })).json();
  if (warm0.cached !== true) throw new Error('city dashboard: the second call was not answered from the cache');
  log('city dashboard from its cache, 10 connections');
  const warm = load({ url, connections: 10, duration, headers });
  return { cityCold: result, cityWarm: warm };
}

/** bench/archive.ts as a child process (its own database, klasnyi_bench_archive): 30 classes; in a quick run the generated school as it is (20 classes, no copies). */
function archiveRun() {
  const classes = quick ? '0' : '30';
  log(`archive of a school year, ${classes} classes (bench/archive.ts)`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/archive.ts', '--classes', classes], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const line = r.stdout.trim().split('\n').pop();
  if (r.status !== 0 || !line) {
    log(`archive failed (exit ${r.status})`);
    return { failed: true, status: r.status };
  }
  return { ...JSON.parse(line), loadAfter: load3() };
}

/** The journal page on the embedded PGlite: one school, its own data folder (made once). */
async function pgliteRun() {
  const dir = '/tmp/klasnyi-bench-pglite';
  const server = await startServer({ DATA_DIR: dir, TODAY: spec.today }, 3991);
  try {
    const c = await signIn(server.url, 'teacher', 'klasnyi2025');
    const me = await (await fetch(`${server.url}/api/auth/me`, { headers: c })).json();
    const schoolId = me.schools[0].schoolId;
    const pages = await (await fetch(`${server.url}/api/schools/${schoolId}/journal/pages?mine=true`, { headers: c })).json();
    const pageId = pages.pages[0].id;
    log('journal page on PGlite, 10 connections');
    return { pageId, ...load({ url: `${server.url}/api/schools/${schoolId}/journal/pages/${pageId}`, connections: 10, duration, headers: c }) };
  } finally {
    await server.stop();
  }
}

function printTable(r: Record<string, unknown>) {
  const row = (name: string, x: Partial<Load> | undefined, target: string) =>
    x ? `| ${name} | ${x.requests} | ${Math.round(x.rps ?? 0)} | ${x.p50} | ${x.p99} | ${x.non2xx ?? 0} | ${target} |` : `| ${name} | — | — | — | — | — | ${target} |`;
  const lines = [
    '| scenario | requests | req/s | p50 ms | p99 ms | non-2xx | target |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('journal page, HTTP, 50 conn', r.pageHttp as Load, 'p99 <= 50 ms, >= 800/s'),
    row('journal page, service without HTTP, 50 conc', r.pageDirect as Load, 'ratio'),
    row('save a lesson of 30 pupils, 20 conn', r.save as Load, 'p99 <= 50 ms'),
    row('diary week, 50 conn', r.diary as Load, 'p99 <= 30 ms'),
    row('journal page on PGlite, 10 conn', r.pglite as Load, 'printed'),
    row('weekly fill analysis of the largest school, 2 conn (kept)', r.analysis as Load, 'p99 <= 200 ms'),
    row('city quarterly dashboard from its cache, 10 conn', r.cityWarm as Load, 'p99 <= 100 ms'),
  ];
  // what one request costs each process on the shared 2 cores: the ceiling of the throughput is 2000 / the total
  const cpuLines: string[] = [];
  for (const [name, x] of [['journal page', r.pageHttp], ['save', r.save], ['diary week', r.diary]] as [string, Load | undefined][]) {
    const c = x?.cpuMsPerRequest;
    if (c) {
      const total = c.server + c.postgres + c.load;
      cpuLines.push(`CPU per request, ${name}: server ${c.server} ms + PostgreSQL ${c.postgres} ms + load generator ${c.load} ms = ${total.toFixed(2)} ms (2 cores: at most ${Math.round(2000 / total)}/s)`);
    }
  }
  if (cpuLines.length) lines.push('', ...cpuLines);
  const http = r.pageHttp as Load | undefined;
  const dir = r.pageDirect as Load | undefined;
  if (http && dir) lines.push('', `HTTP layer cost: ${(dir.rps / http.rps).toFixed(2)}x throughput of the direct service call`);
  const g = r.gridRender as { median: number; max: number } | undefined;
  if (g) lines.push(`grid render (chromium): median ${g.median} ms, max ${g.max} ms (target <= 150 ms)`);
  type Runs = { runs: number[]; median: number; max: number };
  const analysis = r.analysis as { computed?: Runs } | undefined;
  if (analysis?.computed) {
    lines.push(`weekly fill analysis, first call after a change in the week (computed): runs ${analysis.computed.runs.join(', ')} ms; median ${analysis.computed.median} ms, max ${analysis.computed.max} ms (target p99 <= 200 ms)`);
  }
  const cold = r.cityCold as { schools: number; weeks: number; fromNothing: Runs; newDay: Runs; correction: Runs } | undefined;
  if (cold) {
    const line = (what: string, x: Runs) => `city quarterly dashboard, ${what} (${cold.schools} schools, ${cold.weeks} weeks): runs ${x.runs.join(', ')} ms; median ${x.median} ms, max ${x.max} ms (target <= 1000 ms)`;
    lines.push(line('first call after a correction in one school', cold.correction), line('first call of a new day', cold.newDay), line('from nothing kept', cold.fromNothing));
  }
  const a = r.archive as { failed?: boolean; classes: number; pdfPages: number; seconds: number; peakRssMb: number; pdfPagesPerSecond: number; engine: string } | undefined;
  if (a?.failed) lines.push('archive of a school year: FAILED (see the log above)');
  else if (a) lines.push(`archive of a school year (${a.classes} classes, ${a.engine}): ${a.seconds} s, peak RSS ${a.peakRssMb} MB, ${a.pdfPages} PDF pages, ${a.pdfPagesPerSecond} pages/s (targets <= 60 s, <= 500 MB)`);
  lines.push(`load average (1, 5, 15 min): ${(r.loadBefore as number[]).join(' ')} before, ${(r.loadAfter as number[]).join(' ')} after (2 cores, shared)`);
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
