import type { KeyRecord } from '@provisio/core/keys';
import type { KeyDoc } from './key-model.ts';
import type { KeyUses } from './key-usage.ts';

const iso = (date: Date | undefined) => (date ? date.toISOString() : null);

/** The later of two stamps: a key stamped before `key_usage` existed kept its stamp on the key document. */
const later = (a: Date | undefined, b: Date | undefined) => (a && b ? (a > b ? a : b) : (a ?? b));

/** The one mapper to the domain record; `secretHash` never leaves the repository. */
export function toKey(doc: KeyDoc, uses: KeyUses = {}): KeyRecord {
  return {
    id: doc._id,
    orgId: doc.orgId,
    name: doc.name,
    ownerType: doc.ownerType,
    ownerId: doc.ownerId,
    scopes: doc.scopes,
    hint: `pvk_${doc._id}_…`,
    created: doc.createdAt.toISOString(),
    lastUsedAt: iso(later(uses.lastUsedAt, doc.lastUsedAt)),
    lastScimUsedAt: iso(later(uses.lastScimUsedAt, doc.lastScimUsedAt)),
    revokedAt: iso(doc.revokedAt),
    revokedReason: doc.revokedReason ?? null,
  };
}
