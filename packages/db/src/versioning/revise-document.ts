import { lostRaces } from '@provisio/core';
import type { Model } from 'mongoose';
import { withVersionClaim } from './claim-version.ts';
import type { VersionClaims } from './claim-version.ts';

/** A document whose writes are serialised by revision; `rev` is absent on ones written before it existed. */
export type RevisedDoc = { _id: string; rev?: number };

/** As many rounds as `retryOnVersionConflict` allows: writers of one document rarely collide. */
const MAX_ROUNDS = 20;

/**
 * Applies `change` to the document as it is now, as the only writer of its next revision.
 * FerretDB 1.x applies an update by rewriting the whole document without isolation, so two
 * writers of different fields (the server marking an invite dispatched while a worker
 * claims it; a key's last-use stamp while it is revoked; two org settings) could erase each other's change.
 * Here each revision is taken by a unique-key claim first (as user and group versions are)
 * and the write is conditional on it; a writer that lost the revision re-reads and decides
 * again. `change` returns null when the document is no longer in a state it applies to:
 * then nothing is written and the result is null.
 */
export async function reviseDocument<D extends RevisedDoc>(
  model: Model<D>,
  vc: VersionClaims,
  {
    kind,
    orgId,
    id,
    now,
    scope = { orgId },
  }: { kind: 'invite' | 'key' | 'org' | 'sso'; orgId: string; id: string; now: Date; scope?: Record<string, unknown> },
  change: (current: D) => Record<string, unknown> | null,
): Promise<D | null> {
  const lose = lostRaces(`${kind} ${id}`, { maxAttempts: MAX_ROUNDS });
  for (;;) {
    const doc = await model.findOne({ _id: id, ...scope }).lean<D>();
    if (!doc) return null;
    const update = change(doc);
    if (!update) return null;
    const rev = doc.rev ?? 0;
    const atRev = rev === 0 ? { $in: [0, null] } : rev;
    const written = await withVersionClaim(vc, { kind, orgId, id, nextVersion: rev + 1, now }, () =>
      model
        .findOneAndUpdate(
          { _id: id, ...scope, rev: atRev },
          { $set: { ...update, rev: rev + 1 } },
          { returnDocument: 'after', timestamps: false },
        )
        .lean<D>(),
    );
    if (written) return written;
    await lose();
  }
}
