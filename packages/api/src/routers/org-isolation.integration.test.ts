import { createTestOrg, testPrincipal } from '@provisio/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, setupOrg } from '../testing/test-caller.ts';

let env: Awaited<ReturnType<typeof setupOrg>>;
let other: ReturnType<typeof callerFor>;
let userId: string;
let groupId: string;
const notFound = { code: 'NOT_FOUND' };
const op = (o: unknown) => ({ Operations: [o] });

beforeAll(async () => {
  env = await setupOrg();
  const { orgId } = await createTestOrg(env.db);
  other = callerFor(env.db, testPrincipal(orgId));
  userId = (
    await env.caller.users.create({ attributes: { userName: 'shared@example.com', active: true, externalId: 'ext-1' } })
  ).id;
  groupId = (await env.caller.groups.create({ attributes: { displayName: 'Shared' }, members: [{ value: userId }] }))
    .id;
});
afterAll(async () => {
  await env.db.drop();
});

describe("org B cannot see or touch org A's data", () => {
  it('users: get, replace, patch, deactivate, delete are NOT_FOUND like an id that never existed', async () => {
    await expect(other.users.get({ id: userId })).rejects.toMatchObject(notFound);
    await expect(
      other.users.replace({ id: userId, attributes: { userName: 'x', active: true } }),
    ).rejects.toMatchObject(notFound);
    await expect(
      other.users.patch({ id: userId, patch: op({ op: 'replace', path: 'title', value: 'x' }) }),
    ).rejects.toMatchObject(notFound);
    await expect(other.users.deactivate({ id: userId })).rejects.toMatchObject(notFound);
    await expect(other.users.delete({ id: userId })).rejects.toMatchObject(notFound);
    await expect(env.caller.users.get({ id: userId })).resolves.toMatchObject({
      version: 1,
      attributes: { active: true },
    });
  });

  it('groups: get, patch, member changes, delete are NOT_FOUND', async () => {
    await expect(other.groups.get({ id: groupId })).rejects.toMatchObject(notFound);
    await expect(
      other.groups.patch({ id: groupId, patch: op({ op: 'replace', path: 'displayName', value: 'x' }) }),
    ).rejects.toMatchObject(notFound);
    await expect(other.groups.removeMembers({ id: groupId, memberIds: [userId] })).rejects.toMatchObject(notFound);
    await expect(other.groups.delete({ id: groupId })).rejects.toMatchObject(notFound);
    await expect(env.caller.groups.get({ id: groupId })).resolves.toMatchObject({
      version: 1,
      members: [{ value: userId }],
    });
  });

  it("roles: another org's group and role are NOT_FOUND like ids that never existed; lists are empty", async () => {
    const admin = callerFor(env.db, testPrincipal((await createTestOrg(env.db)).orgId, ['admin']));
    const now = new Date();
    const role = await env.db.roles.insertRole(env.orgId, { id: 'role-a', name: 'A', description: '', rank: 1, now });
    await env.db.roles.setMapping(env.orgId, { groupId, role: 'standard', orgRoleId: null, now });
    for (const id of [groupId, 'never-existed']) {
      await expect(admin.roles.mapGroup({ groupId: id, role: 'admin' })).rejects.toMatchObject(notFound);
      await expect(admin.roles.unmapGroup({ groupId: id })).rejects.toMatchObject(notFound);
    }
    for (const id of [role.id, 'never-existed']) {
      await expect(admin.roles.delete({ id })).rejects.toMatchObject(notFound);
      await expect(admin.roles.save({ id, name: 'B' })).rejects.toMatchObject(notFound);
    }
    expect(await admin.roles.list()).toEqual({ roles: [], mappings: [] });
    expect((await env.db.roles.mappingOf(env.orgId, groupId))?.role).toBe('standard');
  });

  it("lists and filters never return another org's rows", async () => {
    expect((await other.users.search({})).totalResults).toBe(0);
    expect(
      (await other.users.search({ filter: `id eq "${userId}" or externalId eq "ext-1" or userName pr` })).totalResults,
    ).toBe(0);
    expect((await other.groups.list({ filter: `members eq "${userId}"` })).totalResults).toBe(0);
    expect((await other.groups.list({})).totalResults).toBe(0);
  });

  it("cannot use another org's users as members", async () => {
    const g = await other.groups.create({ attributes: { displayName: 'Theirs' } });
    await expect(other.groups.addMembers({ id: g.id, members: [{ value: userId }] })).rejects.toMatchObject({
      cause: { scimType: 'invalidValue' },
    });
  });

  it('uniqueness is per org: the same userName and displayName exist in both', async () => {
    const user = await other.users.create({ attributes: { userName: 'SHARED@example.com', active: true } });
    const group = await other.groups.create({ attributes: { displayName: 'shared' } });
    expect([user.userName, user.version, group.displayName, group.version]).toEqual([
      'SHARED@example.com',
      1,
      'shared',
      1,
    ]);
    expect([user.id, group.id]).not.toContain(userId);
    expect(group.id).not.toBe(groupId);
    // Each org still reads only its own.
    expect((await other.users.get({ id: user.id })).id).toBe(user.id);
    await expect(env.caller.users.get({ id: userId })).resolves.toMatchObject({ userName: 'shared@example.com' });
  });

  it('refuses callers without an org principal or without the scope', async () => {
    await expect(callerFor(env.db, null).users.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(callerFor(env.db, { kind: 'platform' }).users.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const readOnly = callerFor(env.db, testPrincipal(env.orgId, ['users:read']));
    await expect(readOnly.users.list({})).resolves.toMatchObject({ items: [{ id: userId }], nextCursor: null });
    await expect(readOnly.users.delete({ id: userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
