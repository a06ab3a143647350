import { hashPassword } from '@provisio/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessTestApp, scimUser } from './testing/access-test-app.ts';
import type { AccessTestApp } from './testing/access-test-app.ts';

let app: AccessTestApp;
beforeAll(async () => {
  app = await createAccessTestApp();
});
afterAll(async () => {
  await app.cleanup();
});

type User = { id: string; role: string; status: string; source: string };

const OWN_PASSWORD = 'the password the person chose';
const signIn = (email: string, password: string) =>
  app.agent.post('/auth/sign-in').set('Origin', 'http://provisio.test').send({ email, password });
const patch = (...Operations: unknown[]) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations,
});
const takeoverPatch = patch(
  { op: 'replace', path: 'roles', value: [{ value: 'admin' }] },
  { op: 'replace', path: 'password', value: 'attacker-chosen-password' },
);

/** A user who accepted their invite and chose a password (as the invite page leaves them). */
async function accepted(orgId: string, id: string) {
  expect(
    await app.deps.db.inviteUsers.markAccepted(orgId, id, {
      passwordHash: await hashPassword(OWN_PASSWORD),
      now: new Date(),
    }),
  ).toBe(true);
}

describe('a key below admin cannot make an admin or sign in as one', () => {
  it('refuses users.create over /trpc with a scim or users:write key that asks for role admin, a password and source jit', async () => {
    const org = await app.newOrg();
    const writer = await app.trpc(org.adminToken, 'keys.create', {
      name: 'tool',
      ownerType: 'service_account',
      ownerId: org.serviceAccountId,
      scopes: ['users:write'],
    });
    for (const token of [org.scimToken, (writer.data as { token: string }).token]) {
      const email = `mallory-${token.slice(4, 12)}@example.com`;
      const attributes = { userName: email, emails: [{ value: email, primary: true }], active: true };
      const res = await app.trpc(token, 'users.create', { attributes, password: 'a', source: 'jit', role: 'admin' });
      expect(res.status).toBe(400);
      expect(res.error?.message).toMatch(/password/);
      expect(res.error?.message).toMatch(/source/);

      const onlyRole = await app.trpc(token, 'users.create', { attributes, role: 'admin' });
      expect(onlyRole.status).toBe(403);
      expect(onlyRole.error?.message).toMatch(/'admin' scope/);
      expect((await signIn(email, 'a')).status).toBe(401);
      const listed = await app.trpc(org.adminToken, 'users.list', { email }, 'query');
      expect((listed.data as { items: User[] }).items).toEqual([]);
    }
  });

  it('discards a SCIM password and maps no roles value to admin: PATCH on a user who accepted their invite', async () => {
    const org = await app.newOrg();
    const email = `accepted-${org.orgId}@example.com`;
    const created = await app.scim('post', '/Users', org.scimToken).send(scimUser(email, { password: 'a' }));
    expect(created.status).toBe(201);
    await accepted(org.orgId, created.body.id);

    const res = await app.scim('patch', `/Users/${created.body.id}`, org.scimToken).send(takeoverPatch);
    expect(res.status).toBe(200);
    expect(res.body.password).toBeUndefined();
    const user = (await app.trpc(org.adminToken, 'users.get', { id: created.body.id }, 'query')).data as User;
    expect(user).toMatchObject({ role: 'standard', status: 'active', source: 'scim' });
    expect((await signIn(email, 'attacker-chosen-password')).status).toBe(401);
    expect((await signIn(email, 'a')).status).toBe(401);
  });

  it('cannot take over an existing admin: the password is discarded, identity changes and reactivation are refused', async () => {
    const org = await app.newOrg();
    const email = `boss-${org.orgId}@example.com`;
    const made = await app.trpc(org.adminToken, 'users.create', {
      attributes: { userName: email, emails: [{ value: email, primary: true }], active: true },
      role: 'admin',
    });
    expect(made.data).toMatchObject({ role: 'admin' });
    const id = (made.data as User).id;
    await accepted(org.orgId, id);

    const pwd = await app
      .scim('patch', `/Users/${id}`, org.scimToken)
      .send(patch({ op: 'replace', path: 'password', value: 'attacker-chosen-password' }));
    expect(pwd.status).toBe(200);
    expect((await signIn(email, 'attacker-chosen-password')).status).toBe(401);
    expect((await signIn(email, OWN_PASSWORD)).status).toBe(200);

    const moveMail = await app
      .scim('patch', `/Users/${id}`, org.scimToken)
      .send(patch({ op: 'replace', path: 'emails', value: [{ value: 'mallory@evil.example', primary: true }] }));
    expect(moveMail.status).toBe(403);
    expect(moveMail.body.detail).toMatch(/admin/);
    const rename = await app.scim('put', `/Users/${id}`, org.scimToken).send(scimUser('mallory@evil.example'));
    expect(rename.status).toBe(403);

    // Deprovisioning only removes rights: allowed. Bringing the admin back is not.
    expect(
      (await app.scim('patch', `/Users/${id}`, org.scimToken).send(patch({ op: 'replace', value: { active: false } })))
        .status,
    ).toBe(200);
    const back = await app
      .scim('patch', `/Users/${id}`, org.scimToken)
      .send(patch({ op: 'replace', value: { active: true } }));
    expect(back.status).toBe(403);
    expect((await app.trpc(org.scimToken, 'users.reactivate', { id })).status).toBe(403);
    expect((await app.trpc(org.adminToken, 'users.reactivate', { id })).data).toMatchObject({
      status: 'active',
      role: 'admin',
    });
    const user = (await app.trpc(org.adminToken, 'users.get', { id }, 'query')).data as User & { userName: string };
    expect(user).toMatchObject({ userName: email, source: 'admin' });
  });

  it('maps a roles value to admin only when an org admin mapped it, and the explicit role still needs the admin scope', async () => {
    const org = await app.newOrg();
    const email = `delegated-${org.orgId}@example.com`;
    const create = () =>
      app.scim('post', '/Users', org.scimToken).send(scimUser(email, { roles: [{ value: 'Provisio Admins' }] }));
    const before = await create();
    expect(before.status).toBe(201);
    expect((await app.trpc(org.adminToken, 'users.get', { id: before.body.id }, 'query')).data).toMatchObject({
      role: 'standard',
    });
    expect((await app.scim('delete', `/Users/${before.body.id}`, org.scimToken)).status).toBe(204);

    const mapping = [{ value: 'provisio-admins', role: 'admin' }];
    expect((await app.trpc(org.scimToken, 'org.updateSettings', { roleMapping: mapping })).status).toBe(403);
    expect((await app.trpc(org.adminToken, 'org.updateSettings', { roleMapping: mapping })).data).toMatchObject({
      settings: { roleMapping: mapping },
    });
    const after = await create();
    expect(after.status).toBe(201);
    expect((await app.trpc(org.adminToken, 'users.get', { id: after.body.id }, 'query')).data).toMatchObject({
      role: 'admin',
      source: 'scim',
    });
    const attributes = { userName: `explicit-${email}`, active: true };
    expect((await app.trpc(org.scimToken, 'users.create', { attributes, role: 'admin' })).status).toBe(403);
    expect((await app.trpc(org.adminToken, 'org.updateSettings', { defaultRole: 'admin' })).status).toBe(400);
  });
});
