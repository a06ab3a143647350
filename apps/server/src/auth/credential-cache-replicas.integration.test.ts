import { startTcpProxy } from '@provisio/db/testing';
import { hashPlatformToken, systemClock } from '@provisio/core';
import { createDb } from '@provisio/db';
import type { KeyRepository } from '@provisio/core/keys';
import { createProducerConnection } from '@provisio/jobs';
import { createLogger } from '@provisio/logger';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from '../create-server.ts';
import { createTestDeps } from '../testing/test-deps.ts';
import { createCredentialCache } from './credential-cache.ts';
import { createKeyResolver } from './key-resolver.ts';
import { ADMIN_TOKEN, deactivateOp, scimUser } from './testing/access-test-app.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
let env: Awaited<ReturnType<typeof createTestDeps>>;
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
const closers: Array<() => unknown> = [];

/** One server replica: its own database connection, Redis connection and credential cache; counts its key reads. */
async function replica(redisUrl: string) {
  const raw = await createDb({ uri: process.env['MONGODB_URI'] ?? '', dbName: env.deps.db.connection.name });
  const redis = createProducerConnection(redisUrl);
  const cache = createCredentialCache({ redis, logger });
  const keyReads = { count: 0 };
  const keys: KeyRepository = { ...raw.keys, findForAuth: (id) => (keyReads.count++, raw.keys.findForAuth(id)) };
  const db = cache.wrap({ ...raw, keys });
  const resolvePrincipal = createKeyResolver({ keys: db.keys, clock: systemClock, logger, adminToken: ADMIN_TOKEN });
  const server = createServer({
    ...env.deps,
    db,
    redis,
    logger,
    resolvePrincipal,
    platformTokenHash: hashPlatformToken(ADMIN_TOKEN),
  });
  closers.push(
    () => redis.disconnect(),
    () => raw.close(),
  );
  await vi.waitFor(() => expect(cache.live).toBe(true));
  const agent = request(server.app);
  return {
    cache,
    keyReads,
    scim: (method: 'get' | 'post' | 'patch', path: string, token: string) =>
      agent[method](`/scim/v2${path}`).set('Authorization', `Bearer ${token}`),
    trpc: async (token: string, path: string, input: object) => {
      const res = await agent.post(`/trpc/${path}`).set('Authorization', `Bearer ${token}`).send(input);
      return { status: res.status, data: (res.body as { result?: { data: unknown } }).result?.data as never };
    },
    query: async (token: string, path: string, input: object) => {
      const res = await agent
        .get(`/trpc/${path}`)
        .set('Authorization', `Bearer ${token}`)
        .query({ input: JSON.stringify(input) });
      return (res.body as { result?: { data: unknown } }).result?.data as never;
    },
  };
}

let a: Awaited<ReturnType<typeof replica>>;
let b: Awaited<ReturnType<typeof replica>>;

beforeAll(async () => {
  env = await createTestDeps({ logger });
  const url = new URL(process.env['REDIS_URL'] ?? '');
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
  a = await replica(process.env['REDIS_URL'] ?? '');
  // B reaches Redis through a proxy the last test cuts.
  b = await replica(`redis://127.0.0.1:${proxy.port}`);
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await proxy.close();
  await env.cleanup();
});

/** A new org through A, with a key owned by a person (revoked when they are deprovisioned). */
async function newOrg() {
  const created = await a.trpc(ADMIN_TOKEN, 'platform.createOrg', {
    name: `Org ${Math.random().toString(36).slice(2)}`,
    plan: 'enterprise',
  });
  const org = created.data as {
    org: { id: string };
    serviceAccount: { id: string };
    scim: { token: string; key: { id: string } };
  };
  const admin = (await a.trpc(ADMIN_TOKEN, 'platform.createAdminKey', { orgId: org.org.id })).data as { token: string };
  const person = await a.scim('post', '/Users', org.scim.token).send(scimUser(`person-${org.org.id}@example.com`));
  const personal = (
    await a.trpc(admin.token, 'keys.create', {
      name: 'personal',
      ownerType: 'user',
      ownerId: person.body.id,
      scopes: ['scim'],
    })
  ).data as { token: string };
  return {
    orgId: org.org.id,
    scimToken: org.scim.token,
    scimKeyId: org.scim.key.id,
    adminToken: admin.token,
    personId: person.body.id as string,
    personalToken: personal.token,
  };
}

/** B answers `token` from its cache: a second request reads no key. */
async function cachedOnB(token: string) {
  expect((await b.scim('get', '/Users', token)).status).toBe(200);
  const reads = b.keyReads.count;
  expect((await b.scim('get', '/Users', token)).status).toBe(200);
  expect(b.keyReads.count).toBe(reads);
}

