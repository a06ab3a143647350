/** A clock that stands still until moved. */
export function fixedClock(start = new Date('2026-01-01T00:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}
