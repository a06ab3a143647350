import { uuidV7 } from '@provisio/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, createTestOrg } from '../testing.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let orgId: string;

beforeAll(async () => {
  db = await createTestDb();
  ({ orgId } = await createTestOrg(db));
});
afterAll(() => db.drop());

const newKey = (ownerId: string) =>
  db.keys.insert(orgId, { id: uuidV7(), name: 'okta', ownerType: 'user', ownerId, scopes: ['scim'], secretHash: 'x'.repeat(64), now: new Date() });

// FerretDB 1.x rewrites the whole document on update: a last-use stamp racing a revocation
// must not write the key back unrevoked (an IdP's parallel requests, one deprovisioning the owner).
it('keeps every revocation that races a last-use stamp, and the stamp too', async () => {
  const ownerId = uuidV7();
  const keys = await Promise.all(Array.from({ length: 30 }, () => newKey(ownerId)));
  const now = new Date();
  const [revoked] = await Promise.all([
    db.keys.revokeByOwner(orgId, ownerId, { reason: 'owner_deactivated', now }),
    ...keys.map((k) => db.keys.touch(orgId, k.id, { field: 'lastUsedAt', now, notBefore: new Date(now.getTime() - 60_000) })),
    ...keys.map((k) => db.keys.touch(orgId, k.id, { field: 'lastScimUsedAt', now, notBefore: new Date(now.getTime() - 60_000) })),
  ]);
  expect(revoked).toHaveLength(30);
  for (const key of keys) {
    expect(await db.keys.findById(orgId, key.id)).toMatchObject({ revokedAt: now.toISOString(), lastUsedAt: now.toISOString(), lastScimUsedAt: now.toISOString() });
  }
});

it('stamps a key at most once per interval and revokes it once', async () => {
  const key = await newKey(uuidV7());
  const t = (ms: number) => new Date(Date.parse('2026-11-29T12:00:00Z') + ms);
  await db.keys.touch(orgId, key.id, { field: 'lastUsedAt', now: t(0), notBefore: t(-60_000) });
  await db.keys.touch(orgId, key.id, { field: 'lastUsedAt', now: t(30_000), notBefore: t(-30_000) });
  expect((await db.keys.findById(orgId, key.id))?.lastUsedAt).toBe(t(0).toISOString());
  expect(await db.keys.revoke(orgId, key.id, { reason: 'revoked', now: t(1) })).toMatchObject({ revokedReason: 'revoked' });
  expect(await db.keys.revoke(orgId, key.id, { reason: 'revoked', now: t(2) })).toBeNull();
});
