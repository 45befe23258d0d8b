/**
 * node --import tsx bench/grid-render.ts <baseUrl> <login> <password> <schoolId> <pageId> [--runs N] [--semester N]
 *
 * How long the journal grid takes from the moment the page data arrive to the grid being painted,
 * measured in Debian's chromium with the Performance API: the data hook marks `journal:data`, the
 * grid marks `journal:rendered` in the frame after its commit, once painted, and measures
 * `journal:grid` between them. The server must serve the built web app (npx vite build).
 * Prints one JSON line per run, then with several runs a summary line with the median and the max.
 */
import { parseArgs } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import type { TJournalPage } from '../src/shared/api/journal.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '1' }, semester: { type: 'string' } },
});
const [baseUrl, login, password, schoolId, pageId] = positionals;
if (!pageId) {
  console.error('usage: node --import tsx bench/grid-render.ts <baseUrl> <login> <password> <schoolId> <pageId> [--runs N] [--semester N]');
  process.exit(2);
}
const runs = Math.max(1, Number(values.runs));
const query = values.semester ? `?semester=${values.semester}` : '';

/** The same headless chromium as the browser tests (e2e/helpers.ts). */
function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

interface RunResult {
  gridRenderMs: number;
  pupils: number;
  lessons: number;
  /** cells the grid draws: pupils x (lessons + summary columns) */
  cells: number;
  /** cells with a stored mark or absence */
  filled: number;
}

/** One cold visit: a fresh profile signs in, opens the page and reads the measure. */
async function run(browser: Browser): Promise<RunResult> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1366, height: 768 }, locale: 'uk-UA' });
  try {
    const res = await context.request.post('/api/auth/login', { data: { login, password } });
    if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
    const data = (await (await context.request.get(`/api/schools/${schoolId}/journal/pages/${pageId}${query}`)).json()) as TJournalPage;
    const page = await context.newPage();
    await page.goto(`/s/${schoolId}/journal/${pageId}`);
    if (values.semester && Number(values.semester) !== data.semester) throw new Error('--semester differs from the page shown first');
    const handle = await page.waitForFunction(() => performance.getEntriesByName('journal:grid')[0]?.duration, undefined, { timeout: 30_000 });
    const gridRenderMs = Math.round((await handle.jsonValue()) * 10) / 10;
    const columns = data.lessons.length + data.columns.length;
    return { gridRenderMs, pupils: data.pupils.length, lessons: data.lessons.length, cells: data.pupils.length * columns, filled: data.cells.length };
  } finally {
    await context.close();
  }
}

const browser = await launch();
try {
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await run(browser);
    results.push(r);
    console.log(JSON.stringify(r));
  }
  if (runs > 1) {
    const ms = results.map((r) => r.gridRenderMs).sort((a, b) => a - b);
    const median = ms.length % 2 ? ms[(ms.length - 1) / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
    const { pupils, lessons, cells } = results[0];
    console.log(JSON.stringify({ runs, medianMs: median, maxMs: ms[ms.length - 1], minMs: ms[0], pupils, lessons, cells }));
  }
} finally {
  await browser.close();
}
