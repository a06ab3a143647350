import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpuMsOf, cpuTicksOf, databaseCpuMsOf, parentOf } from './proc-cpu.ts';
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

describe('databaseCpuMsOf', () => {
  it('is undefined without the services’ pid files', () => {
    expect(databaseCpuMsOf('/nonexistent')).toBeUndefined();
  });

  // `make test` starts the test services from this checkout, so their pid files are here.
  const services = resolve(ROOT, '.data/test');
  const pidOf = (name: string) => Number(readFileSync(resolve(services, `${name}.pid`), 'utf8').split('\n')[0]);
  it.runIf(existsSync(resolve(services, 'ferretdb.pid')))(
    'adds FerretDB and the PostgreSQL postmaster (and its backends) of the running test services',
    () => {
      const parts = cpuMsOf(pidOf('ferretdb')) + cpuMsOf(pidOf('postgres'));
      expect(databaseCpuMsOf(services)).toBeGreaterThanOrEqual(parts);
      expect(parts).toBeGreaterThan(0);
    },
  );
});
