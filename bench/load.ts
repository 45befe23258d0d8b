/**
 * The load generator, run as a separate process by bench/run.ts so the server and the load do
 * not share an event loop. Reads a scenario as JSON from argv[2], prints autocannon's summary.
 * With `warmup` (seconds), the same load runs that long first and is not counted: the figures
 * are of a server past its first requests (code not yet optimised, statements not yet prepared
 * on each pooled connection).
 */
import autocannon from 'autocannon';
import { type CpuSnapshot, cpuPerRequest, cpuSnapshot } from './cpu.js';

interface Scenario {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  method?: 'GET' | 'PUT';
  warmup?: number;
  /** the server's process: with it, the CPU per counted request of the server, PostgreSQL and this process is reported (bench/cpu.ts) */
  serverPid?: number;
  /** for saves: one lesson per connection, all its pupils, alternating marks */
  save?: { path: string; lessons: number[]; pupils: number[]; reason: string; versions: [number, number, number][] };
}

const s: Scenario = JSON.parse(process.argv[2]);

function saveRequests(save: NonNullable<Scenario['save']>) {
  // autocannon resets a connection's context after each request sequence, so the state is
  // kept here: the versions last seen per cell, and which lessons are in flight (a lesson is
  // never written by two connections at once, so no request is stale)
  const versions = new Map<string, number>(save.versions.map(([l, p, v]) => [`${l}:${p}`, v]));
  const busy = new Set<number>();
  let round = 0;
  /** After the warm-up: its saves still in flight are dropped, so the versions are read again from the page. */
  const resync = async () => {
    busy.clear();
    const page = await fetch(`${s.url}${save.path.replace(/\/entries$/, '')}?semester=2`, { headers: s.headers });
    for (const c of (await page.json()).cells as number[][]) versions.set(`${c[0]}:${c[1]}`, c[4]);
  };
  const requests = [
    {
      method: 'PUT' as const,
      path: save.path,
      setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
        const lesson = save.lessons.find((l) => !busy.has(l)) ?? save.lessons[0];
        busy.add(lesson);
        context.lesson = lesson;
        round++;
        const cells = save.pupils.map((pupilId, i) => ({
          lessonId: lesson,
          pupilId,
          mark: (i + round) % 7 === 0 ? '' : String(((i + round) % 12) + 1),
          absent: (i + round) % 7 === 0,
          version: versions.get(`${lesson}:${pupilId}`) ?? 0,
        }));
        return { ...req, body: JSON.stringify({ cells, reason: save.reason }) };
      },
      onResponse: (status: number, body: string, context: Record<string, unknown>) => {
        if (status !== 200 && process.env.BENCH_DEBUG) console.error(status, body.slice(0, 300));
        const rows: { lessonId: number; pupilId: number; version: number }[] =
          status === 200 ? JSON.parse(body).cells : status === 409 ? JSON.parse(body).error.details.conflicts : [];
        for (const c of rows) versions.set(`${c.lessonId}:${c.pupilId}`, c.version);
        busy.delete(context.lesson as number);
      },
    },
  ];
  return { requests, resync };
}

const saves = s.save ? saveRequests(s.save) : undefined;

function run(duration: number, then: (result: autocannon.Result) => void) {
  const instance = autocannon(
    {
      url: s.url,
      connections: s.connections,
      duration,
      headers: { ...s.headers, 'content-type': 'application/json' },
      method: s.method ?? 'GET',
      requests: saves?.requests as never,
    },
    (err, result) => {
      if (err) {
        console.error(err);
        process.exit(1);
      }
      then(result);
    },
  );
  autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
}

function report(result: autocannon.Result, cpuBefore: CpuSnapshot | null) {
  const out = {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerReq: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
    cpuMsPerRequest: s.serverPid ? cpuPerRequest(cpuBefore, cpuSnapshot(s.serverPid), result.requests.total) : null,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** The counted run, with the CPU used from its start to its report. */
function counted() {
  const cpuBefore = s.serverPid ? cpuSnapshot(s.serverPid) : null;
  run(s.duration, (result) => report(result, cpuBefore));
}

if (s.warmup) run(s.warmup, () => void (saves?.resync() ?? Promise.resolve()).then(counted));
else counted();
