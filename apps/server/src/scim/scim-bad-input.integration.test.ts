import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScimTestApp } from './testing/scim-test-app.ts';
import type { ScimTestApp } from './testing/scim-test-app.ts';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

let t: ScimTestApp;
let userId: string;
let snapshot: unknown;
const total = async () => (await t.scim('get', '/Users?count=0')).body.totalResults as number;

beforeAll(async () => {
  t = await createScimTestApp();
  const res = await t
    .scim('post', '/Users')
    .send({ schemas: [USER], userName: 'victim@example.com', name: { givenName: 'V', familyName: 'Ictim' } });
  expect(res.status).toBe(201);
  userId = res.body.id as string;
  snapshot = res.body;
});
afterAll(() => t.cleanup());

/** A 4xx SCIM error (never a 5xx), and the stored user and the user count did not change. */
async function expectRefused(
  res: { status: number; body: Record<string, unknown> },
  status: number,
  scimType?: string,
) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toMatchObject({ schemas: [ERROR], status: String(status), ...(scimType ? { scimType } : {}) });
  expect(await total()).toBe(1);
  expect((await t.scim('get', `/Users/${userId}`)).body).toEqual(snapshot);
}

const bodies: { name: string; body: unknown; scimType: string }[] = [
  { name: 'userName of the wrong type', body: { schemas: [USER], userName: 123 }, scimType: 'invalidValue' },
  {
    name: 'active that is no boolean',
    body: { schemas: [USER], userName: 'a@example.com', active: 'maybe' },
    scimType: 'invalidValue',
  },
  {
    name: 'name as a string',
    body: { schemas: [USER], userName: 'a@example.com', name: 'John' },
    scimType: 'invalidValue',
  },
  { name: 'no userName', body: { schemas: [USER], displayName: 'Nobody' }, scimType: 'invalidValue' },
  {
    name: 'operator injection in userName',
    body: { schemas: [USER], userName: { $gt: '' } },
    scimType: 'invalidValue',
  },
  {
    name: 'operator injection in a sub-attribute',
    body: { schemas: [USER], userName: 'a@example.com', name: { givenName: { $ne: null } } },
    scimType: 'invalidValue',
  },
  {
    name: 'a $-key at top level',
    body: { schemas: [USER], userName: 'a@example.com', $where: 'sleep(1000)' },
    scimType: 'invalidSyntax',
  },
  {
    name: 'an unknown attribute',
    body: { schemas: [USER], userName: 'a@example.com', shoeSize: 44 },
    scimType: 'invalidSyntax',
  },
  {
    name: 'an unknown schema URN key',
    body: {
      schemas: [USER, 'urn:example:unknown:2.0:User'],
      userName: 'a@example.com',
      'urn:example:unknown:2.0:User': { x: 1 },
    },
    scimType: 'invalidSyntax',
  },
  {
    name: 'an unknown schema URN in schemas',
    body: { schemas: [USER, 'urn:example:unknown:2.0:User'], userName: 'a@example.com' },
    scimType: 'invalidSyntax',
  },
];

describe.each(['post', 'put'] as const)('%s with a bad body', (method) => {
  it.each(bodies)('refuses $name', async ({ body, scimType }) => {
    const path = method === 'post' ? '/Users' : `/Users/${userId}`;
    await expectRefused(await t.scim(method, path).send(body as object), 400, scimType);
  });
});

describe('PATCH with a bad PatchOp', () => {
  it.each([
    { name: 'no Operations', body: { schemas: [PATCH] }, scimType: 'invalidSyntax' },
    {
      name: 'an unknown op',
      body: { schemas: [PATCH], Operations: [{ op: 'move', path: 'userName', value: 'x' }] },
      scimType: 'invalidSyntax',
    },
    {
      name: 'a wrong message URN',
      body: { schemas: [USER], Operations: [{ op: 'replace', path: 'title', value: 'x' }] },
      scimType: 'invalidSyntax',
    },
    {
      name: 'a broken path',
      body: { schemas: [PATCH], Operations: [{ op: 'replace', path: 'emails[type eq', value: 'x' }] },
      scimType: 'invalidPath',
    },
    {
      name: 'operator injection in a value',
      body: { schemas: [PATCH], Operations: [{ op: 'replace', path: 'userName', value: { $ne: null } }] },
      scimType: 'invalidValue',
    },
    {
      name: 'operator injection path-less',
      body: { schemas: [PATCH], Operations: [{ op: 'replace', value: { userName: { $gt: '' } } }] },
      scimType: 'invalidValue',
    },
    {
      name: 'a $-path',
      body: { schemas: [PATCH], Operations: [{ op: 'replace', path: '$where', value: '1' }] },
      scimType: 'invalidPath',
    },
    {
      name: 'a readOnly attribute changed',
      body: { schemas: [PATCH], Operations: [{ op: 'replace', path: 'id', value: 'other' }] },
      scimType: 'mutability',
    },
  ])('refuses $name', async ({ body, scimType }) => {
    await expectRefused(await t.scim('patch', `/Users/${userId}`).send(body), 400, scimType);
  });
});

