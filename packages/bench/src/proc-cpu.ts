import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** utime + stime (fields 14 and 15) of a /proc/<pid>/stat line, in clock ticks. The name (field 2) may hold spaces. */
export function cpuTicksOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name, field 3 is at index 0: utime (14) is at 11, stime (15) at 12.
  return Number(fields[11]) + Number(fields[12]);
}

/** The parent pid (field 4) of a /proc/<pid>/stat line. */
export function parentOf(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

let ticksPerSecond: number | undefined;
const msOfTicks = (ticks: number) => {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  return (ticks * 1000) / ticksPerSecond;
};

/** CPU time a process has used so far, in ms (Linux; the resolution is one clock tick, usually 10 ms). */
export function cpuMsOf(pid: number): number {
  return msOfTicks(cpuTicksOf(readFileSync(`/proc/${pid}/stat`, 'utf8')));
}

const statOf = (pid: number | string) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // gone meanwhile
  }
};
const pidIn = (file: string) => {
  try {
    return Number(readFileSync(file, 'utf8').trim().split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
};

/**
 * CPU used so far (ms) by each process of the database of the test services whose pid files
 * are in `dataDir` (`scripts/services.sh`): FerretDB, the PostgreSQL postmaster and its live
 * backends, by pid. Undefined when those files are not there (services started from another checkout).
 */
export function databaseCpuOf(dataDir: string): Map<number, number> | undefined {
  const ferretdb = pidIn(resolve(dataDir, 'ferretdb.pid'));
  const postmaster = pidIn(resolve(dataDir, 'postgres.pid'));
  if (!ferretdb || !postmaster) return undefined;
  const stats = new Map<number, string | undefined>([
    [ferretdb, statOf(ferretdb)],
    [postmaster, statOf(postmaster)],
  ]);
  if (!stats.get(ferretdb) || !stats.get(postmaster)) return undefined;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = statOf(pid);
    if (stat && parentOf(stat) === postmaster) stats.set(Number(pid), stat);
  }
  return new Map([...stats].flatMap(([pid, stat]) => (stat ? [[pid, msOfTicks(cpuTicksOf(stat))] as const] : [])));
}

/**
 * CPU (ms) the processes of `after` used since `before`, pid by pid: a process that started
 * meanwhile counts whole (as does a reused pid whose count went down); one that exited
 * meanwhile (a backend of a closed connection, an autovacuum worker) drops out, its share of
 * the interval lost. A plain sum of the live processes went negative when one exited.
 */
export function cpuMsBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let used = 0;
  for (const [pid, now] of after) {
    const then = before.get(pid);
    used += then === undefined || now < then ? now : now - then;
  }
  return used;
}
