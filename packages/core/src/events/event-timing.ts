/**
 * Why a settle window: ids are taken before the write and several processes append, so an
 * event can become visible after a later id already has. A reader only delivers ids older
 * than `settleMs`, and an append that took longer than `guardMs` is re-published under a
 * fresh id, so once an id is older than `settleMs` nothing can appear below it (given
 * clocks within `settleMs - guardMs` of each other). Resuming by id is then exact.
 */
export const USER_EVENT_TIMING = {
  settleMs: 1_500,
  guardMs: 750,
  /** How often a live stream polls the store. */
  pollMs: 300,
} as const;
