import { uuidV7 } from '@provisio/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, createTestOrg } from '../testing.ts';
import { ROLLOUT_WINDOW_MS } from './backfill-user-keys.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let orgId: string;

beforeAll(async () => {
  db = await createTestDb();
  ({ orgId } = await createTestOrg(db));
});
afterAll(async () => {
  await db.drop();
});

const t0 = new Date('2026-06-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

/** A user as the code before the derived keys wrote it: no emailKeys, no searchKeys. */
async function insertOldStyleUser(userName: string, email: string, updatedAt = t0) {
  const id = uuidV7();
  await db.models.users.collection.insertOne({
    _id: id,
    orgId,
    userName,
    userNameKey: userName.toLowerCase(),
    attributes: { userName, displayName: `Old ${userName}`, emails: [{ value: email }] },
    search: { emails: [{ value: email.toLowerCase() }] },
    status: 'active',
    source: 'scim',
    role: 'standard',
    version: 3,
    createdAt: t0,
    updatedAt,
  } as never);
  return id;
}
const ids = async (query: Parameters<typeof db.users.list>[1]) =>
  (await db.users.list(orgId, query)).items.map((u) => u.id);
const byText = (text: string) => ids({ text, startIndex: 1, count: 10 });

describe('user keys backfill', () => {
  it('is not run by an index sync (a start never scans users)', async () => {
    const id = await insertOldStyleUser('before-sync', 'Before.Sync@Example.com');
    await db.syncIndexes();
    expect(await db.models.users.findById(id).lean()).not.toHaveProperty('searchKeys');
    expect(await byText('before')).toEqual([]);
  });

  it('gives old users their keys, keeping version and timestamps, and repeats until the rollout window has passed', async () => {
    const id = await insertOldStyleUser('old', 'Old.One@Example.com');
    expect(await db.backfillUserKeys(at(0))).toEqual({ updated: 2, done: false });
    const stored = await db.models.users.findById(id).lean();
    expect(stored).toMatchObject({ emailKeys: ['old.one@example.com'], version: 3, updatedAt: t0 });
    expect(stored?.searchKeys).toEqual(expect.arrayContaining(['o', 'ol', 'old', 'one', 'example', 'com']));
    expect(await byText('OLD one')).toEqual([id]);
    expect(
      await ids({
        filter: { kind: 'compare', path: { attr: 'emails' }, op: 'eq', value: 'OLD.ONE@example.com' },
        startIndex: 1,
        count: 5,
      }),
    ).toEqual([id]);
    // The claim on the next version was released: a normal write still takes it.
    const user = await db.users.findById(orgId, id);
    if (!user) throw new Error('the backfilled user is gone');
    expect(
      await db.users.updateIfVersion(orgId, id, 3, {
        attributes: { ...user.attributes, displayName: 'Renamed Person' },
        status: 'active',
        previous: user,
        now: at(1),
      }),
    ).toMatchObject({ version: 4 });
    expect(await byText('renamed pers')).toEqual([id]);

    // An older replica still running during the rollout writes a user without keys: the next pass catches it.
    const late = await insertOldStyleUser('late', 'late@example.com');
    expect(await db.backfillUserKeys(at(10 * 60_000))).toEqual({ updated: 1, done: false });
    expect(await byText('late')).toEqual([late]);

    // The first pass that starts after the window marks it done; from then on a run reads the marker only.
    expect(await db.backfillUserKeys(at(ROLLOUT_WINDOW_MS))).toEqual({ updated: 0, done: true });
    const after = await insertOldStyleUser('after', 'after@example.com');
    expect(await db.backfillUserKeys(at(ROLLOUT_WINDOW_MS + 60_000))).toBeUndefined();
    expect(await db.models.users.findById(after).lean()).not.toHaveProperty('searchKeys');
  });
});
