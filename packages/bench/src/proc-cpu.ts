import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** utime + stime (fields 14 and 15) of a /proc/<pid>/stat line, in clock ticks. The name (field 2) may hold spaces. */
export function cpuTicksOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name, field 3 is at index 0: utime (14) is at 11, stime (15) at 12.
  return Number(fields[11]) + Number(fields[12]);
}

let ticksPerSecond: number | undefined;

/** CPU time a process has used so far, in ms (Linux; the resolution is one clock tick, usually 10 ms). */
export function cpuMsOf(pid: number): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  return (cpuTicksOf(readFileSync(`/proc/${pid}/stat`, 'utf8')) * 1000) / ticksPerSecond;
}
