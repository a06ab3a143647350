import type { BrakeSettings, BrakeState, DeprovisionAction, HeldRequest } from './brake-record.ts';

/**
 * The brake's shared state, in the database every replica reads (never in a process): the
 * count of deprovisions is one document per user and generation under a unique id, so
 * replicas racing to count never lose one (FerretDB has no isolated `$inc`).
 */
export interface BrakeRepository {
  settings(orgId: string): Promise<BrakeSettings>;
  saveSettings(orgId: string, settings: BrakeSettings, now: Date): Promise<void>;
  state(orgId: string): Promise<BrakeState>;
  /** Writes the state after its transition was claimed (`claimTransition`), so no two writers race. */
  saveState(state: BrakeState): Promise<void>;
  /** True for exactly one caller per key: the one that moves the brake (`brake:<gen>` or `release:<gen>`). */
  claimTransition(orgId: string, key: string, now: Date): Promise<boolean>;
  /** Counts the user once in the generation (a retried write does not count twice). */
  mark(orgId: string, generation: number, userId: string, now: Date): Promise<void>;
  /** Users marked in the generation since `since`. */
  countMarks(orgId: string, generation: number, since: Date): Promise<number>;
  /** Marks older than `before` (the window's end): pruned by the worker's retention sweep. */
  pruneMarks(before: Date): Promise<number>;
  /** Users not deactivated, counted up to `upTo` (the rule never needs more). */
  countActiveUsers(orgId: string, upTo: number): Promise<number>;
  /** Records (or counts again) a refused deprovision. */
  hold(
    orgId: string,
    generation: number,
    request: { userId: string; userName: string; action: DeprovisionAction },
    now: Date,
  ): Promise<void>;
  isHeld(orgId: string, generation: number, userId: string): Promise<boolean>;
  held(orgId: string, generation: number): Promise<HeldRequest[]>;
}
