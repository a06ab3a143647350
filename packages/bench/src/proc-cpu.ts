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
 * CPU used so far (ms) by the database of the test services whose pid files are in `dataDir`
 * (`scripts/services.sh`): FerretDB, the PostgreSQL postmaster and its live backends. Undefined
 * when those files are not there (services started from another checkout).
 */
export function databaseCpuMsOf(dataDir: string): number | undefined {
  const ferretdb = pidIn(resolve(dataDir, 'ferretdb.pid'));
  const postmaster = pidIn(resolve(dataDir, 'postgres.pid'));
  if (!ferretdb || !postmaster) return undefined;
  const stats = [statOf(ferretdb), statOf(postmaster)];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = statOf(pid);
    if (stat && parentOf(stat) === postmaster) stats.push(stat);
  }
  if (!stats[0] || !stats[1]) return undefined;
  return msOfTicks(stats.reduce((sum, stat) => sum + (stat ? cpuTicksOf(stat) : 0), 0));
}
