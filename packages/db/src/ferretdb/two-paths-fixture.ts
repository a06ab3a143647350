import { uuidV7 } from '@provisio/core';
import type { UserStatus } from '@provisio/core';
import { afterAll, beforeAll } from 'vitest';
import { createDb } from '../create-db.ts';
import type { Db } from '../create-db.ts';
import { createTestDb, createTestOrg, testMongoUri } from '../testing.ts';

const STATUSES: UserStatus[] = ['invited', 'active', 'deactivated'];

export type TwoPaths = {
  /** The companion on: pages go through SQL. */
  withSql: Awaited<ReturnType<typeof createTestDb>>;
  /** A second connection to the same database without it: mongoose alone, what MongoDB runs. */
  plain: Db;
  orgId: string;
  /** The org's users, in insertion order. */
  userIds: string[];
  /** The org's groups, in insertion order (the first three and the last have members). */
  groupIds: string[];
};

/**
 * The data the differential tests (SQL reads vs mongoose) share: `users` users in the org and as
 * many in another one (mixed case, a missing family name every 7th, names that sort otherwise
 * than ids, statuses in turn) and `groups` groups, user i a member of group i mod 3 and, every
 * 4th, of the last group too. Registers its own beforeAll/afterAll.
 */
export function twoPathsFixture(options: { users: number; groups: number; createdAt: (i: number) => Date }) {
  const fixture = {} as TwoPaths;
  beforeAll(async () => {
    fixture.withSql = await createTestDb();
    fixture.plain = await createDb({ uri: testMongoUri(), dbName: fixture.withSql.connection.name });
    ({ orgId: fixture.orgId } = await createTestOrg(fixture.withSql));
    const other = await createTestOrg(fixture.withSql);
    const { users: n } = options;
    fixture.userIds = [];
    for (let i = 0; i < n; i++) {
      const familyName = i % 7 === 0 ? undefined : ['Émile', 'zeta', 'Alpha', 'beta', 'ALPHA2'][i % 5];
      const attributes = {
        userName: `U${(i * 37) % n}@Example.com`,
        active: true,
        ...(familyName ? { name: { familyName } } : {}),
        emails: [{ value: `u${i}@example.com` }],
      };
      const user = { attributes, source: 'scim', role: 'standard', now: options.createdAt(i) } as const;
      const id = uuidV7();
      fixture.userIds.push(id);
      await fixture.withSql.users.insert(fixture.orgId, { ...user, id, status: STATUSES[i % 3] ?? 'invited' });
      await fixture.withSql.users.insert(other.orgId, { ...user, id: uuidV7(), status: 'active' });
    }
    const groupIds = Array.from({ length: options.groups }, () => uuidV7());
    fixture.groupIds = groupIds;
    for (const [i, id] of groupIds.entries())
      await fixture.withSql.groups.insert(fixture.orgId, {
        id,
        attributes: { displayName: `G${(i * 7) % options.groups}` },
        now: new Date(),
      });
    const members = (ids: string[]) => ({
      add: ids.map((value) => ({ value, type: 'User' as const })),
      remove: [],
      replaceAll: false,
    });
    for (const [k, groupId] of groupIds.slice(0, 3).entries())
      await fixture.withSql.groups.applyMembership(
        fixture.orgId,
        groupId,
        members(fixture.userIds.filter((_, i) => i % 3 === k)),
      );
    const last = groupIds.at(-1);
    if (last)
      await fixture.withSql.groups.applyMembership(
        fixture.orgId,
        last,
        members(fixture.userIds.filter((_, i) => i % 4 === 0)),
      );
  }, 60_000);
  afterAll(async () => {
    await fixture.plain.close();
    await fixture.withSql.drop();
  });
  return fixture;
}
