import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOrg } from '../../testing/test-caller.ts';

let env: Awaited<ReturnType<typeof setupOrg>>;
let ids: string[];
const patch = (...Operations: unknown[]) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations,
});
const memberIds = async (id: string) =>
  ((await env.caller.groups.get({ id })).members ?? []).map((m) => m.value).sort();

beforeAll(async () => {
  env = await setupOrg();
  const users = await Promise.all(
    ['ann', 'bob', 'cy', 'dee'].map((n) =>
      env.caller.users.create({
        attributes: { userName: `${n}@example.com`, displayName: n.toUpperCase(), active: true },
      }),
    ),
  );
  ids = users.map((u) => u.id);
});
afterAll(async () => {
  await env.db.drop();
});

describe('groups procedures', () => {
  it('creates with members labelled from the users, and refuses a duplicate displayName in any case', async () => {
    const g = await env.caller.groups.create({
      attributes: { displayName: 'Sales', externalId: 'g-ext' },
      members: [{ value: ids[0] ?? '' }],
    });
    expect(g).toMatchObject({
      displayName: 'Sales',
      version: 1,
      members: [{ value: ids[0], display: 'ANN', type: 'User' }],
    });
    await expect(env.caller.groups.create({ attributes: { displayName: 'SALES' } })).rejects.toMatchObject({
      cause: { code: 'CONFLICT', scimType: 'uniqueness' },
    });
    await expect(env.caller.groups.get({ id: g.id, includeMembers: false })).resolves.not.toHaveProperty('members');
  });

  it('refuses unknown member ids as a whole with invalidValue', async () => {
    const g = await env.caller.groups.create({ attributes: { displayName: 'Strict' } });
    const bad = patch({ op: 'add', path: 'members', value: [{ value: ids[1] }, { value: 'no-such-user' }] });
    await expect(env.caller.groups.patch({ id: g.id, patch: bad })).rejects.toMatchObject({
      cause: { code: 'BAD_REQUEST', scimType: 'invalidValue' },
    });
    expect(await memberIds(g.id)).toEqual([]);
  });

  it("applies Okta's remove-by-filter + add, Entra's remove-by-value, and replace members", async () => {
    const [a = '', b = '', c = '', d = ''] = ids;
    const g = await env.caller.groups.create({
      attributes: { displayName: 'Push' },
      members: [{ value: a }, { value: b }],
    });
    await env.caller.groups.patch({
      id: g.id,
      patch: patch(
        { op: 'remove', path: `members[value eq "${a}"]` },
        { op: 'add', path: 'members', value: [{ value: c, display: 'c' }] },
      ),
    });
    expect(await memberIds(g.id)).toEqual([b, c].sort());
    await env.caller.groups.patch({
      id: g.id,
      patch: patch({ op: 'Remove', path: 'members', value: [{ $ref: null, value: b }] }),
    });
    expect(await memberIds(g.id)).toEqual([c]);
    await env.caller.groups.patch({
      id: g.id,
      patch: patch({ op: 'replace', path: 'members', value: [{ value: a }, { value: d }] }),
    });
    expect(await memberIds(g.id)).toEqual([a, d].sort());
    const renamed = await env.caller.groups.patch({
      id: g.id,
      patch: patch({ op: 'replace', value: { id: g.id, displayName: 'Pushed' } }),
    });
    expect(renamed).toMatchObject({ displayName: 'Pushed', version: 5 });
  });

  it('addMembers / removeMembers / replaceMembers / listMembers', async () => {
    const [a = '', b = '', c = ''] = ids;
    const g = await env.caller.groups.create({ attributes: { displayName: 'Direct' } });
    await env.caller.groups.addMembers({ id: g.id, members: [{ value: a }, { value: b }, { value: a }] });
    await env.caller.groups.addMembers({ id: g.id, members: [{ value: b }] });
    expect(await memberIds(g.id)).toEqual([a, b].sort());
    await env.caller.groups.removeMembers({ id: g.id, memberIds: [a, 'not-a-member'] });
    const after = await env.caller.groups.replaceMembers({ id: g.id, members: [{ value: c }] });
    expect(after.version).toBe(5);
    const page = await env.caller.groups.listMembers({ id: g.id, count: 10 });
    expect(page).toMatchObject({ totalResults: 1, items: [{ value: c }] });
    await expect(
      env.caller.groups.addMembers({ id: g.id, members: [{ value: a }], ifMatchVersion: 1 }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it("shows memberships in users' groups, and deleting a user removes its memberships", async () => {
    const u = await env.caller.users.create({ attributes: { userName: 'leaver@example.com', active: true } });
    const g = await env.caller.groups.create({ attributes: { displayName: 'Leavers' }, members: [{ value: u.id }] });
    expect((await env.caller.users.get({ id: u.id })).groups).toEqual([{ value: g.id, display: 'Leavers' }]);
    await env.caller.users.delete({ id: u.id });
    const after = await env.caller.groups.get({ id: g.id });
    expect(after.members).toEqual([]);
    expect(after.version).toBe(2);
  });

  it('filters by displayName without case, by members, and excludes members from lists by default', async () => {
    const [a = ''] = ids;
    const found = await env.caller.groups.list({ filter: 'displayName eq "sALES"' });
    expect(found.items.map((g) => g.displayName)).toEqual(['Sales']);
    expect(found.items[0]).not.toHaveProperty('members');
    const withA = await env.caller.groups.list({ filter: `members eq "${a}"`, includeMembers: true });
    expect(withA.items.every((g) => g.members?.some((m) => m.value === a))).toBe(true);
    expect((await env.caller.groups.list({ filter: `members[value eq "${a}"]` })).totalResults).toBe(
      withA.totalResults,
    );
    expect((await env.caller.groups.list({ filter: 'externalId eq "G-EXT"' })).totalResults).toBe(0);
  });

  it('deletes a group and its member rows; second delete is NOT_FOUND; the name is free', async () => {
    const [a = ''] = ids;
    const g = await env.caller.groups.create({ attributes: { displayName: 'Temp' }, members: [{ value: a }] });
    await env.caller.groups.delete({ id: g.id });
    await expect(env.caller.groups.get({ id: g.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(env.caller.groups.delete({ id: g.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await env.db.models.groupMembers.countDocuments({ groupId: g.id })).toBe(0);
    expect((await env.caller.users.get({ id: a })).groups.map((r) => r.value)).not.toContain(g.id);
    const again = await env.caller.groups.create({ attributes: { displayName: 'TEMP' } });
    expect([again.displayName, again.version, again.id === g.id]).toEqual(['TEMP', 1, false]);
  });
});
