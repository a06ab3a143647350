import type { Model } from 'mongoose';
import type { OrgDoc } from '../orgs/org-model.ts';
import type { UserDoc } from '../users/user-model.ts';
import { USER_KEYS_VERSION, userKeysOf } from '../users/user-keys.ts';
import { withVersionClaim } from '../versioning/claim-version.ts';
import type { VersionClaims } from '../versioning/claim-version.ts';
import type { MigrationDoc } from './migration-model.ts';

const MARKER = 'user-keys';
/** Longer than any rolling deploy: after it, no replica of an older version still writes users. */
export const ROLLOUT_WINDOW_MS = 6 * 60 * 60 * 1_000;
const PARALLEL = 8;

export type UserKeysModels = { users: Model<UserDoc>; orgs: Model<OrgDoc>; migrations: Model<MigrationDoc> };
type Stored = Pick<UserDoc, '_id' | 'orgId' | 'attributes' | 'version' | 'emailKeys' | 'searchKeys' | 'extKeys'>;

const sameKeys = (a: readonly string[] | undefined, b: readonly string[]) =>
  a?.length === b.length && a.every((k, i) => k === b[i]);

/** The org's users whose stored keys differ from what the current code derives (one read of the org, by `orgId`). */
async function staleUsers(users: Model<UserDoc>, orgId: string) {
  const stale: Array<{ id: string; version: number; keys: ReturnType<typeof userKeysOf> }> = [];
  const cursor = users
    .find({ orgId }, { orgId: 1, attributes: 1, version: 1, emailKeys: 1, searchKeys: 1, extKeys: 1 })
    .lean<Stored>()
    .cursor();
  for await (const doc of cursor) {
    const keys = userKeysOf({ ...doc.attributes, active: true });
    if (
      !sameKeys(doc.emailKeys, keys.emailKeys) ||
      !sameKeys(doc.searchKeys, keys.searchKeys) ||
      !sameKeys(doc.extKeys ?? [], keys.extKeys)
    )
      stale.push({ id: doc._id, version: doc.version, keys });
  }
  return stale;
}

/**
 * Brings every user's derived keys (`emailKeys`, `searchKeys`) to USER_KEYS_VERSION, from the
 * worker's periodic runner, never at a start. Once done, a run is one read of the marker by `_id`.
 * A pass reads each org once by `orgId` (index-served) and rewrites only stale users, each at its
 * version and holding the claim on the next one (so no concurrent write is undone on FerretDB),
 * without bumping it: keys are not a revision. Replicas of an older version may still be
 * writing users without keys during a rolling deploy, so passes repeat until one starts
 * ROLLOUT_WINDOW_MS after this version first ran; only that pass marks the migration done.
 */
export async function backfillUserKeys(
  models: UserKeysModels,
  vc: VersionClaims,
  now: Date,
): Promise<{ updated: number; done: boolean } | undefined> {
  const marker = await models.migrations.findById(MARKER).lean<MigrationDoc>();
  if (marker && (marker.version > USER_KEYS_VERSION || (marker.version === USER_KEYS_VERSION && marker.doneAt)))
    return undefined;
  const current = marker?.version === USER_KEYS_VERSION ? marker : undefined;
  const since = current?.since ?? now;
  if (!current)
    await models.migrations.replaceOne({ _id: MARKER }, { version: USER_KEYS_VERSION, since }, { upsert: true });
  let updated = 0;
  const orgs = await models.orgs.find({}, { _id: 1 }).lean<Array<Pick<OrgDoc, '_id'>>>();
  for (const { _id: orgId } of orgs) {
    const stale = await staleUsers(models.users, orgId);
    for (let i = 0; i < stale.length; i += PARALLEL) {
      await Promise.all(
        stale.slice(i, i + PARALLEL).map(({ id, version, keys }) =>
          withVersionClaim(vc, { kind: 'user', orgId, id, nextVersion: version + 1, now }, async () => {
            const { modifiedCount } = await models.users.updateOne({ _id: id, orgId, version }, { $set: keys });
            updated += modifiedCount;
            // Not a revision: the claim is released and the version stays.
            return null;
          }),
        ),
      );
    }
  }
  const done = now.getTime() - since.getTime() >= ROLLOUT_WINDOW_MS;
  if (done) await models.migrations.updateOne({ _id: MARKER, version: USER_KEYS_VERSION }, { $set: { doneAt: now } });
  return { updated, done };
}
