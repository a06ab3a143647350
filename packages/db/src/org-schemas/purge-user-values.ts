import type { Model } from 'mongoose';
import { userKeysOf } from '../users/user-keys.ts';
import type { UserDoc } from '../users/user-model.ts';
import { userSearchMirror } from '../users/user-search.ts';
import { withVersionClaim } from '../versioning/claim-version.ts';
import type { VersionClaims } from '../versioning/claim-version.ts';

type Stored = Pick<UserDoc, '_id' | 'attributes' | 'version'>;
type Target = { orgId: string; storageKey: string; attribute: string; userId: string };
/** A user written this many times while its purge was trying: left for the page's next run. */
const ATTEMPTS = 5;

/** The `$unset` that removes `names` from the user's extension data, pruning objects left empty. */
function unsetOf(extensions: NonNullable<Stored['attributes']['extensions']>, key: string, names: string[]) {
  const values = extensions[key] ?? {};
  if (Object.keys(values).length > names.length)
    return Object.fromEntries(names.map((n) => [`attributes.extensions.${key}.${n}`, '']));
  return Object.keys(extensions).length > 1
    ? { [`attributes.extensions.${key}`]: '' }
    : { 'attributes.extensions': '' };
}

/** The user's attributes without `names` of `key` (what the recomputed keys derive from). */
function without(attributes: Stored['attributes'], key: string, names: string[]): Stored['attributes'] {
  const { extensions = {}, ...rest } = attributes;
  const values = Object.fromEntries(Object.entries(extensions[key] ?? {}).filter(([n]) => !names.includes(n)));
  const { [key]: _gone, ...others } = extensions;
  const next = Object.keys(values).length ? { ...others, [key]: values } : others;
  return Object.keys(next).length ? { ...rest, extensions: next } : rest;
}

/**
 * Removes one attribute's values from one user (any letter case of its name) and recomputes
 * the keys derived from them (`extKeys`, the `search` mirror), conditional on the version it
 * read and holding the claim on the next one, like the keys backfill: no write in flight is
 * undone, and the version stays (nothing the IdP wrote changed). Returns 1 when it removed
 * something; 0 when the user holds nothing of it (or is gone).
 */
export async function purgeUserValues(
  deps: { models: { users: Model<UserDoc> }; vc: VersionClaims },
  { orgId, storageKey, attribute, userId }: Target,
  now: Date,
): Promise<number> {
  const { users } = deps.models;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const doc = await users.findOne({ _id: userId, orgId }, { attributes: 1, version: 1 }).lean<Stored>();
    const extensions = doc?.attributes.extensions;
    const names = Object.keys(extensions?.[storageKey] ?? {}).filter(
      (n) => n.toLowerCase() === attribute.toLowerCase(),
    );
    if (!doc || !extensions || names.length === 0) return 0;
    const attributes = { ...without(doc.attributes, storageKey, names), active: true };
    let applied = false;
    await withVersionClaim(
      deps.vc,
      { kind: 'user', orgId, id: userId, nextVersion: doc.version + 1, now },
      async () => {
        const { modifiedCount } = await users.updateOne(
          { _id: userId, orgId, version: doc.version },
          {
            $unset: unsetOf(extensions, storageKey, names),
            $set: { search: userSearchMirror(attributes), ...userKeysOf(attributes) },
          },
        );
        applied = modifiedCount === 1;
        // Not a revision: the claim is released and the version stays.
        return null;
      },
    );
    if (applied) return 1;
  }
  throw new Error(`user ${userId} kept changing while its extension values were purged; the page is retried`);
}
