import { createTestOrg } from '@provisio/db/testing';
import type { OrgRecord } from '@provisio/core/orgs';
import { createProducerConnection } from '@provisio/jobs';
import { createLogger } from '@provisio/logger';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestDeps } from '../testing/test-deps.ts';
import { createCredentialCache } from './credential-cache.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
let env: Awaited<ReturnType<typeof createTestDeps>>;
let cache: ReturnType<typeof createCredentialCache>;
let redis: ReturnType<typeof createProducerConnection>;
/** Org reads that reached the database; each waits for `gate` after reading (a slow load). */
const loads = { count: 0, gate: Promise.resolve() };

function cachedDb() {
  const raw = env.deps.db;
  const findById = async (orgId: string): Promise<OrgRecord | null> => {
    loads.count++;
    const found = await raw.orgs.findById(orgId);
    await loads.gate;
    return found;
  };
  return cache.wrap({ ...raw, orgs: { ...raw.orgs, findById } });
}

beforeAll(async () => {
  env = await createTestDeps({ logger });
  redis = createProducerConnection(process.env['REDIS_URL'] ?? '');
  cache = createCredentialCache({ redis, logger });
  await vi.waitFor(() => expect(cache.live).toBe(true));
});
afterAll(async () => {
  cache.close();
  redis.disconnect();
  await env.cleanup();
});

it('concurrent misses of one entry share one database read', async () => {
  const db = cachedDb();
  const { orgId } = await createTestOrg(env.deps.db);
  loads.count = 0;
  const found = await Promise.all(Array.from({ length: 8 }, () => db.orgs.findById(orgId)));
  expect(loads.count).toBe(1);
  expect(new Set(found.map((org) => org?.id))).toEqual(new Set([orgId]));
});

it('a read after an invalidation never takes the answer of a load that started before it', async () => {
  const db = cachedDb();
  const { orgId } = await createTestOrg(env.deps.db, { plan: 'enterprise' });
  loads.count = 0;
  let release = () => undefined as void;
  loads.gate = new Promise<void>((resolve) => (release = resolve));
  const before = db.orgs.findById(orgId);
  await vi.waitFor(() => expect(loads.count).toBe(1));
  // The plan changes while that load (which read 'enterprise') is still in flight.
  await db.orgs.setPlan(orgId, 'free', new Date());
  const after = db.orgs.findById(orgId);
  await vi.waitFor(() => expect(loads.count).toBe(2));
  release();
  expect((await before)?.plan).toBe('enterprise');
  expect((await after)?.plan).toBe('free');
  loads.gate = Promise.resolve();
});
