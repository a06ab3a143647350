import { uuidV7 } from '@provisio/core';
import type { DbModels } from '../create-db.ts';
import { newUserDoc } from '../users/user-repository.ts';

export type Seeded = {
  orgId: string;
  user: { id: string; userName: string; externalId: string; email: string };
  /** More users of the org, each in a group and with an invite: the reads of a page or a member change. */
  others: string[];
  group: { id: string; displayName: string };
  keyId: string;
  tokenHash: string;
  claimId: string;
  eventId: string;
};

const N = 1_200;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * ≥ 1,000 rows in every table a hot path reads, spread over a few orgs (as in production),
 * written with raw `insertMany` for speed. For the EXPLAIN test and the bench.
 */
export async function seedHotPaths(m: DbModels): Promise<Seeded> {
  const now = new Date();
  const orgIds = range(20).map(() => uuidV7());
  const orgOf = (i: number) => orgIds[i % orgIds.length] ?? '';
  const orgId = orgOf(0);
  await m.orgs.collection.insertMany(
    range(N).map((i) => ({
      _id: i < 20 ? orgOf(i) : uuidV7(),
      name: `Org ${i}`,
      nameKey: `org ${i}`,
      plan: 'enterprise',
      createdAt: now,
      updatedAt: now,
    })) as never[],
  );
  const userIds = range(N).map(() => uuidV7());
  await m.users.collection.insertMany(
    userIds.map((_id, i) => {
      const userName = `User${i}@Example.com`;
      const attributes = {
        userName,
        active: true,
        externalId: `ext-${i}`,
        emails: [{ value: `user${i}@example.com`, primary: true }],
        extensions: { xhot: { costCode: `cc-${i}` } },
      };
      return newUserDoc(orgOf(i), { id: _id, attributes, status: 'active', source: 'scim', role: 'standard', now });
    }) as never[],
  );
  const groupIds = range(N).map(() => uuidV7());
  await m.groups.collection.insertMany(
    groupIds.map((_id, i) => ({
      _id,
      orgId: orgOf(i),
      displayName: `Group ${i}`,
      displayNameKey: `group ${i}`,
      attributes: { displayName: `Group ${i}` },
      version: 1,
      createdAt: now,
      updatedAt: now,
    })) as never[],
  );
  await m.groupMembers.collection.insertMany(
    range(N).map((i) => ({
      _id: `${groupIds[i % 40]}:${userIds[i]}`,
      orgId: orgOf(i % 40),
      groupId: groupIds[i % 40],
      memberId: userIds[i],
      createdAt: now,
    })) as never[],
  );
  const keyIds = range(N).map(() => uuidV7());
  await m.keys.collection.insertMany(
    keyIds.map((_id, i) => ({
      _id,
      orgId: orgOf(i),
      name: `key ${i}`,
      ownerType: 'serviceAccount',
      ownerId: uuidV7(),
      scopes: ['scim'],
      secretHash: `${i}`.padStart(64, '0'),
      createdAt: now,
      rev: 0,
    })) as never[],
  );
  await m.invites.collection.insertMany(
    range(N).map((i) => ({
      _id: uuidV7(),
      orgId: orgOf(i),
      userId: userIds[i],
      version: 1,
      state: 'sent',
      tokenHash: `t${i}`.padStart(64, '0'),
      expiresAt: new Date(now.getTime() + 3_600_000),
      createdAt: now,
      rev: 0,
    })) as never[],
  );
  const claimIds = range(N).map((i) => `user:${userIds[i]}:v2`);
  await m.claims.collection.insertMany(claimIds.map((_id) => ({ _id, at: now })) as never[]);
  const eventIds = range(N).map(() => uuidV7());
  await m.userEvents.collection.insertMany(
    eventIds.map((_id, i) => ({
      _id,
      orgId: orgOf(i),
      type: 'created',
      userId: userIds[i],
      version: 1,
      at: now,
      user: null,
    })) as never[],
  );
  await m.groupEvents.collection.insertMany(
    range(N).map((i) => ({
      _id: uuidV7(),
      orgId: orgOf(i % 40),
      type: 'membership.added',
      groupId: groupIds[i % 40],
      userId: userIds[i],
      version: null,
      at: now,
      group: null,
    })) as never[],
  );
  const i = 400; // a user of the first org, in the first group
  return {
    orgId,
    user: {
      id: userIds[i] ?? '',
      userName: `User${i}@Example.com`,
      externalId: `ext-${i}`,
      email: `USER${i}@example.com`,
    },
    others: [20, 40, 60, 80].map((j) => userIds[j] ?? ''),
    group: { id: groupIds[0] ?? '', displayName: 'Group 0' },
    keyId: keyIds[0] ?? '',
    tokenHash: `t${i}`.padStart(64, '0'),
    claimId: claimIds[0] ?? '',
    eventId: eventIds[N - 200] ?? '',
  };
}
