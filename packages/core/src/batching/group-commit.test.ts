import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.ts';

/** A run per call of `commit`, each held open until released. */
function recorder() {
  const runs: { key: string; inputs: readonly number[]; release: (value: string) => void; fail: () => void }[] = [];
  const commit = createGroupCommit<number, string>(
    (key, inputs) =>
      new Promise((resolve, reject) =>
        runs.push({ key, inputs: [...inputs], release: resolve, fail: () => reject(new Error('lost')) }),
      ),
  );
  return { runs, commit };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createGroupCommit', () => {
  it('callers that arrive at once share one run', async () => {
    const { runs, commit } = recorder();
    const results = [1, 2, 3].map((n) => commit('g', n));
    await tick();
    expect(runs.map((r) => r.inputs)).toEqual([[1, 2, 3]]);
    runs[0]?.release('v2');
    expect(await Promise.all(results)).toEqual(['v2', 'v2', 'v2']);
  });

  it('callers that arrive while a run is in progress share the next one, which starts after it', async () => {
    const { runs, commit } = recorder();
    const first = commit('g', 1);
    await tick();
    const later = [2, 3, 4].map((n) => commit('g', n));
    await tick();
    expect(runs).toHaveLength(1);
    runs[0]?.release('v2');
    expect(await first).toBe('v2');
    await tick();
    expect(runs.map((r) => r.inputs)).toEqual([[1], [2, 3, 4]]);
    runs[1]?.release('v3');
    expect(await Promise.all(later)).toEqual(['v3', 'v3', 'v3']);
  });

  it('keys do not wait for each other', async () => {
    const { runs, commit } = recorder();
    void commit('a', 1);
    void commit('b', 2);
    await tick();
    expect(runs.map((r) => r.key)).toEqual(['a', 'b']);
  });

  it('a failed run fails its callers only; the next run still starts', async () => {
    const { runs, commit } = recorder();
    const first = commit('g', 1);
    await tick();
    const second = commit('g', 2);
    runs[0]?.fail();
    await expect(first).rejects.toThrow('lost');
    await tick();
    runs[1]?.release('v2');
    expect(await second).toBe('v2');
  });

  it('a key with nothing in progress starts a new run at once', async () => {
    const { runs, commit } = recorder();
    const first = commit('g', 1);
    await tick();
    runs[0]?.release('v2');
    await first;
    const second = commit('g', 2);
    await tick();
    expect(runs.map((r) => r.inputs)).toEqual([[1], [2]]);
    runs[1]?.release('v3');
    expect(await second).toBe('v3');
  });
});
