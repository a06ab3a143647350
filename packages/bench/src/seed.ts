import { normaliseKey, uuidV7 } from '@provisio/core';
import type { NewUser } from '@provisio/core';
import { newMemberRow, newUserDoc } from '@provisio/db';
import type { DbModels } from '@provisio/db/testing';

export type SeededUser = { id: string; userName: string; userNameKey: string };

/** The attributes of seeded user `i` of an org: what an IdP sends (Okta shape), status `invited` as SCIM creates them. */
export function seedUser(prefix: string, i: number, now: Date): NewUser {
  const userName = `${prefix}.user.${i}@bench.example`;
  return {
    id: uuidV7(now.getTime()),
    attributes: {
      userName,
      active: true,
      name: { givenName: 'Seed', familyName: `User ${i}` },
      displayName: `Seed User ${i}`,
      emails: [{ value: userName, type: 'work', primary: true }],
      externalId: `${prefix}-${i}`,
    },
    status: 'invited',
    source: 'scim',
    role: 'standard',
    now,
  };
}

/**
 * Adds users `from`…`to − 1` to an org by direct insertMany of the documents the user
 * repository stores (`newUserDoc`: the one shape, with every derived key), 1,000 a batch,
 * each with the pending invite SCIM gives an invited user (through the invite model, so
 * with its defaults): the users page reads their states, and an org's invites grow with it.
 * The only place the benchmark writes users: adjust the shape here.
 */
export async function seedUsers(
  models: DbModels,
  orgId: string,
  prefix: string,
  from: number,
  to: number,
): Promise<SeededUser[]> {
  const seeded: SeededUser[] = [];
  for (let start = from; start < to; start += 1_000) {
    const now = new Date();
    const users = Array.from({ length: Math.min(1_000, to - start) }, (_, k) => seedUser(prefix, start + k, now));
    await models.users.collection.insertMany(users.map((u) => newUserDoc(orgId, u)) as never[], { ordered: false });
    await models.invites.insertMany(
      users.map((u) => ({
        _id: uuidV7(now.getTime()),
        orgId,
        userId: u.id,
        version: 1,
        state: 'pending',
        createdAt: now,
        dispatchedAt: now,
      })),
      { ordered: false },
    );
    seeded.push(
      ...users.map((u) => ({
        id: u.id,
        userName: u.attributes.userName,
        userNameKey: normaliseKey(u.attributes.userName),
      })),
    );
  }
  return seeded;
}

/**
 * Makes `users` members of a group by direct insertMany of the rows a member change stores
 * (`newMemberRow`, the one shape), 5,000 a batch: a group the size of the org in seconds.
 */
export async function seedGroupMembers(
  models: DbModels,
  orgId: string,
  groupId: string,
  users: readonly SeededUser[],
): Promise<void> {
  const now = new Date();
  for (let start = 0; start < users.length; start += 5_000) {
    const rows = users.slice(start, start + 5_000).map((u) => newMemberRow(orgId, groupId, { value: u.id }, now));
    await models.groupMembers.collection.insertMany(rows as never[], { ordered: false });
  }
}
