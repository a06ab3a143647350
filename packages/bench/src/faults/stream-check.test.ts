import { describe, expect, it } from 'vitest';
import { checkStream } from './stream-check.ts';

const event = (id: string, userId: string, version: number) => ({ id, userId, version });

describe('checkStream', () => {
  const stored = [event('01', 'u1', 1), event('03', 'u2', 1), event('05', 'u1', 2)];

  it('accepts every change once in order', () => {
    expect(checkStream(stored, stored)).toEqual({ changes: 3, repeats: 0, exact: true });
  });

  it('counts a re-published late copy as a repeat of its change, at its last delivery', () => {
    // u2@1 was appended slowly under id 02, delivered, then re-published as 03 and 02 removed.
    const seen = [event('01', 'u1', 1), event('02', 'u2', 1), event('03', 'u2', 1), event('05', 'u1', 2)];
    expect(checkStream(seen, stored)).toEqual({ changes: 3, repeats: 1, exact: true });
  });

  it('fails a missing change or one out of order', () => {
    expect(
      checkStream(
        [stored[0], stored[2]].filter((e) => e !== undefined),
        stored,
      ).exact,
    ).toBe(false);
    const swapped = [event('01', 'u1', 1), event('05', 'u1', 2), event('03', 'u2', 1)];
    expect(checkStream(swapped, stored).exact).toBe(false);
  });
});
