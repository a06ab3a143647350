import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

type Key = { id: string; revokedReason: string | null };
type Event = { action: string; notes: string[] };

/** An org with two admins; the first owns an `admin` key and a `users:read` key. */
async function orgWithKeyOwningAdmin() {
  const org = await app.newOrg();
  const admin = async (name: string) => {
    const email = `${name}-${org.orgId}@example.com`;
    const res = await app.trpc(org.adminToken, 'users.create', {
      attributes: { userName: email, emails: [{ value: email, primary: true }], active: true },
      role: 'admin',
    });
    expect(res.data).toMatchObject({ role: 'admin' });
    return { id: (res.data as { id: string }).id, email };
  };
  const [alice, bob] = [await admin('alice'), await admin('bob')];
  const key = async (scopes: string[]) => {
    const res = await app.trpc(org.adminToken, 'keys.create', {
      name: scopes.join('+'),
      ownerType: 'user',
      ownerId: alice.id,
      scopes,
    });
    return res.data as { key: Key; token: string };
  };
  return { ...org, alice, bob, adminKey: await key(['admin']), readKey: await key(['users:read']) };
}

/** The admin key died with the role, the other key lives, the ledger says why and the other admin is mailed. */
async function expectAdminKeyRevoked(org: Awaited<ReturnType<typeof orgWithKeyOwningAdmin>>) {
  const refused = await app.trpc(org.adminKey.token, 'users.list', undefined, 'query');
  expect(refused.status).toBe(401);
  expect(refused.error?.message).toMatch(/lost the admin role/);
  expect((await app.trpc(org.readKey.token, 'users.list', undefined, 'query')).status).toBe(200);
  const keys = await app.trpc(org.adminToken, 'keys.list', { ownerId: org.alice.id, includeRevoked: true }, 'query');
  expect((keys.data as { items: Key[] }).items.map((k) => [k.id, k.revokedReason]).sort()).toEqual(
    [
      [org.adminKey.key.id, 'owner_demoted'],
      [org.readKey.key.id, null],
    ].sort(),
  );
  const ledger = await app.trpc(
    org.adminToken,
    'audit.list',
    { resourceType: 'ApplicationKey', resourceId: org.adminKey.key.id },
    'query',
  );
  const events = (ledger.data as { items: Event[] }).items;
  expect(events.find((e) => e.action === 'key.revoked')?.notes.join(' ')).toMatch(
    /lost the admin role.*Org admins were emailed/,
  );
  const alerts = await vi.waitFor(
    () => {
      const found = smtp.mails.filter(
        (m) => /An admin key was revoked/.test(m.raw) && m.raw.includes(org.adminKey.key.id),
      );
      if (found.length === 0) throw new Error('no alert yet');
      return found;
    },
    { timeout: 15_000, interval: 50 },
  );
  expect(alerts.map((m) => m.to)).toEqual([[org.bob.email]]);
}

describe('losing the admin role revokes the admin keys the user owns', () => {
  it('through SCIM: the IdP sends a non-admin role for an admin', async () => {
    const org = await orgWithKeyOwningAdmin();
    const res = await app
      .scim('patch', `/Users/${org.alice.id}`, org.scimToken)
      .send({ Operations: [{ op: 'replace', path: 'roles', value: [{ value: 'standard' }] }] });
    expect([res.status, res.body.roles]).toEqual([200, [{ value: 'standard' }]]);
    expect((await app.trpc(org.adminToken, 'users.get', { id: org.alice.id }, 'query')).data).toMatchObject({
      role: 'standard',
      status: 'invited',
    });
    await expectAdminKeyRevoked(org);
  });

  it('through tRPC: an admin gives the user another role', async () => {
    const org = await orgWithKeyOwningAdmin();
    const res = await app.trpc(org.adminToken, 'users.update', { id: org.alice.id, role: 'read_only' });
    expect(res.data).toMatchObject({ role: 'read_only' });
    await expectAdminKeyRevoked(org);
  });

  it('never issues an admin key to a user who is not an admin', async () => {
    const org = await orgWithKeyOwningAdmin();
    await app.trpc(org.adminToken, 'users.update', { id: org.alice.id, role: 'standard' });
    const res = await app.trpc(org.adminToken, 'keys.create', {
      name: 'again',
      ownerType: 'user',
      ownerId: org.alice.id,
      scopes: ['admin'],
    });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/not an admin/);
  });
});
