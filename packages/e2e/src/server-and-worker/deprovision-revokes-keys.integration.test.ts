import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivateOp, scimUser } from '@provisio/server/auth-testing';
import type { AccessTestApp } from '@provisio/server/auth-testing';
import { startAccessStack } from './access-stack.ts';

let stack: Awaited<ReturnType<typeof startAccessStack>>;
let app: AccessTestApp;
let smtp: Awaited<ReturnType<typeof startAccessStack>>['smtp'];

beforeAll(async () => {
  stack = await startAccessStack();
  ({ app, smtp } = stack);
});
afterAll(() => stack.stop());

type Key = { id: string; revokedAt: string | null; revokedReason: string | null };

/** An org whose IdP uses a key owned by a human admin (the documented hazard), plus a second admin to alert. */
async function orgWithUserOwnedScimKey() {
  const org = await app.newOrg();
  // The org admin lets the IdP decide who is an admin through its `admin` role value.
  await app.trpc(org.adminToken, 'org.updateSettings', { roleMapping: [{ value: 'admin', role: 'admin' }] });
  const owner = await app
    .scim('post', '/Users', org.scimToken)
    .send(scimUser(`owner-${org.orgId}@example.com`, { roles: [{ value: 'admin' }] }));
  const other = await app
    .scim('post', '/Users', org.scimToken)
    .send(scimUser(`other-${org.orgId}@example.com`, { roles: [{ value: 'admin' }] }));
  expect([owner.status, owner.body.roles, other.status]).toEqual([201, [{ value: 'admin' }], 201]);
  const { data } = await app.trpc(org.adminToken, 'keys.create', {
    name: 'okta (personal)',
    ownerType: 'user',
    ownerId: owner.body.id,
    scopes: ['scim'],
  });
  const { key, token } = data as { key: Key; token: string };
  return {
    ...org,
    ownerId: owner.body.id as string,
    otherEmail: `other-${org.orgId}@example.com`,
    userKey: key,
    userToken: token,
  };
}

describe('deprovisioning revokes credentials', () => {
  it('revokes the owner keys when the IdP deactivates the owner through SCIM, says why on the next request, and mails the admins', async () => {
    const org = await orgWithUserOwnedScimKey();
    const status = await app.trpc(org.adminToken, 'org.scimStatus', undefined, 'query');
    expect((status.data as { warnings: Array<{ code: string }> }).warnings.map((w) => w.code)).toContain(
      'scim_key_owned_by_user',
    );

    // The IdP, holding the owner's key, deactivates the owner: the request itself succeeds.
    const off = await app.scim('patch', `/Users/${org.ownerId}`, org.userToken).send(deactivateOp);
    expect([off.status, off.body.active]).toEqual([200, false]);

    const next = await app.scim('get', '/Users', org.userToken);
    expect(next.status).toBe(401);
    expect(next.body.detail).toMatch(
      /revoked at .* because its owner \(user .*\) was deprovisioned \(deactivated\).*service account/,
    );

    const keys = await app.trpc(org.adminToken, 'keys.list', { ownerId: org.ownerId, includeRevoked: true }, 'query');
    expect((keys.data as { items: Key[] }).items).toMatchObject([
      { id: org.userKey.id, revokedReason: 'owner_deactivated' },
    ]);

    // Invites go through the same worker and SMTP server: pick the alert out.
    const isAlert = (m: { raw: string }) => /SCIM provisioning stopped/.test(m.raw);
    const alerts = (await smtp.until((mails) => mails.some(isAlert))).filter(isAlert);
    expect(alerts.map((m) => m.to)).toEqual([[org.otherEmail]]);
    expect(alerts[0]?.raw).toMatch(/service account/);

    const ledger = await app.trpc(
      org.adminToken,
      'audit.list',
      { resourceType: 'ApplicationKey', resourceId: org.userKey.id },
      'query',
    );
    const events = (ledger.data as { items: Array<{ action: string; notes: string[] }> }).items;
    expect(events.find((e) => e.action === 'key.revoked')?.notes.join(' ')).toMatch(/Org admins were emailed/);
  });

  it('revokes the keys of a user an admin deletes, and keeps service account keys working throughout', async () => {
    const org = await orgWithUserOwnedScimKey();
    const deleted = await app.trpc(org.adminToken, 'users.delete', { id: org.ownerId });
    expect(deleted.status).toBe(200);
    const res = await app.scim('get', '/Users', org.userToken);
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/deprovisioned \(deleted\)/);

    // The service account's key is untouched by any number of deprovisionings.
    for (let i = 0; i < 3; i++) {
      const u = await app.scim('post', '/Users', org.scimToken).send(scimUser(`leaver-${i}-${org.orgId}@example.com`));
      expect((await app.scim('patch', `/Users/${u.body.id}`, org.scimToken).send(deactivateOp)).status).toBe(200);
      expect((await app.scim('delete', `/Users/${u.body.id}`, org.scimToken)).status).toBe(204);
    }
    expect((await app.scim('get', '/Users', org.scimToken)).status).toBe(200);
    const keys = await app.trpc(org.adminToken, 'keys.list', { ownerId: org.serviceAccountId }, 'query');
    expect((keys.data as { items: Key[] }).items).toMatchObject([{ id: org.scimKeyId, revokedAt: null }]);
  });

  it('refuses to give a deactivated user a new key', async () => {
    const org = await app.newOrg();
    const u = await app
      .scim('post', '/Users', org.scimToken)
      .send(scimUser(`gone-${org.orgId}@example.com`, { active: false }));
    const res = await app.trpc(org.adminToken, 'keys.create', {
      name: 'x',
      ownerType: 'user',
      ownerId: u.body.id,
      scopes: ['scim'],
    });
    expect(res.status).toBe(400);
  });
});
