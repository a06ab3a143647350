import type { AuditEvent } from '@provisio/core/audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessTestApp, scimUser } from '../auth/testing/access-test-app.ts';
import type { AccessTestApp } from '../auth/testing/access-test-app.ts';

let app: AccessTestApp;
beforeAll(async () => {
  app = await createAccessTestApp();
});
afterAll(() => app.cleanup());

const patchOp = (...Operations: unknown[]) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations,
});
type User = { id: string; role: string; roleGrant?: { groupId: string; orgRoleId: string | null } | null };

async function orgWithUsers(n: number) {
  const org = await app.newOrg();
  const users: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await app.scim('post', '/Users', org.scimToken).send(scimUser(`u${i}-${org.orgId}@example.com`));
    expect(res.status).toBe(201);
    users.push((res.body as { id: string }).id);
  }
  const group = async (displayName: string, members: string[] = []) => {
    const res = await app.scim('post', '/Groups', org.scimToken).send({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName,
      members: members.map((value) => ({ value })),
    });
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  };
  const user = async (id: string) => (await app.trpc(org.adminToken, 'users.get', { id }, 'query')).data as User;
  const map = async (input: Record<string, string>) => {
    const res = await app.trpc(org.adminToken, 'roles.mapGroup', input);
    expect(res.status, JSON.stringify(res.error)).toBe(200);
  };
  return { ...org, users, group, user, map };
}

