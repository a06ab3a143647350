import { randomUUID } from 'node:crypto';
import { uuidV7 } from '@provisio/core';
import { testPrincipal } from '@provisio/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callerFor, setupOrg } from '../../testing/test-caller.ts';

let env: Awaited<ReturnType<typeof setupOrg>>;
beforeAll(async () => {
  env = await setupOrg();
});
afterAll(() => env.db.drop());

const t0 = new Date();

it('answers the latest invite of each user of a page in one call, in the order asked, null for the never invited', async () => {
  const [once, twice, never] = [randomUUID(), randomUUID(), randomUUID()];
  await env.db.invites.insertNext(env.orgId, { id: uuidV7(), userId: once, now: t0 });
  await env.db.invites.insertNext(env.orgId, { id: uuidV7(), userId: twice, now: t0 });
  const latest = await env.db.invites.insertNext(env.orgId, { id: uuidV7(), userId: twice, now: t0 });
  const statuses = await env.caller.invites.statusMany({ userIds: [never, twice, once] });
  expect(statuses.map((s) => s.userId)).toEqual([never, twice, once]);
  expect(statuses[0]?.invite).toBeNull();
  expect(statuses[1]?.invite).toMatchObject({ version: latest.version, state: 'pending' });
  // Each answer equals what `invites.status` says for that user alone.
  for (const { userId, invite } of statuses) expect(invite).toEqual(await env.caller.invites.status({ userId }));
  expect(await env.caller.invites.statusMany({ userIds: [] })).toEqual([]);
});

it("never shows another org's invites, and refuses more than a page of ids with BAD_REQUEST", async () => {
  const userId = randomUUID();
  await env.db.invites.insertNext(env.orgId, { id: uuidV7(), userId, now: t0 });
  const other = callerFor(env.db, testPrincipal(`other-${randomUUID()}`));
  expect(await other.invites.statusMany({ userIds: [userId] })).toEqual([{ userId, invite: null }]);
  await expect(
    env.caller.invites.statusMany({ userIds: Array.from({ length: 101 }, () => randomUUID()) }),
  ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
});
