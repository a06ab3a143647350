import { describe, expect, it } from 'vitest';
import { parseArgs } from './args.ts';

describe('parseArgs', () => {
  it('runs the full benchmark by default and the short one with --quick', () => {
    expect(parseArgs([])).toMatchObject({
      quick: false,
      sizes: [1_000, 10_000, 100_000],
      syncUsers: 10_000,
      entraPatches: 1_000,
    });
    expect(parseArgs(['--quick'])).toMatchObject({ quick: true, sizes: [1_000, 10_000], syncUsers: 1_000 });
  });

  it('takes sizes and counts over the mode', () => {
    expect(parseArgs(['--quick', '--sizes=10000,1000,1000', '--sync-users=200', '--sync-concurrency=4'])).toMatchObject(
      { sizes: [1_000, 10_000], syncUsers: 200, syncConcurrency: [4] },
    );
  });

  it('refuses bad values and unknown flags with the usage', () => {
    expect(() => parseArgs(['--sizes=10k'])).toThrow(
      /--sizes takes a whole number above 0 \(got "10k"\)[\s\S]*pnpm bench/,
    );
    expect(() => parseArgs(['--fast'])).toThrow(/unknown argument "--fast"/);
  });
});
