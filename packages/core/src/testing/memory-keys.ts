import type { KeyRecord } from '../keys/key-record.ts';
import type { KeyRepository } from '../keys/key-repository.ts';

/** An in-memory KeyRepository for unit tests of the key rules: org-scoped like the real one. */
export function memoryKeys() {
  const rows = new Map<string, { key: KeyRecord; secretHash: string }>();
  const uses: { keyId: string; field: string; now: Date }[] = [];
  const repo: KeyRepository = {
    insert(orgId, k) {
      const key: KeyRecord = {
        id: k.id,
        orgId,
        name: k.name,
        ownerType: k.ownerType,
        ownerId: k.ownerId,
        scopes: [...k.scopes],
        hint: `pvk_${k.id.slice(0, 8)}`,
        created: k.now.toISOString(),
        lastUsedAt: null,
        lastScimUsedAt: null,
        revokedAt: null,
        revokedReason: null,
      };
      rows.set(k.id, { key, secretHash: k.secretHash });
      return Promise.resolve(key);
    },
    findForAuth: (keyId) => Promise.resolve(rows.get(keyId) ?? null),
    findById: (orgId, keyId) =>
      Promise.resolve(rows.get(keyId)?.key.orgId === orgId ? (rows.get(keyId)?.key ?? null) : null),
    list: (orgId, { ownerId, includeRevoked }) =>
      Promise.resolve(
        [...rows.values()]
          .map((r) => r.key)
          .filter((k) => k.orgId === orgId && (!ownerId || k.ownerId === ownerId) && (includeRevoked || !k.revokedAt)),
      ),
    revoke(orgId, keyId, { reason, now }) {
      const row = rows.get(keyId);
      if (row?.key.orgId !== orgId || row.key.revokedAt) return Promise.resolve(null);
      row.key = { ...row.key, revokedAt: now.toISOString(), revokedReason: reason };
      return Promise.resolve(row.key);
    },
    async revokeByOwner(orgId, ownerId, { reason, now, scope }) {
      const live = (await repo.list(orgId, { ownerId })).filter((k) => !scope || k.scopes.includes(scope));
      return (await Promise.all(live.map((k) => repo.revoke(orgId, k.id, { reason, now })))).filter((k) => k !== null);
    },
    noteUse(_orgId, keyId, { field, now }) {
      uses.push({ keyId, field, now });
      return Promise.resolve();
    },
  };
  /** Sets a last-use stamp as the usage store would have it. */
  const stamp = (keyId: string, field: 'lastUsedAt' | 'lastScimUsedAt', at: Date) => {
    const row = rows.get(keyId);
    if (row) row.key = { ...row.key, [field]: at.toISOString() };
  };
  return { repo, uses, stamp };
}
