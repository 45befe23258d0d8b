/**
 * CPU time of the processes a load scenario runs on, read from Linux's /proc: the server, every
 * PostgreSQL process (backends and the WAL writer alike, of this machine's cluster) and the load
 * generator itself. The bench divides it by the requests counted, so the table shows what one
 * request costs each of them (the machine's 2 cores are shared by all three).
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuSnapshot {
  server: number;
  postgres: number;
  load: number;
}

/** CPU seconds (user + system) of one process; 0 when it is gone. */
function processSeconds(pid: string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the fields after the command name, which is in parentheses and may hold spaces
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The CPU seconds used so far; null where /proc is missing (not Linux). */
export function cpuSnapshot(serverPid: number): CpuSnapshot | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((x) => /^\d+$/.test(x));
  } catch {
    return null;
  }
  let postgres = 0;
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') postgres += processSeconds(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  const own = process.cpuUsage();
  return { server: processSeconds(String(serverPid)), postgres, load: (own.user + own.system) / 1e6 };
}

/**
 * Milliseconds of CPU per request between two snapshots. A PostgreSQL process that ended between
 * them (a backend closed) is missing from the second: its share is not counted.
 */
export function cpuPerRequest(before: CpuSnapshot | null, after: CpuSnapshot | null, requests: number): CpuSnapshot | null {
  if (!before || !after || requests <= 0) return null;
  const ms = (a: number, b: number) => Math.round(((b - a) * 1000 * 100) / requests) / 100;
  return { server: ms(before.server, after.server), postgres: Math.max(0, ms(before.postgres, after.postgres)), load: ms(before.load, after.load) };
}
