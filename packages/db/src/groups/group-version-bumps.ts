import { createGroupCommit, lostRaces } from '@provisio/core';
import type { Model } from 'mongoose';
import type { GroupDoc } from './group-model.ts';

/** Writers of one group's version are this process's one bump and the other replicas' at a time: rarely many rounds. */
const MAX_ROUNDS = 40;

type Bump = { orgId: string; id: string; now: Date; seenVersion?: number };

/** Runs `write` as the one writer of the group's `expectedVersion + 1` (the repository's version claim). */
export type ClaimedWrite = <T>(
  orgId: string,
  id: string,
  expectedVersion: number,
  now: Date,
  write: () => Promise<T | null>,
) => Promise<T | null>;

/**
 * Version bumps after member changes, coalesced per group in this process (see
 * `GroupRepository.bumpVersion`). Before, every member PATCH of a group contended for the
 * group's next version claim: N at once meant N² lost rounds with backoff, and the overload
 * fault scenario's member PATCHes took up to 10 s. Now overlapping bumps share one write.
 */
export function createGroupVersionBumps(groups: Model<GroupDoc>, claimed: ClaimedWrite) {
  const commit = createGroupCommit<Bump, GroupDoc | null>(async (_key, bumps) => {
    const { orgId, id } = bumps[0] as Bump;
    const now = new Date(Math.max(...bumps.map((b) => b.now.getTime())));
    const seen = bumps.map((b) => b.seenVersion ?? 0).reduce((a, b) => Math.max(a, b));
    const lose = lostRaces(`group ${id}`, { maxAttempts: MAX_ROUNDS });
    for (let round = 0; ; round++) {
      const version =
        round === 0 && seen > 0
          ? seen
          : (await groups.findOne({ _id: id, orgId }, { version: 1 }).lean<Pick<GroupDoc, 'version'>>())?.version;
      if (version === undefined) return null;
      const doc = await claimed(orgId, id, version, now, () =>
        groups
          .findOneAndUpdate(
            { _id: id, orgId, version },
            { $set: { version: version + 1, updatedAt: now } },
            { returnDocument: 'after' },
          )
          .lean<GroupDoc>(),
      );
      if (doc) return doc;
      await lose();
    }
  });
  return (orgId: string, id: string, options: { now: Date; seenVersion?: number }) =>
    commit(`${orgId}:${id}`, { orgId, id, ...options });
}
