import { matches, parseFilter } from '@provisio/scim';
import type { ResourceTypeName } from '@provisio/scim';
import { testPrincipal } from '@provisio/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, setupOrg } from '../testing/test-caller.ts';
import { scimRegistry } from './domain-deps.ts';
import { FILTER_USERS, GROUP_FILTERS, REFUSED_FILTERS, TEN_TERMS, USER_FILTERS } from './filter-fixtures.ts';

let env: Awaited<ReturnType<typeof setupOrg>>;
let caller: ReturnType<typeof callerFor>;
let vars: Record<string, string>;
let time = Date.parse('2024-01-01T00:00:00Z');
const tick = () => (time += 60_000);

beforeAll(async () => {
  env = await setupOrg();
  // One minute per write, so date comparisons have known answers.
  caller = callerFor(env.db, testPrincipal(env.orgId), { now: () => new Date(time) });
  const ids: string[] = [];
  for (const attributes of FILTER_USERS) {
    tick();
    ids.push((await caller.users.create({ attributes })).id);
  }
  tick();
  const eng = await caller.groups.create({
    attributes: { displayName: 'Engineering', externalId: 'G-1' },
    members: [{ value: ids[0] ?? '' }, { value: ids[2] ?? '', display: 'cy' }],
  });
  tick();
  await caller.groups.create({ attributes: { displayName: 'Marketing' }, members: [{ value: ids[3] ?? '' }] });
  tick();
  await caller.groups.create({ attributes: { displayName: 'Empty' } });
  vars = { $ANN: ids[0] ?? '', $GROUP: eng.id };
});
afterAll(async () => {
  await env.db.drop();
});

const fill = (text: string) => text.replace(/\$[A-Z]+/g, (v) => vars[v] ?? v);
const meta = (r: { created: string; lastModified: string }, resourceType: string) => ({
  created: r.created,
  lastModified: r.lastModified,
  resourceType,
});

async function expected(resourceType: ResourceTypeName, filter: string): Promise<string[]> {
  const ast = parseFilter(filter, { registry: scimRegistry, resourceType });
  const ctx = { registry: scimRegistry, resourceType };
  if (resourceType === 'User') {
    const all = (await caller.users.search({ count: 1000 })).items;
    return all
      .filter((u) => matches({ ...u.attributes, id: u.id, groups: u.groups, meta: meta(u, 'User') }, ast, ctx))
      .map((u) => u.id);
  }
  const all = (await caller.groups.list({ count: 1000, includeMembers: true })).items;
  return all
    .filter((g) => matches({ ...g.attributes, id: g.id, members: g.members, meta: meta(g, 'Group') }, ast, ctx))
    .map((g) => g.id);
}

describe('users.list filters agree with the in-memory evaluator', () => {
  it.each(USER_FILTERS)('%s', async (text) => {
    const filter = fill(text);
    const got = (await caller.users.search({ filter, count: 1000 })).items.map((u) => u.id);
    expect(got.sort()).toEqual((await expected('User', filter)).sort());
  });
});

describe('groups.list filters agree with the in-memory evaluator', () => {
  it.each(GROUP_FILTERS)('%s', async (text) => {
    const filter = fill(text);
    const got = (await caller.groups.list({ filter, count: 1000 })).items.map((g) => g.id);
    expect(got.sort()).toEqual((await expected('Group', filter)).sort());
  });
});

describe('filters whose cost grows with the org are refused with invalidFilter', () => {
  it.each(REFUSED_FILTERS)('$resourceType: $filter', async ({ resourceType, filter, detail }) => {
    const list =
      resourceType === 'User'
        ? caller.users.search({ filter: fill(filter) })
        : caller.groups.list({ filter: fill(filter) });
    await expect(list).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(detail),
      cause: { scimType: 'invalidFilter' },
    });
  });

  it('accepts ten value-path and member terms', async () => {
    const got = (await caller.users.search({ filter: fill(TEN_TERMS), count: 1000 })).items.map((u) => u.id);
    expect(got.sort()).toEqual((await expected('User', fill(TEN_TERMS))).sort());
  });
});

it('has non-trivial expectations (the fixture set discriminates)', async () => {
  const sizes = await Promise.all(USER_FILTERS.map(async (f) => (await expected('User', fill(f))).length));
  expect(sizes.filter((n) => n > 0 && n < FILTER_USERS.length).length).toBeGreaterThan(USER_FILTERS.length / 2);
});