describe('a revocation through one replica takes effect on the very next request on another that had it cached', () => {
  it('a key revoked by an admin', async () => {
    const org = await newOrg();
    await cachedOnB(org.scimToken);
    expect((await a.trpc(org.adminToken, 'keys.revoke', { id: org.scimKeyId })).status).toBe(200);
    const next = await b.scim('get', '/Users', org.scimToken);
    expect(next.status).toBe(401);
    expect(next.body.detail).toMatch(/revoked/);
  });

  it('the key owner deprovisioned by the IdP', async () => {
    const org = await newOrg();
    await cachedOnB(org.personalToken);
    expect((await a.scim('patch', `/Users/${org.personId}`, org.scimToken).send(deactivateOp)).status).toBe(200);
    expect((await b.scim('get', '/Users', org.personalToken)).status).toBe(401);
  });

  it('SCIM disabled in the org settings, and the plan changed', async () => {
    const org = await newOrg();
    await cachedOnB(org.scimToken);
    expect((await a.trpc(org.adminToken, 'org.updateSettings', { scimEnabled: false })).status).toBe(200);
    expect((await b.scim('get', '/Users', org.scimToken)).status).toBe(403);
    expect((await a.trpc(org.adminToken, 'org.updateSettings', { scimEnabled: true })).status).toBe(200);
    await cachedOnB(org.scimToken);
    expect((await a.trpc(ADMIN_TOKEN, 'platform.setOrgPlan', { orgId: org.orgId, plan: 'pro' })).status).toBe(200);
    expect((await b.scim('get', '/Users', org.scimToken)).status).toBe(403);
  });

  it('a group mapped to a role: the next role recompute on the other replica decides with it', async () => {
    const org = await newOrg();
    const group = async (displayName: string) =>
      (
        await b.scim('post', '/Groups', org.scimToken).send({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
          displayName,
        })
      ).body.id as string;
    const addMember = (groupId: string, userId: string) =>
      b.scim('patch', `/Groups/${groupId}`, org.scimToken).send({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'add', path: 'members', value: [{ value: userId }] }],
      });
    const user = async (userName: string) =>
      (await b.scim('post', '/Users', org.scimToken).send(scimUser(`${userName}-${org.orgId}@example.com`))).body
        .id as string;
    const roleOf = async (id: string) =>
      ((await a.query(org.adminToken, 'users.get', { id })) as { role: string } | undefined)?.role;
    const [readers, admins] = [await group('Readers'), await group('Admins')];
    expect((await a.trpc(org.adminToken, 'roles.mapGroup', { groupId: readers, role: 'read_only' })).status).toBe(200);
    // B recomputes a role once: it holds the org's mappings (only Readers) now.
    const reader = await user('reader');
    expect((await addMember(readers, reader)).status).toBe(204);
    expect(await roleOf(reader)).toBe('read_only');
    expect((await a.trpc(org.adminToken, 'roles.mapGroup', { groupId: admins, role: 'admin' })).status).toBe(200);
    const admin = await user('admin');
    expect((await addMember(admins, admin)).status).toBe(204);
    expect(await roleOf(admin)).toBe('admin');
  });

  it("the brake's settings changed: the next deprovision on the other replica counts against them", async () => {
    const org = await newOrg();
    const ids = await Promise.all(
      ['one', 'two'].map(
        async (name) =>
          (await b.scim('post', '/Users', org.scimToken).send(scimUser(`${name}-${org.orgId}@example.com`))).body
            .id as string,
      ),
    );
    // The first deprovision on B reads the default settings (50 users or 10 %): admitted.
    expect((await b.scim('patch', `/Users/${ids[0]}`, org.scimToken).send(deactivateOp)).status).toBe(200);
    expect((await a.trpc(org.adminToken, 'brake.configure', { percent: 0, count: 1 })).status).toBe(200);
    // The second is past "more than 1 user": held, only if B decided with the new settings.
    expect((await b.scim('patch', `/Users/${ids[1]}`, org.scimToken).send(deactivateOp)).status).toBe(429);
  });

  it('an extension schema registered: the next SCIM request on the other replica serves it', async () => {
    const org = await newOrg();
    const urn = 'urn:ietf:params:scim:schemas:extension:replica:2.0:User';
    const schemaIds = async () =>
      ((await b.scim('get', '/Schemas', org.scimToken)).body.Resources as { id: string }[]).map((s) => s.id);
    expect(await schemaIds()).not.toContain(urn); // B holds the org's schemas now
    const registered = await a.trpc(org.adminToken, 'orgSchemas.register', {
      urn,
      name: 'Replica',
      attributes: [{ name: 'costCode', type: 'string' }],
    });
    expect(registered.status).toBe(200);
    expect(await schemaIds()).toContain(urn);
  });

  it('drops the whole cache while its subscriber is cut off (a message may be missed), and serves it again once resubscribed', async () => {
    const org = await newOrg();
    await cachedOnB(org.scimToken);
    await proxy.cut();
    await vi.waitFor(() => expect(b.cache.live).toBe(false));
    // A's message cannot reach B; B reads the key again and sees the revocation.
    expect((await a.trpc(org.adminToken, 'keys.revoke', { id: org.scimKeyId })).status).toBe(200);
    const reads = b.keyReads.count;
    expect((await b.scim('get', '/Users', org.scimToken)).status).toBe(401);
    expect(b.keyReads.count).toBe(reads + 1);
    await proxy.restore();
    await vi.waitFor(() => expect(b.cache.live).toBe(true), { timeout: 10_000 });
    const other = await newOrg();
    await cachedOnB(other.scimToken);
  });
});
