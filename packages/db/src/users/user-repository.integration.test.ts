import { createUser, deleteUser, getUser, replaceUser, systemClock } from '@provisio/core';
import type { UserAttributes } from '@provisio/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, createTestOrg } from '../testing.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let orgId: string;
const deps = () => ({ users: db.users, groups: db.groups, clock: systemClock });
const attrs = (userName: string, extra: Partial<UserAttributes> = {}): UserAttributes => ({
  userName,
  active: true,
  ...extra,
});
/** Writes as a SCIM key makes them: no admin rights. */
const by = { authority: { admin: false, adminDelegated: false } };

beforeAll(async () => {
  db = await createTestDb();
  ({ orgId } = await createTestOrg(db));
});
afterAll(async () => {
  await db.drop();
});

describe('user repository', () => {
  it('creates an invited user that reads active, with a normalised key and no password (people set theirs through the invite)', async () => {
    const user = await createUser(deps(), {
      orgId,
      source: 'scim',
      ...by,
      attributes: attrs('Ann@Example.com', { name: { givenName: 'Ann' }, emails: [] }),
    });
    expect(user).toMatchObject({
      userName: 'Ann@Example.com',
      status: 'invited',
      version: 1,
      attributes: { active: true, name: { givenName: 'Ann' } },
    });
    expect(user.attributes.emails).toBeUndefined();
    const stored = await db.models.users.findById(user.id).select('+passwordHash').lean();
    expect(stored?.userNameKey).toBe('ann@example.com');
    expect(stored?.passwordHash).toBeUndefined();
  });

  it('refuses a userName that differs only in case with CONFLICT/uniqueness', async () => {
    await expect(
      createUser(deps(), { orgId, source: 'scim', ...by, attributes: attrs('ANN@example.COM') }),
    ).rejects.toMatchObject({ code: 'CONFLICT', scimType: 'uniqueness' });
  });

  it('maps a rename onto a taken userName to CONFLICT, not a 500', async () => {
    const bob = await createUser(deps(), { orgId, source: 'scim', ...by, attributes: attrs('bob') });
    await expect(
      replaceUser(deps(), { orgId, ...by, id: bob.id, attributes: attrs('ann@example.com') }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      scimType: 'uniqueness',
    });
  });

  it('treats a malformed id as a plain miss', async () => {
    await expect(getUser(deps(), { orgId, id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getUser(deps(), { orgId, id: '{"$gt":""}' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes for real and frees the userName', async () => {
    const carl = await createUser(deps(), { orgId, source: 'scim', ...by, attributes: attrs('carl') });
    await deleteUser(deps(), { orgId, id: carl.id });
    await expect(getUser(deps(), { orgId, id: carl.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteUser(deps(), { orgId, id: carl.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      createUser(deps(), { orgId, source: 'scim', ...by, attributes: attrs('CARL') }),
    ).resolves.toMatchObject({ userName: 'CARL' });
  });
});
