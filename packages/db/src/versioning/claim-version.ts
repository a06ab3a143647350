import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { ClaimDoc } from '../claims/claim-model.ts';
import type { Claims } from '../claims/claims.ts';
import type { DeleteBatch } from '../writes/delete-batch.ts';

/** A holder that has not written within this long is presumed crashed and may be taken over. */
const STALE_AFTER_MS = 30_000;

/** `superseded`: where the claim of a version is dropped once the next one is written (no request waits for it; `prune` takes any left behind). */
export type VersionClaims = { claims: Claims; model: Model<ClaimDoc>; superseded: DeleteBatch };

/**
 * Runs `write` as the one writer allowed to move a document to `nextVersion`. FerretDB 1.x
 * runs `findOneAndUpdate({ version })` as an unisolated read-then-write, so two
 * writers could both "win"; a unique-key insert cannot. `write` is still conditional on
 * the version (all MongoDB would need). When it writes nothing or throws (e.g. E11000 on
 * userName), the claim is released so the version is not blocked. Null: not claimed (or
 * nothing written). Leftover claims of deleted documents go with the claims sweeper (`prune`).
 */
export async function withVersionClaim<T>(
  vc: VersionClaims,
  opts: {
    kind: 'user' | 'group' | 'invite' | 'key' | 'org' | 'schema' | 'sso';
    orgId: string;
    id: string;
    nextVersion: number;
    now: Date;
  },
  write: () => Promise<T | null>,
): Promise<T | null> {
  const keyOf = (version: number) => `${opts.kind}:${opts.orgId}:${opts.id}:v${version}`;
  const key = keyOf(opts.nextVersion);
  const holder = randomUUID();
  if (!(await vc.claims.take(key, { now: opts.now, staleAfterMs: STALE_AFTER_MS, holder }))) return null;
  // Only our own claim, and later if the database is away now: a claim left behind blocks the document for 30 s.
  const release = () => vc.claims.release(key, holder);
  try {
    const result = await write();
    // Nobody can claim the previous version again once this one is written: keep one row per document.
    if (result === null) await release();
    else vc.superseded.delete({ _id: keyOf(opts.nextVersion - 1) });
    return result;
  } catch (error) {
    await release();
    throw error;
  }
}
