import { uuidV7 } from '@provisio/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScimTestApp } from './testing/scim-test-app.ts';
import type { ScimTestApp } from './testing/scim-test-app.ts';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const SEARCH = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

let t: ScimTestApp;
const ids: string[] = [];
const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'];

beforeAll(async () => {
  t = await createScimTestApp();
  for (const [i, n] of names.entries()) {
    // One at a time: creation order is the default order under test.
    const res = await t.scim('post', '/Users').send({
      schemas: [USER],
      userName: `${n}@example.com`,
      externalId: `ext-${names.length - i}`,
      displayName: n.toUpperCase(),
    });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
});
afterAll(() => t.cleanup());

const page = async (query: string) => {
  const res = await t.scim('get', `/Users?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as {
    totalResults: number;
    startIndex: number;
    itemsPerPage: number;
    Resources: { id: string; userName: string }[];
  };
};

describe('paging', () => {
  it('has a stable order under any startIndex/count, with integer counters', async () => {
    const seen: string[] = [];
    for (let start = 1; start <= 5; start += 2) {
      const body = await page(`startIndex=${start}&count=2`);
      expect(body).toMatchObject({ totalResults: 5, startIndex: start, itemsPerPage: Math.min(2, 6 - start) });
      seen.push(...body.Resources.map((r) => r.id));
    }
    expect(seen).toEqual(ids);
    expect((await page('startIndex=2&count=3')).Resources.map((r) => r.id)).toEqual(ids.slice(1, 4));
  });

  it('defaults count to 100 and reads startIndex below 1 as 1', async () => {
    const body = await page('startIndex=-4');
    expect(body).toMatchObject({ startIndex: 1, itemsPerPage: 5, totalResults: 5 });
    expect((await page('startIndex=0&count=1')).Resources[0]?.id).toBe(ids[0]);
  });

  it('answers count=0 with totals only', async () => {
    expect(await page('count=0')).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 5,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it('answers a startIndex past the end with an empty page and the true total', async () => {
    expect(await page('startIndex=50&count=10')).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
  });

  it('accepts the same query as POST /Users/.search with string numbers', async () => {
    const res = await t
      .scim('post', '/Users/.search')
      .send({ schemas: [SEARCH], startIndex: '2', count: '2', filter: 'userName sw "' });
    expect(res.status).toBe(400);
    const ok = await t.scim('post', '/Users/.search').send({ schemas: [SEARCH], startIndex: '2', count: '2' });
    expect(ok.body.Resources.map((r: { id: string }) => r.id)).toEqual(ids.slice(1, 3));
  });
});

describe('page size', () => {
  it('defaults count to 100 and clamps it to 1000', async () => {
    const now = new Date();
    const seed = Array.from({ length: 1_001 }, (_, i) =>
      t.deps.db.users.insert(t.orgB, {
        id: uuidV7(now.getTime() + i),
        attributes: { userName: `bulk.${i}@example.com`, active: true },
        status: 'active',
        source: 'scim',
        role: 'standard',
        now,
      }),
    );
    await Promise.all(seed);
    const list = (query: string) => t.scim('get', `/Users?${query}`, 'orgB').then((r) => r.body);
    expect(await list('')).toMatchObject({ totalResults: 1_001, itemsPerPage: 100 });
    expect(await list('count=5000')).toMatchObject({ totalResults: 1_001, itemsPerPage: 1_000 });
    expect(await list('startIndex=1000&count=5000')).toMatchObject({ startIndex: 1_000, itemsPerPage: 2 });
  });
});

describe('sorting', () => {
  const order = async (sortBy: string, sortOrder = 'ascending') =>
    (await page(`sortBy=${encodeURIComponent(sortBy)}&sortOrder=${sortOrder}`)).Resources.map(
      (r) => r.userName.split('@')[0],
    );

  it('sorts by userName ignoring case, both ways', async () => {
    expect(await order('userName')).toEqual(['Alpha', 'Bravo', 'charlie', 'delta', 'echo']);
    expect(await order('userName', 'descending')).toEqual(['echo', 'delta', 'charlie', 'Bravo', 'Alpha']);
  });

  it('sorts by displayName, externalId, meta.created and meta.lastModified', async () => {
    expect(await order('displayName')).toEqual(['Alpha', 'Bravo', 'charlie', 'delta', 'echo']);
    expect(await order('externalId')).toEqual(['echo', 'Bravo', 'charlie', 'Alpha', 'delta']);
    expect(await order('meta.created')).toEqual(names);
    expect(await order('meta.created', 'descending')).toEqual([...names].reverse());
    await t
      .scim('patch', `/Users/${ids[0]}`)
      .send({ schemas: [PATCH], Operations: [{ op: 'replace', path: 'title', value: 'touched' }] });
    expect((await order('meta.lastModified', 'descending'))[0]).toBe('delta');
  });
});

describe('filters', () => {
  it('userName eq ignores case; externalId eq is exact', async () => {
    expect(
      (await page(`filter=${encodeURIComponent('userName eq "ALPHA@EXAMPLE.COM"')}`)).Resources.map((r) => r.id),
    ).toEqual([ids[1]]);
    expect((await page(`filter=${encodeURIComponent('externalId eq "ext-4"')}`)).totalResults).toBe(1);
    expect((await page(`filter=${encodeURIComponent('externalId eq "EXT-4"')}`)).totalResults).toBe(0);
  });
});

describe('single resources', () => {
  it('carries ETag W/"<version>" and, on 201, Location = meta.location', async () => {
    const created = await t.scim('post', '/Users').send({ schemas: [USER], userName: 'etag@example.com' });
    expect(created.headers['location']).toBe(`http://provisio.test/scim/v2/Users/${created.body.id}`);
    expect(created.body.meta.location).toBe(created.headers['location']);
    expect(created.headers['etag']).toMatch(/^W\/"\d+"$/);
    expect(created.body.meta.version).toBe(created.headers['etag']);
    const got = await t.scim('get', `/Users/${created.body.id}`);
    expect(got.headers['etag']).toBe(created.headers['etag']);
  });

  it("a user's ETag changes with its groups (joined, renamed, left), so If-None-Match never hides a change", async () => {
    const user = (await t.scim('post', '/Users').send({ schemas: [USER], userName: 'tagged@example.com' })).body;
    const get = (tag?: string) => {
      const req = t.scim('get', `/Users/${user.id}`);
      return tag ? req.set('If-None-Match', tag) : req;
    };
    const alone = (await get()).headers['etag'] ?? '';
    expect(alone).toBe(user.meta.version);
    expect((await get(alone)).status).toBe(304);

    const group = (await t.scim('post', '/Groups').send({ schemas: [GROUP], displayName: 'Tagged' })).body;
    const member = { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: user.id }] }] };
    expect((await t.scim('patch', `/Groups/${group.id}`).send(member)).status).toBe(204);
    const joined = await get(alone);
    expect(joined.status).toBe(200);
    expect(joined.body.groups).toEqual([expect.objectContaining({ value: group.id, display: 'Tagged' })]);
    expect(joined.headers['etag']).toMatch(/^W\/"1-[0-9a-f]{12}"$/);
    expect(joined.body.meta.version).toBe(joined.headers['etag']);
    expect((await get(joined.headers['etag'])).status).toBe(304);
    const listed = await page(`filter=${encodeURIComponent('userName eq "tagged@example.com"')}`);
    expect((listed.Resources[0] as { meta?: { version?: string } }).meta?.version).toBe(joined.headers['etag']);

    const rename = { schemas: [PATCH], Operations: [{ op: 'replace', path: 'displayName', value: 'Retagged' }] };
    expect((await t.scim('patch', `/Groups/${group.id}`).send(rename)).status).toBe(204);
    const renamed = await get(joined.headers['etag']);
    expect(renamed.status).toBe(200);
    expect(renamed.headers['etag']).not.toBe(joined.headers['etag']);

    // If-Match pins a user write to the version; the groups' digest in the tag is accepted with it.
    const title = { schemas: [PATCH], Operations: [{ op: 'add', path: 'title', value: 'Tagged' }] };
    const patched = await t
      .scim('patch', `/Users/${user.id}`)
      .set('If-Match', renamed.headers['etag'] ?? '')
      .send(title);
    expect(patched.status).toBe(200);
    expect(patched.headers['etag']).toMatch(/^W\/"2-[0-9a-f]{12}"$/);
    expect((await get(patched.headers['etag'])).status).toBe(304);

    const leave = { schemas: [PATCH], Operations: [{ op: 'remove', path: `members[value eq "${user.id}"]` }] };
    expect((await t.scim('patch', `/Groups/${group.id}`).send(leave)).status).toBe(204);
    const left = await get(patched.headers['etag']);
    expect(left.status).toBe(200);
    expect(left.headers['etag']).toBe('W/"2"');
  });

  it('PUT replaces the whole resource, keeps id and meta.created, ignores readOnly input', async () => {
    const before = (
      await t
        .scim('post', '/Users')
        .send({ schemas: [USER], userName: 'put@example.com', title: 'Boss', nickName: 'B' })
    ).body;
    const res = await t.scim('put', `/Users/${before.id}`).send({
      schemas: [USER],
      id: 'not-the-id',
      userName: 'put@example.com',
      nickName: 'C',
      meta: { created: '2000-01-01T00:00:00Z' },
      groups: [{ value: 'x' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: before.id, nickName: 'C', meta: { created: before.meta.created } });
    expect(res.body.title).toBeUndefined();
    expect(res.body.groups ?? []).toEqual([]);
  });

  it('PATCH answers 200 with the resource and honours attributes', async () => {
    const res = await t
      .scim('patch', `/Users/${ids[2]}?attributes=title`)
      .send({ schemas: [PATCH], Operations: [{ op: 'add', path: 'title', value: 'Chief' }] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ schemas: [USER], id: ids[2], title: 'Chief', meta: { resourceType: 'User' } });
  });

  it('If-Match with a stale ETag gives 412 on PUT, PATCH and DELETE; the current one passes', async () => {
    const user = (await t.scim('post', '/Users').send({ schemas: [USER], userName: 'ifmatch@example.com' })).body;
    const current = user.meta.version as string;
    await t
      .scim('patch', `/Users/${user.id}`)
      .send({ schemas: [PATCH], Operations: [{ op: 'add', path: 'title', value: 'v2' }] });
    const body = { schemas: [USER], userName: 'ifmatch@example.com' };
    const op = { schemas: [PATCH], Operations: [{ op: 'add', path: 'title', value: 'v3' }] };
    expect((await t.scim('put', `/Users/${user.id}`).set('If-Match', current).send(body)).status).toBe(412);
    expect((await t.scim('patch', `/Users/${user.id}`).set('If-Match', current).send(op)).status).toBe(412);
    expect((await t.scim('delete', `/Users/${user.id}`).set('If-Match', current)).status).toBe(412);
    const fresh = (await t.scim('get', `/Users/${user.id}`)).headers['etag'] ?? '';
    expect((await t.scim('patch', `/Users/${user.id}`).set('If-Match', fresh).send(op)).status).toBe(200);
  });

  it('a duplicate userName in any case is 409 uniqueness on POST, PUT and PATCH alike', async () => {
    const other = (await t.scim('post', '/Users').send({ schemas: [USER], userName: 'other@example.com' })).body;
    const expectConflict = (res: { status: number; body: unknown }) =>
      expect(res).toMatchObject({ status: 409, body: { status: '409', scimType: 'uniqueness' } });
    expectConflict(await t.scim('post', '/Users').send({ schemas: [USER], userName: 'ALPHA@example.com' }));
    expectConflict(await t.scim('put', `/Users/${other.id}`).send({ schemas: [USER], userName: 'Alpha@Example.com' }));
    expectConflict(
      await t
        .scim('patch', `/Users/${other.id}`)
        .send({ schemas: [PATCH], Operations: [{ op: 'replace', path: 'userName', value: 'alpha@EXAMPLE.com' }] }),
    );
    expect((await t.scim('get', `/Users/${other.id}`)).body.userName).toBe('other@example.com');
  });

  it('DELETE answers 204; then the id is 404 and the userName is free', async () => {
    const user = (await t.scim('post', '/Users').send({ schemas: [USER], userName: 'gone@example.com' })).body;
    const del = await t.scim('delete', `/Users/${user.id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await t.scim('get', `/Users/${user.id}`)).status).toBe(404);
    expect((await t.scim('post', '/Users').send({ schemas: [USER], userName: 'GONE@example.com' })).status).toBe(201);
  });
});

describe('groups', () => {
  it('honours excludedAttributes=members and attributes on lists and single groups', async () => {
    const g = (
      await t.scim('post', '/Groups').send({ schemas: [GROUP], displayName: 'Readers', members: [{ value: ids[0] }] })
    ).body;
    expect(g.members).toEqual([
      expect.objectContaining({ value: ids[0], $ref: `http://provisio.test/scim/v2/Users/${ids[0]}` }),
    ]);
    expect((await t.scim('get', `/Groups/${g.id}?excludedAttributes=members`)).body.members).toBeUndefined();
    const list = await t.scim(
      'get',
      `/Groups?filter=${encodeURIComponent('displayName eq "readers"')}&excludedAttributes=members`,
    );
    expect(list.body).toMatchObject({ totalResults: 1, Resources: [{ id: g.id, displayName: 'Readers' }] });
    expect(list.body.Resources[0].members).toBeUndefined();
    expect((await t.scim('get', `/Groups/${g.id}?attributes=displayName`)).body).toEqual({
      schemas: [GROUP],
      id: g.id,
      displayName: 'Readers',
      meta: { resourceType: 'Group' },
    });
  });
});

