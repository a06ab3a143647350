import { uuidV7 } from '@provisio/core';
import { changeOrgSchema, registerOrgSchema, retireOrgSchema } from '@provisio/core/org-schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../create-db.ts';
import { createTestDb, createTestOrg, testMongoUri, testPostgresUrl } from '../testing.ts';
import { newUserDoc } from '../users/user-repository.ts';
import { PURGE_DELAY_MS } from './run-schema-purges.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let orgA: string;
let orgB: string;
const t0 = new Date();
const at = (ms: number) => ({ now: () => new Date(t0.getTime() + ms) });
const URN = 'urn:ietf:params:scim:schemas:extension:purge:2.0:User';
const defs = (...names: string[]) =>
  names.map((name) => ({
    name,
    type: 'string' as const,
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: 'readWrite' as const,
    returned: 'default' as const,
    uniqueness: 'none' as const,
  }));
const attributes = defs('costCode', 'badge');

beforeAll(async () => {
  db = await createTestDb();
  ({ orgId: orgA } = await createTestOrg(db));
  ({ orgId: orgB } = await createTestOrg(db));
});
afterAll(() => db.drop());

/** Users of `orgId` holding `values` under `storageKey`, stored as a write would store them. */
async function seed(orgId: string, storageKey: string, count: number, values: (i: number) => Record<string, string>) {
  const docs = Array.from({ length: count }, (_, i) =>
    newUserDoc(orgId, {
      id: uuidV7(),
      attributes: { userName: `u${i}-${uuidV7()}`, active: true, extensions: { [storageKey]: values(i) } },
      status: 'active',
      source: 'scim',
      role: 'standard',
      now: t0,
    }),
  );
  await db.models.users.collection.insertMany(docs as never[]);
  return docs.map((d) => d._id);
}
const raw = (id: string | undefined) => db.models.users.collection.findOne({ _id: id } as never);
const register = async (orgId: string, name = 'purge', attrs = attributes) =>
  registerOrgSchema(
    { orgSchemas: db.orgSchemas, clock: at(0) },
    { orgId, definition: { urn: URN.replace('purge', name), name: 'P', resourceType: 'User', attributes: attrs } },
  );

