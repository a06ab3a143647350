import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createAccessTestApp, keySecretOf, scimUser } from './testing/access-test-app.ts';
import type { AccessTestApp } from './testing/access-test-app.ts';

let app: AccessTestApp;
beforeAll(async () => {
  app = await createAccessTestApp();
});
afterAll(async () => {
  await app.cleanup();
});

const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

describe('who may call', () => {
  it('creates an org with a scim key that works on /scim/v2 at once', async () => {
    const org = await app.newOrg();
    expect(org.scimToken).toMatch(/^pvk_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    const res = await app.scim('get', '/Users', org.scimToken);
    expect(res.status).toBe(200);
  });

  it('answers SCIM on a non-enterprise plan with 403 saying why and what to do', async () => {
    const org = await app.newOrg('pro');
    const res = await app.scim('get', '/Users', org.scimToken);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ schemas: [ERROR_URN], status: '403' });
    expect(res.body.detail).toMatch(/not included in the pro plan.*Upgrade/);
    // A plan change applies on the next request.
    expect((await app.trpc(ADMIN_TOKEN, 'platform.setOrgPlan', { orgId: org.orgId, plan: 'enterprise' })).status).toBe(
      200,
    );
    expect((await app.scim('get', '/Users', org.scimToken)).status).toBe(200);
  });

  it('answers SCIM with 403 while SCIM is disabled in the org settings', async () => {
    const org = await app.newOrg();
    expect((await app.trpc(org.adminToken, 'org.updateSettings', { scimEnabled: false })).status).toBe(200);
    const res = await app.scim('get', '/Users', org.scimToken);
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/SCIM provisioning is disabled.*enable it/);
  });

  it('keeps a scim key out of users.* on /trpc as well while the plan has no SCIM; an admin key still works', async () => {
    const org = await app.newOrg('pro');
    const viaTrpc = await app.trpc(org.scimToken, 'users.list', {}, 'query');
    expect(viaTrpc.status).toBe(403);
    expect(viaTrpc.error?.message).toMatch(/not included in the pro plan.*Upgrade/);
    expect((await app.trpc(org.scimToken, 'users.create', { attributes: scimUser('sneaky@example.com') })).status).toBe(
      403,
    );
    expect((await app.trpc(org.adminToken, 'users.list', {}, 'query')).status).toBe(200);
    expect((await app.trpc(ADMIN_TOKEN, 'platform.setOrgPlan', { orgId: org.orgId, plan: 'enterprise' })).status).toBe(
      200,
    );
    expect((await app.trpc(org.scimToken, 'users.list', {}, 'query')).status).toBe(200);
  });

  it('keeps a scim key out of users.* on /trpc while SCIM is disabled; a key with scim and users:read keeps only reading', async () => {
    const org = await app.newOrg();
    const mixed = await app.trpc(org.adminToken, 'keys.create', {
      name: 'scim and read',
      ownerType: 'service_account',
      ownerId: org.serviceAccountId,
      scopes: ['scim', 'users:read'],
    });
    const mixedToken = (mixed.data as { token: string }).token;
    expect((await app.trpc(org.adminToken, 'org.updateSettings', { scimEnabled: false })).status).toBe(200);
    const viaTrpc = await app.trpc(org.scimToken, 'users.list', {}, 'query');
    expect(viaTrpc.status).toBe(403);
    expect(viaTrpc.error?.message).toMatch(/SCIM provisioning is disabled.*enable it/);
    expect((await app.trpc(mixedToken, 'users.list', {}, 'query')).status).toBe(200);
    expect((await app.trpc(mixedToken, 'users.create', { attributes: scimUser('mixed@example.com') })).status).toBe(
      403,
    );
    expect((await app.trpc(org.adminToken, 'users.list', {}, 'query')).status).toBe(200);
  });

  it('answers a missing or unknown key with 401, a Bearer challenge and, on /scim, a SCIM error', async () => {
    const org = await app.newOrg();
    const forged = org.scimToken.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    for (const token of [null, 'nonsense', forged]) {
      const scim = await app.scim('get', '/Users', token);
      expect(scim.status).toBe(401);
      expect(scim.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(scim.body).toMatchObject({ schemas: [ERROR_URN], status: '401' });
      const trpc = await app.trpc(token, 'keys.list', undefined, 'query');
      expect(trpc.status).toBe(401);
      expect(trpc.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('keeps the platform token to platform operations, and org keys out of them', async () => {
    const org = await app.newOrg();
    expect((await app.trpc(ADMIN_TOKEN, 'keys.list', undefined, 'query')).status).toBe(403);
    expect((await app.scim('get', '/Users', ADMIN_TOKEN)).status).toBe(403);
    expect((await app.trpc(org.adminToken, 'platform.createOrg', { name: 'nope', plan: 'free' })).status).toBe(403);
  });

  it("gives a key of org A 404 on org B's ids", async () => {
    const a = await app.newOrg();
    const b = await app.newOrg();
    const created = await app.scim('post', '/Users', b.scimToken).send(scimUser('bob@b.example'));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await app.scim('get', `/Users/${id}`, a.scimToken)).status).toBe(404);
    expect(
      (
        await app
          .scim('patch', `/Users/${id}`, a.scimToken)
          .send({ Operations: [{ op: 'replace', value: { active: false } }] })
      ).status,
    ).toBe(404);
    expect((await app.scim('delete', `/Users/${id}`, a.scimToken)).status).toBe(404);
    expect((await app.trpc(a.adminToken, 'keys.revoke', { id: b.scimKeyId })).status).toBe(404);
    expect((await app.trpc(a.adminToken, 'users.get', { id }, 'query')).status).toBe(404);
    expect((await app.scim('get', `/Users/${id}`, b.scimToken)).status).toBe(200);
  });

  it('refuses a revoked key with 401 on the very next request (no cache), saying it was revoked', async () => {
    const org = await app.newOrg();
    const { data } = await app.trpc(org.adminToken, 'keys.create', {
      name: 'okta',
      ownerType: 'service_account',
      ownerId: org.serviceAccountId,
      scopes: ['scim'],
    });
    const { key, token } = data as { key: { id: string }; token: string };
    expect((await app.scim('get', '/Users', token)).status).toBe(200);
    expect((await app.trpc(org.adminToken, 'keys.revoke', { id: key.id })).status).toBe(200);
    const res = await app.scim('get', '/Users', token);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body.detail).toMatch(/revoked at .*Create a new key/);
    const trpc = await app.trpc(token, 'users.list', {}, 'query');
    expect(trpc.status).toBe(401);
    expect(trpc.error?.message).toMatch(/revoked/);
  });

  it('enforces scopes per procedure: a users:read key can read but not create, and is no SCIM key', async () => {
    const org = await app.newOrg();
    const { data } = await app.trpc(org.adminToken, 'keys.create', {
      name: 'reader',
      ownerType: 'service_account',
      ownerId: org.serviceAccountId,
      scopes: ['users:read'],
    });
    const reader = (data as { token: string }).token;
    expect((await app.trpc(reader, 'users.list', {}, 'query')).status).toBe(200);
    const create = await app.trpc(reader, 'users.create', { attributes: { userName: 'x@example.com', active: true } });
    expect(create.status).toBe(403);
    expect(create.error?.message).toMatch(/users:write/);
    expect(
      (
        await app.trpc(reader, 'keys.create', {
          name: 'x',
          ownerType: 'service_account',
          ownerId: org.serviceAccountId,
          scopes: ['admin'],
        })
      ).status,
    ).toBe(403);
    expect((await app.scim('get', '/Users', reader)).status).toBe(403);
    // The SCIM key drives users but cannot manage keys or read the ledger.
    expect((await app.trpc(org.scimToken, 'keys.list', undefined, 'query')).status).toBe(403);
    expect((await app.trpc(org.scimToken, 'audit.list', {}, 'query')).status).toBe(403);
  });

  it('records lastUsedAt at most once a minute per key', async () => {
    const org = await app.newOrg();
    const lastUsed = async () => {
      const { data } = await app.trpc(org.adminToken, 'keys.list', { ownerId: org.serviceAccountId }, 'query');
      return (data as { items: Array<{ lastUsedAt: string | null }> }).items[0]?.lastUsedAt;
    };
    expect(await lastUsed()).toBeNull();
    await app.scim('get', '/Users', org.scimToken);
    const first = await lastUsed();
    expect(first).toMatch(/^\d{4}-/);
    await app.scim('get', '/Users', org.scimToken);
    expect(await lastUsed()).toBe(first);
  });

  it('never shows service accounts to SCIM, and lists keys without secrets', async () => {
    const org = await app.newOrg();
    await app.trpc(org.adminToken, 'serviceAccounts.create', { name: 'ci-bot' });
    const users = await app.scim('get', '/Users', org.scimToken);
    expect(users.body.totalResults).toBe(0);
    expect((await app.scim('get', `/Users/${org.serviceAccountId}`, org.scimToken)).status).toBe(404);
    const accounts = await app.trpc(org.adminToken, 'serviceAccounts.list', undefined, 'query');
    expect((accounts.data as { items: Array<{ name: string }> }).items.map((a) => a.name).sort()).toEqual([
      'ci-bot',
      'org-admin',
      'scim-provisioning',
    ]);
    const listed = JSON.stringify(
      (await app.trpc(org.adminToken, 'keys.list', { includeRevoked: true }, 'query')).data,
    );
    expect(listed).not.toContain(keySecretOf(org.scimToken));
    expect(listed).not.toContain(keySecretOf(org.adminToken));
    expect(listed).not.toMatch(/secretHash/);
  });
});
