import { MAX_LISTED_MEMBERS, uuidV7 } from '@provisio/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createScimTestApp } from './testing/scim-test-app.ts';
import type { ScimTestApp } from './testing/scim-test-app.ts';

const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

let t: ScimTestApp;
const groupIds: string[] = [];
const sizes = [6_000, MAX_LISTED_MEMBERS + 1 - 6_000];

beforeAll(async () => {
  t = await createScimTestApp();
  // Two groups whose members together pass the cap by one; rows go in directly (no users needed to list them).
  for (const [i, size] of sizes.entries()) {
    const group = await t.scim('post', '/Groups').send({ schemas: [GROUP], displayName: `Large ${i}` });
    groupIds.push(group.body.id as string);
    const rows = Array.from({ length: size }, () => {
      const memberId = uuidV7();
      return {
        _id: `${group.body.id as string}:${memberId}`,
        orgId: t.orgA,
        groupId: group.body.id as string,
        memberId,
        createdAt: new Date(),
      };
    });
    for (let at = 0; at < rows.length; at += 5_000)
      await t.models.groupMembers.insertMany(rows.slice(at, at + 5_000), { lean: true });
  }
}, 120_000);
afterAll(() => t.cleanup());

it(`refuses a group list whose page would carry more than ${MAX_LISTED_MEMBERS.toLocaleString('en')} members with 400 tooMany, and says how to ask instead`, async () => {
  for (const res of [
    await t.scim('get', '/Groups'),
    await t.scim('post', '/Groups/.search').send({ attributes: ['displayName', 'members'] }),
  ]) {
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      schemas: [ERROR],
      status: '400',
      scimType: 'tooMany',
      detail: expect.stringMatching(/more than 10,000 members together: .*excludedAttributes=members.* smaller count/),
    });
  }
  const without = await t.scim('get', '/Groups?excludedAttributes=members');
  expect(without.status).toBe(200);
  expect(without.body.totalResults).toBe(2);
  const onePage = await t.scim('get', '/Groups?count=1');
  expect(onePage.status).toBe(200);
  expect(onePage.body.Resources[0].members).toHaveLength(sizes[0] ?? 0);
}, 60_000);

it('empties a large group with one RFC remove of members (no value), and leaves the other group alone', async () => {
  const [large, other] = groupIds;
  const rows = (groupId: string | undefined) => t.models.groupMembers.countDocuments({ orgId: t.orgA, groupId });
  expect(await rows(large)).toBe(sizes[0]);
  const res = await t
    .scim('patch', `/Groups/${large ?? ''}`)
    .send({ schemas: [PATCH], Operations: [{ op: 'remove', path: 'members' }] });
  expect(res.status, JSON.stringify(res.body)).toBe(204);
  expect(await rows(large)).toBe(0);
  expect(await rows(other)).toBe(sizes[1]);
  const after = await t.scim('get', `/Groups/${large ?? ''}`);
  expect(after.status).toBe(200);
  expect(after.body.members ?? []).toEqual([]);
}, 60_000);
