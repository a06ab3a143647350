import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/app-error.ts';

/** Live event streams one credential (an application key or a web session) may hold at once, and one org. */
export const STREAM_CAPS = { perHolder: 5, perOrg: 50 } as const;

/** A lease not renewed for `ttlMs` is gone (its process died); a live stream renews its lease every `renewMs`. */
export const STREAM_LEASE_TIMING = { ttlMs: 30_000, renewMs: 10_000 } as const;

/** One stream's lease: `holder` names the credential it counts against. */
export type StreamLeaseRef = { orgId: string; holder: string; leaseId: string };

/** `held`, or which cap refused it. */
export type LeaseOutcome = 'held' | 'holder-full' | 'org-full';

export type StreamLeaseLimits = { perHolder: number; perOrg: number; ttlMs: number };

/**
 * Counts of live streams shared by every replica (Redis), so the caps hold across
 * processes; leases expire unless renewed, so a crashed process's streams stop counting.
 */
export interface StreamLeases {
  /**
   * Takes the lease, or renews it when it is still held. A new (or lapsed) lease is
   * refused when its holder or its org already holds the cap.
   */
  hold(lease: StreamLeaseRef, limits: StreamLeaseLimits): Promise<LeaseOutcome>;
  release(lease: StreamLeaseRef): Promise<void>;
}

/** A held lease: renewed in the background until released. */
export type StreamLease = {
  /** Throws (RATE_LIMITED) when the lease lapsed and the caps no longer leave room for it. */
  check(): void;
  release(): Promise<void>;
};

const LIMITS: StreamLeaseLimits = { ...STREAM_CAPS, ttlMs: STREAM_LEASE_TIMING.ttlMs };

function tooManyStreams(outcome: Exclude<LeaseOutcome, 'held'>): AppError {
  const message =
    outcome === 'holder-full'
      ? `This credential already has ${STREAM_CAPS.perHolder} open event streams (at most ${STREAM_CAPS.perHolder} per key or session): close one before opening another.`
      : `This org already has ${STREAM_CAPS.perOrg} open event streams (at most ${STREAM_CAPS.perOrg} per org): close one before opening another.`;
  return new AppError('RATE_LIMITED', { message });
}

/** Opens a lease for one stream of `holder` in `orgId`, or refuses it (RATE_LIMITED, 429) beyond the caps. */
export async function openStreamLease(
  leases: StreamLeases,
  { orgId, holder }: Omit<StreamLeaseRef, 'leaseId'>,
): Promise<StreamLease> {
  const ref: StreamLeaseRef = { orgId, holder, leaseId: randomUUID() };
  const outcome = await leases.hold(ref, LIMITS);
  if (outcome !== 'held') throw tooManyStreams(outcome);
  let lost: AppError | null = null;
  const renew = async () => {
    const renewed = await leases.hold(ref, LIMITS);
    if (renewed !== 'held') lost = tooManyStreams(renewed);
  };
  // A renewal that fails (the store is unreachable) keeps the stream: the store fails open.
  const timer = setInterval(() => void renew().catch(() => undefined), STREAM_LEASE_TIMING.renewMs).unref();
  return {
    check() {
      if (lost) throw lost;
    },
    async release() {
      clearInterval(timer);
      await leases.release(ref);
    },
  };
}
