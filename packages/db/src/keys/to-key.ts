import type { KeyRecord } from '@provisio/core/keys';
import type { KeyDoc } from './key-model.ts';

const iso = (date: Date | undefined) => (date ? date.toISOString() : null);

/** The one mapper to the domain record; `secretHash` never leaves the repository. */
export function toKey(doc: KeyDoc): KeyRecord {
  return {
    id: doc._id,
    orgId: doc.orgId,
    name: doc.name,
    ownerType: doc.ownerType,
    ownerId: doc.ownerId,
    scopes: doc.scopes,
    hint: `pvk_${doc._id}_…`,
    created: doc.createdAt.toISOString(),
    lastUsedAt: iso(doc.lastUsedAt),
    lastScimUsedAt: iso(doc.lastScimUsedAt),
    revokedAt: iso(doc.revokedAt),
    revokedReason: doc.revokedReason ?? null,
  };
}