describe('a user role follows their mapped groups over SCIM', () => {
  it('Okta Group Push: add, remove in one PATCH, full replace, delete', async () => {
    const org = await orgWithUsers(2);
    const [u1, u2] = org.users as [string, string];
    const admins = await org.group('Provisio Admins');
    await org.map({ groupId: admins, role: 'admin' });
    // Okta renames the pushed group: the mapping is by id, so it holds.
    await app
      .scim('patch', `/Groups/${admins}`, org.scimToken)
      .send(patchOp({ op: 'replace', value: { id: admins, displayName: 'Admins (renamed)' } }));
    const add = await app
      .scim('patch', `/Groups/${admins}`, org.scimToken)
      .send(patchOp({ op: 'add', path: 'members', value: [{ value: u1, display: 'u1' }] }));
    expect(add.status).toBe(204);
    expect(await org.user(u1)).toMatchObject({ role: 'admin', roleGrant: { groupId: admins, orgRoleId: null } });
    await app
      .scim('patch', `/Groups/${admins}`, org.scimToken)
      .send(
        patchOp(
          { op: 'remove', path: `members[value eq "${u1}"]` },
          { op: 'add', path: 'members', value: [{ value: u2 }] },
        ),
      );
    expect((await org.user(u1)).role).toBe('standard');
    expect((await org.user(u1)).roleGrant ?? null).toBeNull();
    expect((await org.user(u2)).role).toBe('admin');
    await app
      .scim('patch', `/Groups/${admins}`, org.scimToken)
      .send(patchOp({ op: 'replace', path: 'members', value: [{ value: u1 }] }));
    expect([(await org.user(u1)).role, (await org.user(u2)).role]).toEqual(['admin', 'standard']);
    expect((await app.scim('delete', `/Groups/${admins}`, org.scimToken)).status).toBe(204);
    expect((await org.user(u1)).role).toBe('standard');
  });

  it('Entra: Add and Remove with a value array, PUT members, and the highest role wins', async () => {
    const org = await orgWithUsers(2);
    const [a, b] = org.users as [string, string];
    const readers = await org.group('Readers');
    const engineers = await org.group('Engineers');
    const role = await app.trpc(org.adminToken, 'roles.save', {
      name: 'Engineer',
      description: 'Builds things',
      rank: 10,
    });
    expect(role.status).toBe(200);
    await org.map({ groupId: readers, role: 'read_only' });
    await org.map({ groupId: engineers, orgRoleId: (role.data as { id: string }).id });
    await app.scim('patch', `/Groups/${readers}`, org.scimToken).send(
      patchOp({
        op: 'Add',
        path: 'members',
        value: [
          { $ref: null, value: a },
          { $ref: null, value: b },
        ],
      }),
    );
    expect([(await org.user(a)).role, (await org.user(b)).role]).toEqual(['read_only', 'read_only']);
    await app
      .scim('patch', `/Groups/${engineers}`, org.scimToken)
      .send(patchOp({ op: 'Add', path: 'members', value: [{ $ref: null, value: a }] }));
    expect(await org.user(a)).toMatchObject({
      role: 'standard',
      roleGrant: { groupId: engineers, orgRoleId: (role.data as { id: string }).id },
    });
    await app
      .scim('patch', `/Groups/${engineers}`, org.scimToken)
      .send(patchOp({ op: 'Remove', path: 'members', value: [{ $ref: null, value: a }] }));
    expect(await org.user(a)).toMatchObject({ role: 'read_only', roleGrant: { groupId: readers } });
    const put = await app.scim('put', `/Groups/${readers}`, org.scimToken).send({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Readers',
      members: [{ value: b }],
    });
    expect(put.status).toBe(200);
    expect([(await org.user(a)).role, (await org.user(b)).role]).toEqual(['standard', 'read_only']);
  });

  it('a mapped admin removed from the group is demoted and loses their admin keys', async () => {
    const org = await orgWithUsers(1);
    const [u] = org.users as [string];
    const admins = await org.group('Admins', [u]);
    await org.map({ groupId: admins, role: 'admin' });
    expect((await org.user(u)).role).toBe('admin');
    const key = await app.trpc(org.adminToken, 'keys.create', {
      name: 'ops',
      ownerType: 'user',
      ownerId: u,
      scopes: ['admin'],
    });
    expect(key.status).toBe(200);
    const token = (key.data as { token: string }).token;
    expect((await app.trpc(token, 'users.list', undefined, 'query')).status).toBe(200);
    await app
      .scim('patch', `/Groups/${admins}`, org.scimToken)
      .send(patchOp({ op: 'remove', path: `members[value eq "${u}"]` }));
    expect((await org.user(u)).role).toBe('standard');
    const refused = await app.trpc(token, 'users.list', undefined, 'query');
    expect([refused.status, refused.error?.message]).toEqual([401, expect.stringMatching(/lost the admin role/)]);
    const notes = (events: AuditEvent[]) => events.flatMap((e) => e.notes).join(' ');
    const demoted = new RegExp(`role of user ${u}: admin → standard \\(no mapped group left`);
    await app.ledger(org.adminToken, { resourceType: 'Group', resourceId: admins }, (events) =>
      demoted.test(notes(events)),
    );
  });

  it('concurrent membership changes end in the role of the final memberships', async () => {
    const org = await orgWithUsers(6);
    const admins = await org.group('Admins');
    const readers = await org.group('Readers');
    await org.map({ groupId: admins, role: 'admin' });
    await org.map({ groupId: readers, role: 'read_only' });
    const change = (group: string, op: 'add' | 'remove', u: string) =>
      app
        .scim('patch', `/Groups/${group}`, org.scimToken)
        .send(
          op === 'add'
            ? patchOp({ op, path: 'members', value: [{ value: u }] })
            : patchOp({ op, path: `members[value eq "${u}"]` }),
        );
    // Each user: into both groups at once, then out of Admins while joining Readers again.
    await Promise.all(org.users.flatMap((u) => [change(admins, 'add', u), change(readers, 'add', u)]));
    expect(new Set(await Promise.all(org.users.map(async (u) => (await org.user(u)).role)))).toEqual(
      new Set(['admin']),
    );
    await Promise.all(
      org.users.flatMap((u, i) =>
        i % 2 ? [change(admins, 'remove', u), change(readers, 'add', u)] : [change(readers, 'remove', u)],
      ),
    );
    const roles = await Promise.all(org.users.map(async (u) => (await org.user(u)).role));
    expect(roles).toEqual(org.users.map((_, i) => (i % 2 ? 'read_only' : 'admin')));
  });

  it('mapping edits move the members; an org role cannot shadow a built-in, and is not deleted while mapped', async () => {
    const org = await orgWithUsers(1);
    const [u] = org.users as [string];
    const staff = await org.group('Staff', [u]);
    expect((await app.trpc(org.adminToken, 'roles.save', { name: 'Read-Only' })).status).toBe(400);
    const sre = (await app.trpc(org.adminToken, 'roles.save', { name: 'SRE' })).data as { id: string };
    expect((await app.trpc(org.adminToken, 'roles.save', { name: 'sre' })).status).toBe(409);
    await org.map({ groupId: staff, orgRoleId: sre.id });
    expect(await org.user(u)).toMatchObject({ role: 'standard', roleGrant: { orgRoleId: sre.id } });
    const refused = await app.trpc(org.adminToken, 'roles.delete', { id: sre.id });
    expect([refused.status, refused.error?.message]).toEqual([409, expect.stringMatching(/"Staff"/)]);
    await org.map({ groupId: staff, role: 'read_only' });
    expect(await org.user(u)).toMatchObject({ role: 'read_only', roleGrant: { orgRoleId: null } });
    expect((await app.trpc(org.adminToken, 'roles.delete', { id: sre.id })).status).toBe(200);
    expect((await app.trpc(org.adminToken, 'roles.unmapGroup', { groupId: staff })).status).toBe(200);
    expect((await org.user(u)).role).toBe('standard');
    // Only an admin maps: the IdP's key cannot make its groups give admin.
    expect((await app.trpc(org.scimToken, 'roles.mapGroup', { groupId: staff, role: 'admin' })).status).toBe(403);
  });
});

describe('one precedence rule with the SCIM roles attribute', () => {
  it('a mapped group overrides the roles value; the IdP may then change the mapped admin it made', async () => {
    const org = await orgWithUsers(1);
    const [u] = org.users as [string];
    const admins = await org.group('Admins', [u]);
    await org.map({ groupId: admins, role: 'admin' });
    const put = await app
      .scim('put', `/Users/${u}`, org.scimToken)
      .send(scimUser(`renamed-${org.orgId}@example.com`, { roles: [{ value: 'read_only' }] }));
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(await org.user(u)).toMatchObject({ role: 'admin', roleGrant: { groupId: admins } });
    const refused = await app.trpc(org.adminToken, 'users.update', { id: u, role: 'standard' });
    expect([refused.status, refused.error?.message]).toEqual([409, expect.stringMatching(/comes from mapped group/)]);
    // Out of the group, the role falls back to what the roles value asks for.
    await app
      .scim('patch', `/Groups/${admins}`, org.scimToken)
      .send(patchOp({ op: 'remove', path: `members[value eq "${u}"]` }));
    expect(await org.user(u)).toMatchObject({ role: 'read_only' });
  });
});