describe('filters', () => {
  it.each([
    ['a comparison without a value', 'userName eq'],
    ['an unknown attribute', 'shoeSize eq "44"'],
    ['a MongoDB operator object', '{"$where":"sleep(1000)"}'],
    ['a $-attribute', '$where eq "1"'],
    ['unbalanced parentheses', '(userName eq "a"'],
    ['nesting beyond the limit', `${'('.repeat(50)}userName eq "a"${')'.repeat(50)}`],
    ['a filter longer than the limit', `userName eq "${'a'.repeat(5000)}"`],
  ])('refuses %s with 400 invalidFilter', async (_name, filter) => {
    await expectRefused(await t.scim('get', `/Users?filter=${encodeURIComponent(filter)}`), 400, 'invalidFilter');
  });

  it('accepts the legal `userName eq "x" or userName pr`', async () => {
    const res = await t.scim('get', `/Users?filter=${encodeURIComponent('userName eq "x" or userName pr')}`);
    expect(res.status).toBe(200);
    expect(res.body.totalResults).toBe(1);
  });

  it('treats a value that looks like an operator as a plain string', async () => {
    const res = await t.scim('get', `/Users?filter=${encodeURIComponent('userName eq "{\\"$ne\\":null}"')}`);
    expect(res.status).toBe(200);
    expect(res.body.totalResults).toBe(0);
  });

  it('ignores bracketed query keys rather than building objects from them', async () => {
    const res = await t.scim('get', '/Users?filter[$ne]=x&count[$gt]=1');
    expect(res.status).toBe(200);
    expect(res.body.totalResults).toBe(1);
  });

  it.each([
    ['count', 'count=abc'],
    ['startIndex', 'startIndex=1.5'],
    ['sortOrder', 'sortBy=userName&sortOrder=sideways'],
    ['sortBy', 'sortBy=shoeSize'],
  ])('refuses a bad %s with 400', async (_name, query) => {
    await expectRefused(await t.scim('get', `/Users?${query}`), 400);
  });
});

describe('malformed ids answer 404, like an id that never existed', () => {
  const ids = ['..%2F', '%00', 'a'.repeat(10_000), encodeURIComponent('{"$ne":null}'), '%E0%A4%A', '00919288221112222'];
  it.each(['get', 'put', 'patch', 'delete'] as const)('%s', async (method) => {
    for (const id of ids) {
      let req = t.scim(method, `/Users/${id}`);
      if (method === 'put') req = req.send({ schemas: [USER], userName: 'x@example.com' });
      if (method === 'patch')
        req = req.send({ schemas: [PATCH], Operations: [{ op: 'replace', path: 'title', value: 'x' }] });
      await expectRefused(await req, 404);
    }
  });
});

describe('what one request may ask of the server', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `x${i}`);
  const ops = (n: number) => Array.from({ length: n }, (_, i) => ({ op: 'replace', path: 'title', value: `t${i}` }));

  it('refuses a PATCH of more than 1,000 operations with 400 tooMany, on Users and Groups', async () => {
    await expectRefused(
      await t.scim('patch', `/Users/${userId}`).send({ schemas: [PATCH], Operations: ops(1_001) }),
      400,
      'tooMany',
    );
    const group = await t
      .scim('post', '/Groups')
      .send({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Limits' });
    const members = Array.from({ length: 1_001 }, () => ({ op: 'add', path: 'members', value: [{ value: userId }] }));
    const res = await t
      .scim('patch', `/Groups/${group.body.id as string}`)
      .send({ schemas: [PATCH], Operations: members });
    expect(res.body).toMatchObject({
      schemas: [ERROR],
      status: '400',
      scimType: 'tooMany',
      detail: expect.stringMatching(/at most 1,000 operations; this one has 1,001/),
    });
    expect((await t.scim('get', `/Groups/${group.body.id as string}`)).body.members ?? []).toEqual([]);
    const patchGroup = (Operations: unknown[]) =>
      t
        .scim('patch', `/Groups/${group.body.id as string}?attributes=displayName`)
        .send({ schemas: [PATCH], Operations });
    const renames = Array.from({ length: 1_000 }, (_, i) => ({
      op: 'replace',
      path: 'displayName',
      value: `Limits ${i}`,
    }));
    expect((await patchGroup(renames)).body).toMatchObject({ displayName: 'Limits 999' });
  });

  it('refuses more than 100 attributes or excludedAttributes with 400 tooMany, in a query and in .search', async () => {
    await expectRefused(await t.scim('get', `/Users?attributes=${names(101).join(',')}`), 400, 'tooMany');
    await expectRefused(
      await t.scim('get', `/Users/${userId}?excludedAttributes=${names(101).join(',')}`),
      400,
      'tooMany',
    );
    const search = await t.scim('post', '/Groups/.search').send({ excludedAttributes: names(101) });
    expect(search.body).toMatchObject({
      status: '400',
      scimType: 'tooMany',
      detail: expect.stringMatching(/^'excludedAttributes' names 101 attributes; at most 100/),
    });
    expect((await t.scim('get', `/Users?attributes=${names(100).join(',')}`)).status).toBe(200);
  });

  it('refuses filters that negate a member test or name more than 10 value-path terms, with 400 invalidFilter', async () => {
    const notMembers = await t.scim('get', `/Groups?filter=${encodeURIComponent('not (members pr)')}`);
    expect(notMembers.body).toMatchObject({
      schemas: [ERROR],
      status: '400',
      scimType: 'invalidFilter',
      detail: expect.stringMatching(/^Cannot exclude by 'members'.*positive test/),
    });
    const eleven = names(11)
      .map((n) => `emails[value eq "${n}"]`)
      .join(' or ');
    await expectRefused(await t.scim('get', `/Users?filter=${encodeURIComponent(eleven)}`), 400, 'invalidFilter');
    const ten = names(10)
      .map((n) => `emails[value eq "${n}"]`)
      .join(' or ');
    expect((await t.scim('post', '/Users/.search').send({ filter: ten })).status).toBe(200);
  });
});
