import { uuidV7 } from '@provisio/core';
import type { Db } from '@provisio/db';

/**
 * Seeds `count` users into `orgId` through the user repository (the same derived keys the
 * procedures write), 64 inserts in flight, then verifies the stored count.
 */
export async function seedUsers(db: Db, orgId: string, count: number) {
  const ids: string[] = [];
  const userNames: string[] = [];
  const now = new Date();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const userName = `Seed.User.${i}@Bench.Example`;
      const id = uuidV7(now.getTime() + i);
      await db.users.insert(orgId, {
        id,
        attributes: {
          userName,
          active: true,
          name: { givenName: 'Seed', familyName: `User ${i}` },
          displayName: `Seed User ${i}`,
          emails: [{ value: userName.toLowerCase(), type: 'work', primary: true }],
          externalId: `seed-${i}`,
        },
        status: 'active',
        source: 'scim',
        role: 'standard',
        now,
      });
      ids[i] = id;
      userNames[i] = userName;
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  const stored = await db.models.users.countDocuments({ orgId });
  if (stored !== count) throw new Error(`seeded ${count} users but ${stored} are stored`);
  return { ids, userNames };
}