describe('root search', () => {
  it('pages over Users then Groups in a stable order', async () => {
    const all = await t.scim('post', '/.search').send({ schemas: [SEARCH], count: 1000 });
    expect(all.status).toBe(200);
    const kinds = (all.body.Resources as { schemas: string[] }[])
      .map((r) => (r.schemas.includes(USER) ? 'U' : 'G'))
      .join('');
    expect(kinds).toMatch(/^U+G+$/);
    const { totalResults } = all.body;
    const stitched: string[] = [];
    for (let start = 1; start <= totalResults; start += 3) {
      const p = await t.scim('post', '/.search').send({ schemas: [SEARCH], startIndex: start, count: 3 });
      expect(p.body).toMatchObject({ totalResults, startIndex: start });
      stitched.push(...p.body.Resources.map((r: { id: string }) => r.id));
    }
    expect(stitched).toEqual(all.body.Resources.map((r: { id: string }) => r.id));
  });

  it('applies a filter only one type understands to that type', async () => {
    const res = await t.scim('post', '/.search').send({ schemas: [SEARCH], filter: 'userName eq "alpha@example.com"' });
    expect(res.body).toMatchObject({ totalResults: 1, Resources: [{ id: ids[1] }] });
    const bad = await t.scim('post', '/.search').send({ schemas: [SEARCH], filter: 'shoeSize eq 1' });
    expect(bad.status).toBe(400);
  });
});

describe('discovery', () => {
  it('serves ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const spc = await t.scim('get', '/ServiceProviderConfig');
    expect(spc.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 1000 },
      etag: { supported: true },
      sort: { supported: true },
    });
    const types = await t.scim('get', '/ResourceTypes');
    expect(types.body).toMatchObject({
      totalResults: 2,
      Resources: [
        { id: 'User', endpoint: '/Users' },
        { id: 'Group', endpoint: '/Groups' },
      ],
    });
    expect((await t.scim('get', '/ResourceTypes/Group')).body).toMatchObject({ id: 'Group', schema: GROUP });
    expect((await t.scim('get', '/ResourceTypes/Nope')).status).toBe(404);
    const schemas = await t.scim('get', '/Schemas');
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining([USER, GROUP, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']),
    );
    expect((await t.scim('get', `/Schemas/${USER}`)).body).toMatchObject({ id: USER, name: 'User' });
    expect((await t.scim('get', '/Schemas/urn:nope')).status).toBe(404);
  });
});
