import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScimTestApp } from './testing/scim-test-app.ts';
import type { ScimTestApp } from './testing/scim-test-app.ts';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

let t: ScimTestApp;
beforeAll(async () => {
  t = await createScimTestApp();
});
afterAll(() => t.cleanup());

/** Every distinct letter-case spelling we can make of `name`, cycling through them. */
const caseVariant = (name: string, i: number) =>
  [...name].map((c, j) => ((i >> (j % 6)) & 1 ? c.toUpperCase() : c.toLowerCase())).join('');

const usersNamed = (userName: string) =>
  t
    .scim('get', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`)
    .then((r) => r.body.totalResults as number);

describe('concurrent creates', () => {
  it.each([
    { variant: 'identical', name: (_i: number) => 'race.same@example.com' },
    { variant: 'differing only in letter case', name: (i: number) => caseVariant('race.case@example.com', i) },
  ])('50 $variant POSTs at once give one 201, 49 × 409 uniqueness and one document', async ({ name }) => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .scim('post', '/Users')
          .set('Content-Type', 'application/scim+json')
          .send(JSON.stringify({ schemas: [USER], userName: name(i), active: true })),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of responses.filter((x) => x.status === 409))
      expect(r.body).toMatchObject({ status: '409', scimType: 'uniqueness' });
    expect(await usersNamed(name(0))).toBe(1);
  });
});

describe('concurrent membership', () => {
  it('20 PATCHes at once, each adding a different member, leave all 20 members', async () => {
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.scim('post', '/Users').send({ schemas: [USER], userName: `member.${i}@example.com` }),
      ),
    );
    const ids = created.map((r) => {
      expect(r.status).toBe(201);
      return r.body.id as string;
    });
    const group = await t.scim('post', '/Groups').send({ schemas: [GROUP], displayName: 'Concurrent', members: [] });
    expect(group.status).toBe(201);

    const patches = await Promise.all(
      ids.map((id) =>
        t
          .scim('patch', `/Groups/${group.body.id}`)
          .send({ schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: id }] }] }),
      ),
    );
    expect(patches.map((p) => p.status)).toEqual(Array(20).fill(204));
    const after = await t.scim('get', `/Groups/${group.body.id}`);
    expect((after.body.members as { value: string }[]).map((m) => m.value).sort()).toEqual([...ids].sort());
  });

  it('concurrent adds and removes on one group keep every change', async () => {
    const users = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.scim('post', '/Users').send({ schemas: [USER], userName: `churn.${i}@example.com` }),
      ),
    );
    const ids = users.map((u) => u.body.id as string);
    const keep = ids.slice(0, 5);
    const drop = ids.slice(5);
    const group = await t
      .scim('post', '/Groups')
      .send({ schemas: [GROUP], displayName: 'Churn', members: drop.map((value) => ({ value })) });
    const ops = [
      ...keep.map((id) => ({ op: 'add', path: 'members', value: [{ value: id }] })),
      ...drop.map((id) => ({ op: 'remove', path: `members[value eq "${id}"]` })),
    ];
    const results = await Promise.all(
      ops.map((op) => t.scim('patch', `/Groups/${group.body.id}`).send({ schemas: [PATCH], Operations: [op] })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(204));
    const after = await t.scim('get', `/Groups/${group.body.id}`);
    expect((after.body.members as { value: string }[]).map((m) => m.value).sort()).toEqual([...keep].sort());
  });
});
