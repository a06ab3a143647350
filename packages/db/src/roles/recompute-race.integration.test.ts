import { systemClock, uuidV7 } from '@provisio/core';
import type { UserRepository } from '@provisio/core';
import { recomputeUserRoles } from '@provisio/core/roles';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, createTestOrg } from '../testing.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.drop());

/** The users port with its first role write held until `release()`: a recompute that stalls between its read and its write. */
function stalledFirstWrite(users: UserRepository) {
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let stalled = false;
  let reached = () => undefined as void;
  const atWrite = new Promise<void>((resolve) => (reached = resolve));
  const wrapped: UserRepository = {
    ...users,
    async updateIfVersion(...args) {
      if (!stalled) {
        stalled = true;
        reached();
        await gate;
      }
      return users.updateIfVersion(...args);
    },
  };
  return { users: wrapped, atWrite, release };
}

it('a recompute that decided on memberships that changed before it wrote is corrected, not left behind', async () => {
  const { orgId } = await createTestOrg(db);
  const now = new Date();
  const group = async (displayName: string) =>
    (await db.groups.insert(orgId, { id: uuidV7(), attributes: { displayName }, now })).id;
  const [admins, readers] = [await group('Admins'), await group('Readers')];
  await db.roles.setMapping(orgId, { groupId: admins, role: 'admin', orgRoleId: null, now });
  await db.roles.setMapping(orgId, { groupId: readers, role: 'read_only', orgRoleId: null, now });
  const user = await db.users.insert(orgId, {
    id: uuidV7(),
    attributes: { userName: 'race@example.com', active: true },
    status: 'active',
    source: 'admin',
    role: 'standard',
    now,
  });
  const member = { value: user.id, type: 'User' as const };
  await db.groups.applyMembership(orgId, readers, { add: [member], remove: [], replaceAll: false });
  const base = { roles: db.roles, orgs: db.orgs, clock: systemClock };
  await recomputeUserRoles({ ...base, users: db.users }, { orgId, userIds: [user.id], cause: 'joined Readers' });
  expect((await db.users.findById(orgId, user.id))?.role).toBe('read_only');

  // A joins Admins and its recompute stalls after deciding `admin`; meanwhile the user leaves
  // Admins again and that change's recompute finds nothing to write (the role is read_only).
  await db.groups.applyMembership(orgId, admins, { add: [member], remove: [], replaceAll: false });
  const stalled = stalledFirstWrite(db.users);
  const first = recomputeUserRoles(
    { ...base, users: stalled.users },
    { orgId, userIds: [user.id], cause: 'joined Admins' },
  );
  await stalled.atWrite;
  await db.groups.applyMembership(orgId, admins, { add: [], remove: [user.id], replaceAll: false });
  await recomputeUserRoles({ ...base, users: db.users }, { orgId, userIds: [user.id], cause: 'left Admins' });
  stalled.release();
  await first;
  expect(await db.users.findById(orgId, user.id)).toMatchObject({ role: 'read_only', roleGrant: { groupId: readers } });
});
