/** The time source every rule uses, so tests can move time (invite expiry, key idleness). */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