describe('schema purges (deleteData)', () => {
  it('removes one attribute from every user of the org a minute after the change, in resumable pages, once', async () => {
    const schema = await register(orgA);
    const key = schema.storageKey;
    const holders = await seed(orgA, key, 450, (i) => ({ costCode: `CC-${i}`, badge: `b${i}` }));
    const [without] = await seed(orgA, key, 1, () => ({ badge: 'only-badge' }));
    // Another org holding the same storage key (and the same attribute) is never touched.
    const [otherOrg] = await seed(orgB, key, 1, () => ({ costCode: 'CC-B', badge: 'bB' }));
    const before = await raw(holders[0]);
    expect(before?.['extKeys']).toContain(`${key}.costCode=cc-0`);
    const byCostCode = { orgId: orgA, extKeys: `${key}.costCode=cc-7` };
    expect(await db.models.users.countDocuments(byCostCode)).toBe(1);

    await changeOrgSchema(
      { orgSchemas: db.orgSchemas, clock: at(1_000) },
      { orgId: orgA, id: schema.id, attributes: defs('badge'), deleteData: ['costCode'] },
    );
    // Within the delay a replica may still hold the old definition: nothing is deleted yet.
    expect(await db.runSchemaPurges(at(1_000 + PURGE_DELAY_MS - 1).now(), { pageSize: 200 })).toBeUndefined();
    expect((await raw(holders[0]))?.['attributes']).toMatchObject({ extensions: { [key]: { costCode: 'CC-0' } } });

    // One page, then "a crash": progress is saved; a second worker on its own connection resumes and finishes.
    const later = at(2_000 + PURGE_DELAY_MS).now();
    expect(await db.runSchemaPurges(later, { pageSize: 200, maxPages: 1 })).toEqual({ purged: 200, done: 0 });
    const second = await openDb({
      uri: testMongoUri(),
      dbName: db.connection.name,
      ferretdbPostgresUrl: testPostgresUrl(),
    });
    await second.db.syncIndexes();
    const third = await openDb({
      uri: testMongoUri(),
      dbName: db.connection.name,
      ferretdbPostgresUrl: testPostgresUrl(),
    });
    await third.db.syncIndexes();
    try {
      // Two workers at once: each page is done by one of them, never both.
      const results = await Promise.all([
        second.db.runSchemaPurges(later, { pageSize: 200 }),
        third.db.runSchemaPurges(later, { pageSize: 200 }),
      ]);
      const total = results.reduce((n, r) => n + (r?.purged ?? 0), 0);
      expect(total).toBe(250);
    } finally {
      await second.db.close();
      await third.db.close();
    }
    const pageClaims = await db.models.claims.find({ _id: { $regex: '^schema-purge:' } }).lean();
    expect(pageClaims.map((c) => c._id).filter((id) => id.includes('#'))).toEqual([]);
    expect(pageClaims).toHaveLength(3);
    expect(await db.models.schemaPurges.countDocuments({})).toBe(0);

    for (const id of [holders[0], holders[449]]) {
      const doc = await raw(id);
      const ext = (doc?.['attributes'] as { extensions: Record<string, Record<string, unknown>> }).extensions[key];
      expect(ext).not.toHaveProperty('costCode');
      expect(ext).toHaveProperty('badge');
      expect(doc?.['extKeys']).not.toEqual(expect.arrayContaining([expect.stringContaining('.costCode=')]));
      expect(doc?.['extKeys']).toEqual(expect.arrayContaining([expect.stringContaining(`${key}.badge=`)]));
      expect(JSON.stringify(doc?.['search'])).not.toContain('cc-');
      expect(doc?.['version']).toBe(1);
    }
    expect(await db.models.users.countDocuments(byCostCode)).toBe(0);
    expect((await raw(without))?.['attributes']).toMatchObject({ extensions: { [key]: { badge: 'only-badge' } } });
    expect((await raw(otherOrg))?.['attributes']).toMatchObject({ extensions: { [key]: { costCode: 'CC-B' } } });
    // Nothing left: a run reads the empty queue only.
    expect(await db.runSchemaPurges(later)).toBeUndefined();
  });

  it('retiring with deleteData removes the whole extension object; a retired schema keeps its values otherwise', async () => {
    const kept = await register(orgB, 'kept', defs('keptCode'));
    const gone = await register(orgB, 'gone', defs('goneCode', 'goneBadge'));
    const [both] = await seed(orgB, kept.storageKey, 1, () => ({ keptCode: 'K' }));
    await db.models.users.collection.updateOne({ _id: both } as never, {
      $set: { [`attributes.extensions.${gone.storageKey}`]: { goneCode: 'G', goneBadge: 'g' } },
    });
    const retire = (id: string, deleteData: boolean) =>
      retireOrgSchema({ orgSchemas: db.orgSchemas, clock: at(0) }, { orgId: orgB, id, deleteData });
    await retire(kept.id, false);
    const retired = await retire(gone.id, true);
    expect(retired).toMatchObject({ status: 'retired', purgedAttributeNames: ['goneCode', 'goneBadge'] });
    expect(await db.runSchemaPurges(at(PURGE_DELAY_MS + 60_000).now())).toEqual({ purged: 2, done: 2 });
    const doc = await raw(both);
    expect((doc?.['attributes'] as { extensions: object }).extensions).toEqual({
      [kept.storageKey]: { keptCode: 'K' },
    });
  });

  it('drops a request whose schema change never happened, without touching data', async () => {
    const schema = await register(orgA, 'never', defs('neverCode'));
    const [user] = await seed(orgA, schema.storageKey, 1, () => ({ neverCode: 'stays' }));
    await db.orgSchemas.recordPurges([
      { orgId: orgA, schemaId: schema.id, storageKey: schema.storageKey, attribute: 'neverCode', requestedAt: t0 },
    ]);
    expect(await db.runSchemaPurges(at(PURGE_DELAY_MS * 2).now())).toBeUndefined();
    expect(await db.models.schemaPurges.countDocuments({})).toBe(1);
    await db.runSchemaPurges(at(11 * 60_000).now());
    expect(await db.models.schemaPurges.countDocuments({})).toBe(0);
    expect((await raw(user))?.['attributes']).toMatchObject({
      extensions: { [schema.storageKey]: { neverCode: 'stays' } },
    });
  });
});
