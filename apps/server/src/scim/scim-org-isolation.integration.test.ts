import { uuidV7 } from '@provisio/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScimTestApp } from './testing/scim-test-app.ts';
import type { ScimTestApp } from './testing/scim-test-app.ts';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const SEARCH = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

let t: ScimTestApp;
let aUser: { id: string; body: unknown };
let aGroup: { id: string; body: unknown };
let bGroupId: string;
const never = uuidV7();

beforeAll(async () => {
  t = await createScimTestApp();
  const u = await t.scim('post', '/Users', 'orgA').send({ schemas: [USER], userName: 'alice@a.example' });
  const g = await t
    .scim('post', '/Groups', 'orgA')
    .send({ schemas: [GROUP], displayName: 'A team', members: [{ value: u.body.id }] });
  expect([u.status, g.status]).toEqual([201, 201]);
  aUser = { id: u.body.id, body: (await t.scim('get', `/Users/${u.body.id}`, 'orgA')).body };
  aGroup = { id: g.body.id, body: (await t.scim('get', `/Groups/${g.body.id}`, 'orgA')).body };
  const b = await t.scim('post', '/Groups', 'orgB').send({ schemas: [GROUP], displayName: 'B team' });
  bGroupId = b.body.id;
});
afterAll(() => t.cleanup());

/** Status, headers that matter and body with the ids blanked: what a caller can observe. */
function observable(
  res: { status: number; body: Record<string, unknown>; headers: Record<string, string> },
  id: string,
) {
  const body = JSON.parse(
    JSON.stringify(res.body ?? {})
      .replaceAll(id, '<id>')
      .replaceAll(never, '<id>'),
  ) as Record<string, unknown>;
  return {
    status: res.status,
    contentType: res.headers['content-type'],
    etag: res.headers['etag'] !== undefined,
    body,
  };
}

/** `list`: a query, which answers an empty list; `status`: what a probe answers for an id that never existed. */
type Probe = { name: string; send: (id: string) => ReturnType<ScimTestApp['scim']>; list?: true; status?: number };

const userBody = { schemas: [USER], userName: 'mallory@b.example' };
const groupBody = { schemas: [GROUP], displayName: 'Stolen' };
const probes = (kind: 'Users' | 'Groups'): Probe[] => [
  { name: `GET /${kind}/{id}`, send: (id) => t.scim('get', `/${kind}/${id}`, 'orgB') },
  {
    name: `PUT /${kind}/{id}`,
    send: (id) => t.scim('put', `/${kind}/${id}`, 'orgB').send(kind === 'Users' ? userBody : groupBody),
  },
  {
    name: `PATCH /${kind}/{id}`,
    send: (id) =>
      t.scim('patch', `/${kind}/${id}`, 'orgB').send({
        schemas: [PATCH],
        Operations: [{ op: 'replace', value: kind === 'Users' ? { title: 'x' } : { displayName: 'x' } }],
      }),
  },
  {
    name: `PATCH /${kind}/{id} with If-Match`,
    send: (id) =>
      t
        .scim('patch', `/${kind}/${id}`, 'orgB')
        .set('If-Match', 'W/"1"')
        .send({ schemas: [PATCH], Operations: [{ op: 'add', path: 'externalId', value: 'x' }] }),
  },
  { name: `DELETE /${kind}/{id}`, send: (id) => t.scim('delete', `/${kind}/${id}`, 'orgB') },
  {
    name: `GET /${kind}?filter=id eq`,
    send: (id) => t.scim('get', `/${kind}?filter=${encodeURIComponent(`id eq "${id}"`)}`, 'orgB'),
    list: true,
  },
  {
    name: `POST /${kind}/.search id eq`,
    send: (id) => t.scim('post', `/${kind}/.search`, 'orgB').send({ schemas: [SEARCH], filter: `id eq "${id}"` }),
    list: true,
  },
  {
    name: `POST /.search id eq (${kind})`,
    send: (id) => t.scim('post', '/.search', 'orgB').send({ schemas: [SEARCH], filter: `id eq "${id}"` }),
    list: true,
  },
];

const membership: Probe[] = [
  {
    name: 'PATCH add member',
    send: (id) =>
      t
        .scim('patch', `/Groups/${bGroupId}`, 'orgB')
        .send({ schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: id }] }] }),
    status: 400,
  },
  {
    name: 'PATCH replace members',
    send: (id) =>
      t
        .scim('patch', `/Groups/${bGroupId}`, 'orgB')
        .send({ schemas: [PATCH], Operations: [{ op: 'replace', path: 'members', value: [{ value: id }] }] }),
    status: 400,
  },
  {
    name: 'POST /Groups with the member',
    send: (id) =>
      t.scim('post', '/Groups', 'orgB').send({ schemas: [GROUP], displayName: `With ${id}`, members: [{ value: id }] }),
    status: 400,
  },
  {
    name: 'PUT /Groups with the member',
    send: (id) =>
      t
        .scim('put', `/Groups/${bGroupId}`, 'orgB')
        .send({ schemas: [GROUP], displayName: 'B team', members: [{ value: id }] }),
    status: 400,
  },
  {
    name: 'GET /Groups?filter=members eq',
    send: (id) => t.scim('get', `/Groups?filter=${encodeURIComponent(`members eq "${id}"`)}`, 'orgB'),
    status: 200,
  },
];

describe("org B sees org A's resources exactly as ids that never existed", () => {
  it.each([
    ...probes('Users').map((p) => ({ ...p, target: () => aUser.id })),
    ...probes('Groups').map((p) => ({ ...p, target: () => aGroup.id })),
  ])('$name', async ({ send, target, list }) => {
    const other = await send(target());
    const missing = await send(never);
    expect(observable(other, target())).toEqual(observable(missing, never));
    expect(other.body.totalResults).toBe(list ? 0 : undefined);
  });

  it.each(membership)('group membership: $name referencing the other org’s user', async ({ send, status }) => {
    const other = await send(aUser.id);
    const missing = await send(never);
    expect(observable(other, aUser.id)).toEqual(observable(missing, never));
    expect(other.status).toBe(status);
  });

  it("leaves org A's user and group untouched", async () => {
    expect((await t.scim('get', `/Users/${aUser.id}`, 'orgA')).body).toEqual(aUser.body);
    expect((await t.scim('get', `/Groups/${aGroup.id}`, 'orgA')).body).toEqual(aGroup.body);
    const bGroup = await t.scim('get', `/Groups/${bGroupId}`, 'orgB');
    expect(bGroup.body.members ?? []).toEqual([]);
  });

  it('lets both orgs use the same userName and displayName', async () => {
    expect((await t.scim('post', '/Users', 'orgB').send({ schemas: [USER], userName: 'ALICE@a.example' })).status).toBe(
      201,
    );
    expect((await t.scim('post', '/Groups', 'orgB').send({ schemas: [GROUP], displayName: 'A team' })).status).toBe(
      201,
    );
    expect((await t.scim('get', '/Users?count=0', 'orgA')).body.totalResults).toBe(1);
  });
});
