import { changeGroupMembers, createGroup, listGroupMembers, normaliseKey, systemClock, uuidV7 } from '@provisio/core';
import { allMemberIds } from '@provisio/core/roles';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, createTestOrg } from '../testing.ts';
import type { UserDoc } from '../users/user-model.ts';

const SIZE = 50_000;
let db: Awaited<ReturnType<typeof createTestDb>>;
let orgId: string;
let userIds: string[];
const deps = () => ({ users: db.users, groups: db.groups, clock: systemClock });

beforeAll(async () => {
  db = await createTestDb();
  ({ orgId } = await createTestOrg(db));
  const now = new Date();
  userIds = Array.from({ length: SIZE }, (_, i) => uuidV7(now.getTime() + i));
  for (let i = 0; i < SIZE; i += 5_000) {
    const docs: UserDoc[] = userIds.slice(i, i + 5_000).map((_id, j) => {
      const userName = `member${i + j}@example.com`;
      return {
        _id,
        orgId,
        userName,
        userNameKey: normaliseKey(userName),
        attributes: { userName },
        search: {},
        emailKeys: [],
        searchKeys: [],
        status: 'invited',
        source: 'scim',
        role: 'standard',
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
    });
    await db.models.users.insertMany(docs, { lean: true });
  }
}, 300_000);
/** What `run` sent to the database, from the driver's command events. */
async function commandsSentDuring<T>(run: () => Promise<T>) {
  const commands: Array<{ commandName: string; command: Record<string, unknown> }> = [];
  const client = db.connection.getClient();
  const listen = (e: { commandName: string; command: Record<string, unknown> }) => commands.push(e);
  client.on('commandStarted', listen);
  try {
    return { result: await run(), commands };
  } finally {
    client.off('commandStarted', listen);
  }
}

afterAll(async () => {
  await db.drop();
}, 120_000);

it(`holds ${SIZE.toLocaleString('en')} members: bulk add, read a page, remove one, count`, async () => {
  const group = await createGroup(deps(), { orgId, attributes: { displayName: 'Everyone' } });
  const added = await changeGroupMembers(deps(), {
    orgId,
    id: group.id,
    delta: { add: userIds.map((value) => ({ value })), remove: [], replaceAll: false },
  });
  expect(added.version).toBe(2);

  const listed = await commandsSentDuring(() =>
    listGroupMembers(deps(), { orgId, id: group.id, startIndex: 25_001, count: 100 }),
  );
  const page = listed.result;
  expect(page.totalResults).toBe(SIZE);
  const sorted = [...userIds].sort();
  expect(page.items.map((m) => m.value)).toEqual(sorted.slice(25_000, 25_100));
  expect(page.items[0]?.display).toMatch(/^member\d+@example\.com$/);

  // Pages of the group come from a range of its rows' ids, so they cost a page: FerretDB would
  // read all 50,000 rows for each `memberId` sort, skip or range (a role walk: 114 s).
  const walked = await commandsSentDuring(async () => ({
    all: await allMemberIds(db.roles, orgId, group.id),
    users: await db.users.page(orgId, { groupId: group.id, after: sorted[30_000] ?? '', limit: 10 }),
  }));
  expect(walked.result.all).toEqual(sorted);
  expect(walked.result.users.map((u) => u.id)).toEqual(sorted.slice(30_001, 30_011));
  const rowFinds = [...listed.commands, ...walked.commands].filter(
    (c) => c.commandName === 'find' && c.command['find'] === 'group_members',
  );
  expect(rowFinds.filter((c) => typeof (c.command['filter'] as { _id?: unknown })._id !== 'string')).toEqual([]);

  const gone = userIds[12_345] ?? '';
  const sent = await commandsSentDuring(() =>
    changeGroupMembers(deps(), { orgId, id: group.id, delta: { add: [], remove: [gone], replaceAll: false } }),
  );
  expect(sent.result.version).toBe(3);
  // The removal names its row by `_id`: a `memberId $in` would make FerretDB read all 50,000 rows.
  const rowDeletes = sent.commands.filter((c) => c.commandName === 'delete' && c.command['delete'] === 'group_members');
  const deleteFilters = rowDeletes.flatMap((c) => (c.command['deletes'] as Array<{ q: object }>).map((d) => d.q));
  expect(deleteFilters).toEqual([{ _id: `${group.id}:${gone}`, orgId }]);
  expect(await db.models.groupMembers.countDocuments({ orgId, groupId: group.id })).toBe(SIZE - 1);

  // Reads that never load the member list stay cheap.
  expect(await db.groups.findById(orgId, group.id)).not.toHaveProperty('members');
  const stillIn = await db.users.findById(orgId, userIds[7] ?? '');
  expect(stillIn?.groups).toEqual([{ value: group.id, display: 'Everyone' }]);
  expect((await db.users.findById(orgId, gone))?.groups).toEqual([]);
  const byMember = await db.groups.list(orgId, {
    filter: { kind: 'compare', path: { attr: 'members', sub: 'value' }, op: 'eq', value: gone },
    startIndex: 1,
    count: 10,
  });
  expect(byMember.totalResults).toBe(0);
}, 300_000);
