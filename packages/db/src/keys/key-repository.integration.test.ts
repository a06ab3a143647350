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
  db.keys.insert(orgId, {
    id: uuidV7(),
    name: 'okta',
    ownerType: 'user',
    ownerId,
    scopes: ['scim'],
    secretHash: 'x'.repeat(64),
    now: new Date(),
  });

// FerretDB 1.x rewrites the whole document on update: a last-use stamp racing a revocation
// must not write the key back unrevoked (an IdP's parallel requests, one deprovisioning the owner).
it('keeps every revocation that races a last-use stamp, and the stamp too', async () => {
  const ownerId = uuidV7();
  const keys = await Promise.all(Array.from({ length: 30 }, () => newKey(ownerId)));
  const now = new Date();
  const [revoked] = await Promise.all([
    db.keys.revokeByOwner(orgId, ownerId, { reason: 'owner_deactivated', now }),
    ...keys.map((k) => db.keys.noteUse(orgId, k.id, { field: 'lastUsedAt', now })),
    ...keys.map((k) => db.keys.noteUse(orgId, k.id, { field: 'lastScimUsedAt', now })),
  ]);
  expect(revoked).toHaveLength(30);
  for (const key of keys) {
    expect(await db.keys.findById(orgId, key.id)).toMatchObject({
      revokedAt: now.toISOString(),
      lastUsedAt: now.toISOString(),
      lastScimUsedAt: now.toISOString(),
    });
  }
});

it('stamps a key at most once per interval, never back in time, outside the key document; and revokes it once', async () => {
  const key = await newKey(uuidV7());
  const t = (ms: number) => new Date(Date.parse('2026-11-29T12:00:00Z') + ms);
  await db.keys.noteUse(orgId, key.id, { field: 'lastUsedAt', now: t(0) });
  await db.keys.noteUse(orgId, key.id, { field: 'lastUsedAt', now: t(30_000) });
  expect((await db.keys.findById(orgId, key.id))?.lastUsedAt).toBe(t(0).toISOString());
  await db.keys.noteUse(orgId, key.id, { field: 'lastUsedAt', now: t(90_000) });
  expect((await db.keys.findById(orgId, key.id))?.lastUsedAt).toBe(t(90_000).toISOString());
  // Another process, whose clock is behind, does not move the stamp back.
  await db.models.keyUsage.updateOne({ _id: `${key.id}:lastUsedAt` }, { $max: { at: t(60_000) } });
  expect((await db.keys.findById(orgId, key.id))?.lastUsedAt).toBe(t(90_000).toISOString());
  const stored = await db.models.keys.findById(key.id).lean();
  expect(stored).not.toHaveProperty('lastUsedAt');
  expect(stored?.rev).toBe(0);
  expect(await db.keys.revoke(orgId, key.id, { reason: 'revoked', now: t(1) })).toMatchObject({
    revokedReason: 'revoked',
    lastUsedAt: t(90_000).toISOString(),
  });
  expect(await db.keys.revoke(orgId, key.id, { reason: 'revoked', now: t(2) })).toBeNull();
});

it('reads a stamp left on a key document from before key_usage, until a later stamp replaces it', async () => {
  const key = await newKey(uuidV7());
  const old = new Date(Date.parse('2026-10-01T08:00:00Z'));
  await db.models.keys.updateOne({ _id: key.id }, { $set: { lastUsedAt: old, lastScimUsedAt: old } });
  expect(await db.keys.list(orgId, { ownerId: key.ownerId })).toMatchObject([
    { id: key.id, lastUsedAt: old.toISOString(), lastScimUsedAt: old.toISOString() },
  ]);
  const now = new Date();
  await db.keys.noteUse(orgId, key.id, { field: 'lastScimUsedAt', now });
  expect(await db.keys.findById(orgId, key.id)).toMatchObject({
    lastUsedAt: old.toISOString(),
    lastScimUsedAt: now.toISOString(),
  });
});
