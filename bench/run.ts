/**
 * npm run bench [-- --quick] [-- --schools N]
 * Generates the city on PostgreSQL (once; reused while the size matches), starts the server,
 * drives it with autocannon from a second process, and prints and saves the figures.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../src/server/db/database.js';
import { getPageJson } from '../src/server/modules/journal/page.service.js';
import { ensureBenchDatabase, signIn, startServer } from './setup.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, schools: { type: 'string' } } });
const quick = values.quick;
const spec = { schools: Number(values.schools ?? (quick ? 1 : 40)), seed: 1, yearStart: 2025, today: '2026-05-27' };
const duration = quick ? 2 : 10;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (m: string) => console.error(`[bench] ${m}`);

type Load = { requests: number; rps: number; p50: number; p90: number; p99: number; max: number; non2xx: number; errors: number; bytesPerReq: number };

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
  const url = await ensureBenchDatabase(adminUrl, quick ? 'klasnyi_bench_quick' : 'klasnyi_bench', spec, log);
  const p = await pickPage(url);
  log(`page ${p.pageId} of school ${p.schoolId}: ${p.pupils} pupils, ${p.lessons} lessons in semester 2, ${p.cells} cells this year; teacher ${p.login}`);
  const server = await startServer({ DATABASE_URL: url, TODAY: spec.today }, 3990);
  const results: Record<string, unknown> = { spec, quick, page: { pageId: p.pageId, pupils: p.pupils, lessons: p.lessons }, at: new Date().toISOString() };
  try {
    const teacher = await signIn(server.url, p.login, 'klasnyi2025');
    const pageUrl = `${server.url}/api/schools/${p.schoolId}/journal/pages/${p.pageId}?semester=2`;
    log('journal page over HTTP, 50 connections');
    results.pageHttp = load({ url: pageUrl, connections: 50, duration, headers: teacher });
    log('journal page through the service without HTTP, 50 concurrent');
    const me = await (await fetch(`${server.url}/api/auth/me`, { headers: teacher })).json();
    results.pageDirect = await direct(url, { schoolId: p.schoolId, userId: me.userId }, p.pageId, 50, duration);
    log('save one lesson (30 pupils), 20 connections');
    const grid = await (await fetch(pageUrl, { headers: teacher })).json();
    const saveLessons = new Set<number>(p.saveLessons);
    const versions = (grid.cells as number[][]).filter((c) => saveLessons.has(c[0])).map((c) => [c[0], c[1], c[4]]);
    results.save = load({
      url: server.url,
      connections: 20,
      duration,
      headers: teacher,
      save: { path: `/api/schools/${p.schoolId}/journal/pages/${p.pageId}/entries`, lessons: p.saveLessons, pupils: p.savePupils, reason: 'Бенчмарк', versions },
    });
    if (p.parentChild) {
      const parent = await signIn(server.url, 'parent', 'klasnyi2025');
      log('diary week, 50 connections');
      results.diary = load({ url: `${server.url}/api/schools/${p.parentChild.schoolId}/diary/${p.parentChild.pupilId}/week?date=${spec.today}`, connections: 50, duration, headers: parent });
    }
    if (existsSync('bench/grid-render.ts') && existsSync('/usr/bin/chromium') && existsSync('dist/web/index.html')) {
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
  } finally {
    await server.stop();
  }
  if (!quick) results.pglite = await pgliteRun();
  printTable(results);
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${quick ? 'quick-' : ''}${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`written ${file}`);
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
  ];
  const http = r.pageHttp as Load | undefined;
  const dir = r.pageDirect as Load | undefined;
  if (http && dir) lines.push('', `HTTP layer cost: ${(dir.rps / http.rps).toFixed(2)}x throughput of the direct service call`);
  const g = r.gridRender as { median: number; max: number } | undefined;
  if (g) lines.push(`grid render (chromium): median ${g.median} ms, max ${g.max} ms (target <= 150 ms)`);
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
