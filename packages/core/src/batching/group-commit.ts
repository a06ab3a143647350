/**
 * Group commit per key: at most one `run` per key at a time, and every caller that arrives
 * while one runs joins the next one, which starts when it ends and gets all their inputs.
 * A caller's run therefore always starts after it asked (what a version bump after a write
 * needs: the bump must come after the write it stands for), and N callers at once cost two
 * runs, not N contending ones. Callers of one run share its result or its error. Only keys
 * with work in progress are held, so memory stays bounded by the work itself.
 */
export function createGroupCommit<I, R>(run: (key: string, inputs: readonly I[]) => Promise<R>) {
  /** The last run of each key that was started or queued, settled (never rejects). */
  const last = new Map<string, Promise<void>>();
  /** The run of each key that waits for the current one to end: new callers join it. */
  const next = new Map<string, { inputs: I[]; result: Promise<R> }>();

  return (key: string, input: I): Promise<R> => {
    const queued = next.get(key);
    if (queued) {
      queued.inputs.push(input);
      return queued.result;
    }
    const inputs = [input];
    const result = (last.get(key) ?? Promise.resolve()).then(() => {
      // From here on, a new caller may have written after this run read: it waits for the next.
      next.delete(key);
      return run(key, inputs);
    });
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    next.set(key, { inputs, result });
    last.set(key, settled);
    void settled.then(() => {
      if (last.get(key) === settled) last.delete(key);
    });
    return result;
  };
}

export type GroupCommit<I, R> = ReturnType<typeof createGroupCommit<I, R>>;
