import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScimTestApp } from './testing/scim-test-app.ts';
import type { ScimTestApp } from './testing/scim-test-app.ts';

/** Issue 14, item 4: the RFC 7644 corners (§3.5.2 PATCH, §3.4.2.3 sorting), over HTTP. */
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const SEARCH = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

let t: ScimTestApp;
beforeAll(async () => {
  t = await createScimTestApp();
});
afterAll(() => t.cleanup());

const patchOp = (...Operations: unknown[]) => ({ schemas: [PATCH], Operations });
const newUser = async (userName: string, extra: Record<string, unknown> = {}) => {
  const res = await t.scim('post', '/Users').send({ schemas: [USER], userName, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
};
const newGroup = async (displayName: string, members: string[] = [], extra: Record<string, unknown> = {}) => {
  const res = await t
    .scim('post', '/Groups')
    .send({ schemas: [GROUP], displayName, members: members.map((value) => ({ value })), ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
};
const memberValues = (body: { members?: { value: string }[] }) => (body.members ?? []).map((m) => m.value).sort();

describe('Group PATCH answers 204, or 200 with the projected resource when the request names attributes', () => {
  let groupId: string;
  const users: string[] = [];
  beforeAll(async () => {
    for (const n of ['gp1', 'gp2', 'gp3']) users.push(await newUser(`${n}@corners.example`));
    groupId = await newGroup('Answers', [users[0] ?? ''], { externalId: 'ext-answers' });
  });
  const addMember = (query: string, value: string) =>
    t.scim('patch', `/Groups/${groupId}${query}`).send(patchOp({ op: 'add', path: 'members', value: [{ value }] }));

  it('answers 204 without a body by default, with the new version as its ETag', async () => {
    const res = await addMember('', users[1] ?? '');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers['content-type']).toBeUndefined();
    const after = await t.scim('get', `/Groups/${groupId}`);
    expect(res.headers['etag']).toBe(after.headers['etag']);
    expect(memberValues(after.body)).toEqual([users[0], users[1]].sort());
  });

  it('answers 204 to a path-less rename too (Okta) and to a rename by path (Entra)', async () => {
    expect(
      (
        await t
          .scim('patch', `/Groups/${groupId}`)
          .send(patchOp({ op: 'replace', value: { id: groupId, displayName: 'Answers 2' } }))
      ).status,
    ).toBe(204);
    expect(
      (
        await t
          .scim('patch', `/Groups/${groupId}`)
          .send(patchOp({ op: 'Replace', path: 'displayName', value: 'Answers' }))
      ).status,
    ).toBe(204);
    expect((await t.scim('get', `/Groups/${groupId}?attributes=displayName`)).body.displayName).toBe('Answers');
  });

  it('answers 200 with every member when attributes names members', async () => {
    const res = await addMember('?attributes=members', users[2] ?? '');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(memberValues(res.body)).toEqual([...users].sort());
    expect(res.body.displayName).toBeUndefined();
    expect(res.body.id).toBe(groupId);
  });

  it('answers 200 with the whole group, members included, when excludedAttributes names something else', async () => {
    const res = await addMember('?excludedAttributes=externalId', users[0] ?? '');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ schemas: [GROUP], id: groupId, displayName: 'Answers' });
    expect(res.body.externalId).toBeUndefined();
    expect(memberValues(res.body)).toEqual([...users].sort());
  });

  it('answers 200 without members (and without reading them) when they are excluded or not named', async () => {
    const excluded = await addMember('?excludedAttributes=members', users[0] ?? '');
    expect(excluded.status).toBe(200);
    expect(excluded.body).toMatchObject({ id: groupId, displayName: 'Answers', externalId: 'ext-answers' });
    expect(excluded.body).not.toHaveProperty('members');
    const named = await addMember('?attributes=displayName', users[0] ?? '');
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ id: groupId, displayName: 'Answers' });
    expect(named.body).not.toHaveProperty('members');
  });

  it('keeps errors as SCIM errors (not 204)', async () => {
    const res = await t
      .scim('patch', `/Groups/${groupId}`)
      .send(patchOp({ op: 'add', path: 'members', value: [{ nope: 1 }] }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
  });
});

describe('PATCH with an extension URN path whose value carries its own schemas key', () => {
  it.each([...['add', 'replace', 'Add', 'Replace'].entries()])('accepts %i: %s and ignores the key', async (i, op) => {
    const id = await newUser(`ext-${i}@corners.example`, {
      schemas: [USER, ENTERPRISE],
      [ENTERPRISE]: { department: 'Sales' },
    });
    const res = await t
      .scim('patch', `/Users/${id}`)
      .send(patchOp({ op, path: ENTERPRISE, value: { schemas: [ENTERPRISE], department: 'R&D', costCenter: 'CC-7' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body[ENTERPRISE]).toEqual({ department: 'R&D', costCenter: 'CC-7' });
    expect(res.body[ENTERPRISE]).not.toHaveProperty('schemas');
    expect((await t.scim('get', `/Users/${id}`)).body[ENTERPRISE]).toEqual({ department: 'R&D', costCenter: 'CC-7' });
  });

  it('still refuses an unknown key beside it', async () => {
    const id = await newUser('ext-unknown@corners.example');
    const res = await t
      .scim('patch', `/Users/${id}`)
      .send(patchOp({ op: 'add', path: ENTERPRISE, value: { schemas: [ENTERPRISE], nope: 'x' } }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: '400', scimType: 'invalidPath' });
  });
});

describe('remove with path members and no value removes every member (§3.5.2.2)', () => {
  it.each([
    ['no value', { op: 'remove', path: 'members' }],
    ['a null value (Entra casing)', { op: 'Remove', path: 'members', value: null }],
  ])('with %s', async (name, op) => {
    const members = [
      await newUser(`all-a-${name.length}@corners.example`),
      await newUser(`all-b-${name.length}@corners.example`),
    ];
    const groupId = await newGroup(`Everyone ${name}`, members);
    const res = await t.scim('patch', `/Groups/${groupId}`).send(patchOp(op));
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    const after = await t.scim('get', `/Groups/${groupId}`);
    expect(after.status).toBe(200);
    expect(memberValues(after.body)).toEqual([]);
    expect(after.body.displayName).toBe(`Everyone ${name}`);
    for (const id of members) expect((await t.scim('get', `/Users/${id}`)).body.groups ?? []).toEqual([]);
  });

  it('still removes only the named members when a value lists them (Entra)', async () => {
    const members = [await newUser('named-a@corners.example'), await newUser('named-b@corners.example')];
    const groupId = await newGroup('Named', members);
    expect(
      (
        await t
          .scim('patch', `/Groups/${groupId}`)
          .send(patchOp({ op: 'Remove', path: 'members', value: [{ value: members[0] }] }))
      ).status,
    ).toBe(204);
    expect(memberValues((await t.scim('get', `/Groups/${groupId}`)).body)).toEqual([members[1]]);
  });

  it('applies in order: remove all, then add, leaves only the added member', async () => {
    const members = [await newUser('order-a@corners.example'), await newUser('order-b@corners.example')];
    const groupId = await newGroup('Order', [members[0] ?? '']);
    const res = await t
      .scim('patch', `/Groups/${groupId}?attributes=members`)
      .send(patchOp({ op: 'remove', path: 'members' }, { op: 'add', path: 'members', value: [{ value: members[1] }] }));
    expect(res.status).toBe(200);
    expect(memberValues(res.body)).toEqual([members[1]]);
  });
});

describe('active: what /Schemas publishes and what PATCH enforces agree', () => {
  it('publishes active as optional and says what its absence means', async () => {
    const res = await t.scim('get', `/Schemas/${USER}`);
    const active = (res.body.attributes as { name: string; required: boolean; description: string }[]).find(
      (a) => a.name === 'active',
    );
    expect(active).toMatchObject({ type: 'boolean', required: false, mutability: 'readWrite' });
    expect(active?.description).toMatch(/removed by a PATCH, it is true/);
  });

  it.each([
    ['remove active', { op: 'remove', path: 'active' }],
    ['replace active with null', { op: 'replace', path: 'active', value: null }],
  ])('%s: back to the default, true, as a POST without it', async (name, op) => {
    const id = await newUser(`active-${name.length}@corners.example`, { active: false });
    expect((await t.scim('get', `/Users/${id}`)).body.active).toBe(false);
    const res = await t.scim('patch', `/Users/${id}`).send(patchOp(op));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.active).toBe(true);
    expect((await t.scim('get', `/Users/${id}`)).body.active).toBe(true);
    const posted = await t
      .scim('post', '/Users')
      .send({ schemas: [USER], userName: `no-active-${name.length}@corners.example` });
    expect(posted.body.active).toBe(true);
  });

  it('still refuses removing what /Schemas marks required (userName) with 400 mutability', async () => {
    const id = await newUser('required@corners.example');
    const schema = await t.scim('get', `/Schemas/${USER}`);
    expect(
      (schema.body.attributes as { name: string; required: boolean }[]).find((a) => a.name === 'userName')?.required,
    ).toBe(true);
    const res = await t.scim('patch', `/Users/${id}`).send(patchOp({ op: 'remove', path: 'userName' }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: '400', scimType: 'mutability' });
  });
});

describe('sorting puts missing values last ascending and first descending (§3.4.2.3)', () => {
  // Family names: some missing, mixed case; creation order differs from name order.
  const people: Array<[string, string | undefined]> = [
    ['s-carol', 'charlie'],
    ['s-nobody1', undefined],
    ['s-alice', 'Alpha'],
    ['s-nobody2', undefined],
    ['s-bob', 'bravo'],
  ];
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    for (const [n, familyName] of people)
      ids[n] = await newUser(`${n}@sort.example`, familyName ? { name: { familyName } } : {});
  });
  const order = (body: { Resources: { id: string }[] }) =>
    body.Resources.map((r) => Object.keys(ids).find((k) => ids[k] === r.id));
  const present = ['s-alice', 's-bob', 's-carol'];
  const missing = ['s-nobody1', 's-nobody2'];

  it.each([
    ['unfiltered (ordered in SQL on FerretDB)', ''],
    ['filtered (ordered by the database query)', `&filter=${encodeURIComponent('userName sw "s-"')}`],
  ])('GET /Users, %s', async (_name, filter) => {
    const all = (await t.scim('get', `/Users?sortBy=name.familyName&count=100${filter}`)).body;
    expect(order(all).filter((k) => k !== undefined)).toEqual([...present, ...missing]);
    const desc = (await t.scim('get', `/Users?sortBy=name.familyName&sortOrder=descending&count=100${filter}`)).body;
    expect(order(desc).filter((k) => k !== undefined)).toEqual([...missing, ...[...present].reverse()]);
  });

  it('pages across the boundary between present and missing values without gaps or repeats', async () => {
    const filter = encodeURIComponent('userName sw "s-"');
    for (const sortOrder of ['ascending', 'descending']) {
      const seen: (string | undefined)[] = [];
      for (let start = 1; start <= 5; start += 2) {
        const body = (
          await t.scim(
            'get',
            `/Users?filter=${filter}&sortBy=name.familyName&sortOrder=${sortOrder}&startIndex=${start}&count=2`,
          )
        ).body;
        expect(body.totalResults).toBe(5);
        seen.push(...order(body));
      }
      expect(seen).toEqual(
        sortOrder === 'ascending' ? [...present, ...missing] : [...missing, ...[...present].reverse()],
      );
    }
  });

  it('sorts .search and Groups the same way', async () => {
    const search = await t
      .scim('post', '/Users/.search')
      .send({ schemas: [SEARCH], filter: 'userName sw "s-"', sortBy: 'name.familyName', sortOrder: 'descending' });
    expect(order(search.body)).toEqual([...missing, ...[...present].reverse()]);
    const g1 = await newGroup('Sort zulu', [], { externalId: 'b-ext' });
    const g2 = await newGroup('Sort none');
    const g3 = await newGroup('Sort alpha', [], { externalId: 'a-ext' });
    const groups = await t.scim(
      'get',
      `/Groups?filter=${encodeURIComponent('displayName sw "Sort "')}&sortBy=externalId&excludedAttributes=members`,
    );
    expect(groups.body.Resources.map((g: { id: string }) => g.id)).toEqual([g3, g1, g2]);
  });
});
