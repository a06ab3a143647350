import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpuMsBetween, cpuMsOf, cpuTicksOf, databaseCpuOf, parentOf } from './proc-cpu.ts';
import { ROOT } from './services.ts';

describe('cpuTicksOf', () => {
  it('adds utime and stime, also when the process name holds spaces and parentheses', () => {
    const stat = '4242 (node (tsx) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 567 0 0 20 0 11 0 100 0 0';
    expect(cpuTicksOf(stat)).toBe(1234 + 567);
  });

  it('reads this process', () => {
    expect(cpuMsOf(process.pid)).toBeGreaterThan(0);
  });
});

describe('parentOf', () => {
  it('reads the parent pid after a name with spaces and parentheses', () => {
    expect(parentOf('4242 (postgres: (x) y) S 977 4242 4242 0 -1')).toBe(977);
  });
});

describe('databaseCpuOf', () => {
  it('is undefined without the services’ pid files', () => {
    expect(databaseCpuOf('/nonexistent')).toBeUndefined();
  });

  // `make test` starts the test services from this checkout, so their pid files are here.
  const services = resolve(ROOT, '.data/test');
  const pidOf = (name: string) => Number(readFileSync(resolve(services, `${name}.pid`), 'utf8').split('\n')[0]);
  it.runIf(existsSync(resolve(services, 'ferretdb.pid')))(
    'holds FerretDB and the PostgreSQL postmaster (and its backends) of the running test services',
    () => {
      const cpu = databaseCpuOf(services);
      const [ferretdb, postgres] = [pidOf('ferretdb'), pidOf('postgres')];
      expect(cpu?.get(ferretdb)).toBeGreaterThan(0);
      expect(cpu?.get(postgres)).toBeGreaterThanOrEqual(0);
      expect(cpu?.size).toBeGreaterThan(2);
    },
  );
});

describe('cpuMsBetween', () => {
  it('adds each process’s own difference, counts a new one whole, and never goes down when one exits', () => {
    const before = new Map([
      [1, 100],
      [2, 50],
      [3, 900], // exits meanwhile: its 900 ms must not be taken away
    ]);
    const after = new Map([
      [1, 130],
      [2, 50],
      [4, 20], // started meanwhile
    ]);
    expect(cpuMsBetween(before, after)).toBe(30 + 0 + 20);
    // A reused pid whose count is lower than before is a new process.
    expect(cpuMsBetween(new Map([[5, 400]]), new Map([[5, 7]]))).toBe(7);
  });
});
