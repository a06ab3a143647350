import { expect, it } from 'vitest';
import { parseFaultArgs, SCENARIOS } from './args.ts';

it('runs every scenario in the issue order with the full windows by default', () => {
  const args = parseFaultArgs([]);
  expect(args.scenarios).toEqual([...SCENARIOS]);
  expect(args.windows).toMatchObject({ dbDown: 20, redisDown: 20, smtpDown: 300, overload: 60, soak: 600 });
});

it('keeps the given scenarios in the issue order and shortens the windows with --quick', () => {
  const args = parseFaultArgs(['--quick', 'soak', 'db-down']);
  expect(args.scenarios).toEqual(['db-down', 'soak']);
  expect(args.windows.soak).toBe(120);
});

it('names the usage for an unknown scenario', () => {
  expect(() => parseFaultArgs(['db-gone'])).toThrow(/unknown scenario "db-gone"[\s\S]*pnpm faults/);
});
