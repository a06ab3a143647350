/** An event as a stream delivered it: its id and the change it tells (a user at a version). */
export type SeenEvent = { id: string; userId: string; version: number };

/**
 * What a stream saw against the store's events, as its readers must read it (ARCHITECTURE.md:
 * readers de-duplicate on userId + version). A slow append is re-published under a fresh id and
 * the late copy removed (record-user-event.ts), so a stream may deliver a change twice, the late
 * copy first: the pnpm faults two-replicas run on a loaded machine saw 36 events for 30 changes.
 * Each change counts at its last delivery, which is where the store keeps it.
 */
export function checkStream(seen: readonly SeenEvent[], stored: readonly SeenEvent[]) {
  const change = (e: SeenEvent) => `${e.userId}@${e.version}`;
  const lastAt = new Map(seen.map((e, i) => [change(e), i]));
  const changes = seen.filter((e, i) => lastAt.get(change(e)) === i).map(change);
  const expected = stored.map(change);
  return {
    changes: changes.length,
    /** Deliveries of a change already delivered (a re-published late copy). */
    repeats: seen.length - changes.length,
    /** Every stored change, once, in the store's order. */
    exact: changes.join() === expected.join(),
  };
}
