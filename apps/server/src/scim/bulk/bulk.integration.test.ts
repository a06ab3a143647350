import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createScimTestApp } from '../testing/scim-test-app.ts';
import type { ScimTestApp } from '../testing/scim-test-app.ts';

const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

type Result = {
  method: string;
  bulkId?: string;
  location?: string;
  version?: string;
  status: string;
  response?: { status: string; scimType?: string; detail: string };
};

/** The ledger writes in batches after the response; behind a 1,000-operation bulk's events it takes a while. */
const LEDGER_WAIT = { timeout: 30_000, interval: 100 };

let app: ScimTestApp;
beforeAll(async () => {
  app = await createScimTestApp();
});
afterAll(async () => {
  await app.cleanup();
});

const user = (userName: string) => ({
  schemas: [USER],
  userName,
  name: { givenName: 'Bulk', familyName: 'User' },
  emails: [{ value: userName, type: 'work', primary: true }],
});
const postUser = (bulkId: string, userName = `${bulkId}@bulk.example`) => ({
  method: 'POST',
  path: '/Users',
  bulkId,
  data: user(userName),
});
const postGroup = (bulkId: string, members: string[]) => ({
  method: 'POST',
  path: '/Groups',
  bulkId,
  data: { schemas: [GROUP], displayName: `Group ${bulkId}`, members: members.map((m) => ({ value: `bulkId:${m}` })) },
});

const bulk = async (operations: unknown[], extra: Record<string, unknown> = {}) => {
  const res = await app
    .scim('post', '/Bulk')
    .set('Content-Type', 'application/scim+json')
    .send(JSON.stringify({ schemas: [BULK], ...extra, Operations: operations }));
  return {
    status: res.status,
    body: res.body as { schemas: string[]; Operations: Result[] } & { detail?: string; status?: string },
    headers: res.headers,
  };
};
const statuses = (results: Result[]) => results.map((r) => r.status);
const idOf = (location: string | undefined) => location?.split('/').pop() ?? '';
const countUsers = async (userName: string) =>
  (await app.scim('get', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`)).body
    .totalResults as number;

describe('POST /Bulk', () => {
  it(
    'runs 1,000 operations creating users and groups whose members reference the new users by bulkId, forward references included',
    { timeout: 600_000 },
    async () => {
      const users = Array.from({ length: 900 }, (_, i) => `u${i}`);
      const groups = Array.from({ length: 100 }, (_, g) => ({
        bulkId: `g${g}`,
        members: users.slice(g * 9, g * 9 + 9),
      }));
      // The first ten groups come before their users (forward references); the rest after them.
      const operations = [
        ...groups.slice(0, 10).map((g) => postGroup(g.bulkId, g.members)),
        ...users.map((u) => postUser(u)),
        ...groups.slice(10).map((g) => postGroup(g.bulkId, g.members)),
      ];
      expect(operations).toHaveLength(1_000);

      const res = await bulk(operations);
      expect(res.status).toBe(200);
      expect(res.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:BulkResponse']);
      const results = res.body.Operations;
      expect(results.map((r) => r.bulkId)).toEqual(operations.map((o) => o.bulkId));
      expect(results.filter((r) => r.status !== '201')).toEqual([]);
      for (const r of results) {
        expect(r.location).toMatch(new RegExp(`^http://provisio\\.test/scim/v2/(Users|Groups)/[0-9a-f-]{36}$`));
        expect(r.version).toMatch(/^W\/"\d+"$/);
        expect(r.response).toBeUndefined();
      }

      const idByBulkId = new Map(results.map((r) => [r.bulkId ?? '', idOf(r.location)]));
      expect((await app.scim('get', '/Users?count=1')).body.totalResults).toBe(900);
      const listed = await app.scim('get', '/Groups?count=100');
      expect(listed.body.totalResults).toBe(100);
      for (const group of groups) {
        const stored = (listed.body.Resources as { id: string; members?: { value: string }[] }[]).find(
          (g) => g.id === idByBulkId.get(group.bulkId),
        );
        expect(stored?.members?.map((m) => m.value).sort()).toEqual(group.members.map((m) => idByBulkId.get(m)).sort());
      }
    },
  );

  it('stops at the first error with failOnErrors: 1, reporting what ran; without it, runs everything', async () => {
    const bad = {
      method: 'POST',
      path: '/Users',
      bulkId: 'bad',
      data: { schemas: [USER], name: { givenName: 'No userName' } },
    };
    const stopped = await bulk([postUser('f1'), bad, postUser('f2')], { failOnErrors: 1 });
    expect(stopped.status).toBe(200);
    expect(statuses(stopped.body.Operations)).toEqual(['201', '400']);
    expect(stopped.body.Operations[1]).toMatchObject({
      method: 'POST',
      bulkId: 'bad',
      response: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'invalidValue' },
    });
    expect(stopped.body.Operations[1]?.location).toBeUndefined();
    expect(await countUsers('f1@bulk.example')).toBe(1);
    expect(await countUsers('f2@bulk.example')).toBe(0);

    const all = await bulk([postUser('a1'), bad, postUser('a2')]);
    expect(statuses(all.body.Operations)).toEqual(['201', '400', '201']);
    expect(await countUsers('a2@bulk.example')).toBe(1);

    const two = await bulk([{ ...bad, bulkId: 'b1' }, postUser('t1'), { ...bad, bulkId: 'b2' }, postUser('t2')], {
      failOnErrors: 2,
    });
    expect(statuses(two.body.Operations)).toEqual(['400', '201', '400']);
    expect(await countUsers('t2@bulk.example')).toBe(0);
  });

  it('refuses an unknown bulkId (400) and circular references (409), and what needs a failed POST (409), running the rest', async () => {
    const res = await bulk([
      postGroup('c1', ['c2']),
      postGroup('c2', ['c1']),
      postGroup('x', ['nowhere']),
      postUser('ok1'),
      postGroup('needs-c1', ['ok1', 'c1']),
      {
        method: 'PATCH',
        path: '/Users/bulkId:nobody',
        data: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { title: 'x' } }] },
      },
    ]);
    expect(res.status).toBe(200);
    const [c1, c2, x, ok1, needs, patch] = res.body.Operations;
    expect(c1).toMatchObject({
      bulkId: 'c1',
      status: '409',
      response: { status: '409', detail: expect.stringMatching(/Circular bulkId references \('c1' → 'c2' → 'c1'\)/) },
    });
    expect(c1?.response?.scimType).toBeUndefined();
    expect(c2).toMatchObject({ bulkId: 'c2', status: '409' });
    expect(x).toMatchObject({
      status: '400',
      response: {
        scimType: 'invalidValue',
        detail: "bulkId 'nowhere' is not defined by any POST operation of this request",
      },
    });
    expect(ok1).toMatchObject({ bulkId: 'ok1', status: '201' });
    expect(needs).toMatchObject({
      status: '409',
      response: { detail: "bulkId 'c1' was not created (its POST failed), so this operation was not run" },
    });
    expect(patch).toMatchObject({
      method: 'PATCH',
      status: '400',
      location: 'http://provisio.test/scim/v2/Users/bulkId:nobody',
    });
    for (const name of ['c1', 'c2', 'x', 'needs-c1'])
      expect(
        (await app.scim('get', `/Groups?filter=${encodeURIComponent(`displayName eq "Group ${name}"`)}`)).body
          .totalResults,
      ).toBe(0);
  });

  it('answers a Group PATCH as the single request does: 204, with the new version', async () => {
    const res = await bulk([
      postUser('gp-member'),
      postGroup('gp', []),
      {
        method: 'PATCH',
        path: '/Groups/bulkId:gp',
        data: {
          schemas: [PATCH_OP],
          Operations: [{ op: 'add', path: 'members', value: [{ value: 'bulkId:gp-member' }] }],
        },
      },
    ]);
    const [member, group, patch] = res.body.Operations;
    expect(patch).toMatchObject({ method: 'PATCH', status: '204', location: group?.location });
    expect(patch?.version).toBeDefined();
    const stored = await app.scim('get', `/Groups/${idOf(group?.location)}`);
    expect(stored.body.members).toEqual([expect.objectContaining({ value: idOf(member?.location) })]);
  });

  it('maps version to If-Match on PUT, PATCH and DELETE, and resolves a bulkId in the path', async () => {
    const created = await app
      .scim('post', '/Users')
      .set('Content-Type', 'application/scim+json')
      .send(JSON.stringify(user('versioned@bulk.example')));
    const id = created.body.id as string;
    const v = created.body.meta.version as string;
    const replace = (value: Record<string, unknown>) => ({
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value }],
    });
    const res = await bulk([
      { method: 'PATCH', path: `/Users/${id}`, version: v, data: replace({ title: 'First' }) },
      { method: 'PATCH', path: `/Users/${id}`, version: v, data: replace({ title: 'Stale' }) },
      { method: 'PUT', path: `/Users/${id}`, version: 'not-an-etag', data: user('versioned@bulk.example') },
      { method: 'DELETE', path: `/Users/${id}`, version: v },
      { method: 'PATCH', path: '/Users/bulkId:later', data: replace({ title: 'Forward' }) },
      postUser('later'),
    ]);
    const [first, stale, put, del, forward, later] = res.body.Operations;
    expect(first).toMatchObject({ status: '200', location: `http://provisio.test/scim/v2/Users/${id}` });
    expect(first?.version).not.toBe(v);
    for (const refused of [stale, put, del])
      expect(refused).toMatchObject({
        status: '412',
        location: `http://provisio.test/scim/v2/Users/${id}`,
        response: { status: '412' },
      });
    expect(later).toMatchObject({ status: '201' });
    expect(forward).toMatchObject({ status: '200', location: later?.location });
    expect((await app.scim('get', `/Users/${idOf(later?.location)}`)).body.title).toBe('Forward');
    const current = await app.scim('get', `/Users/${id}`);
    expect(current.body.title).toBe('First');

    const deleted = await bulk([
      { method: 'DELETE', path: `/Users/${id}`, version: current.body.meta.version as string },
    ]);
    expect(deleted.body.Operations).toEqual([
      { method: 'DELETE', location: `http://provisio.test/scim/v2/Users/${id}`, status: '204' },
    ]);
    expect((await app.scim('get', `/Users/${id}`)).status).toBe(404);
  });

  it('audits each operation as the request it stands for, beside the Bulk request itself', async () => {
    const res = await bulk([postUser('audited'), { method: 'DELETE', path: '/Groups/not-an-id' }]);
    expect(statuses(res.body.Operations)).toEqual(['201', '404']);
    const userId = idOf(res.body.Operations[0]?.location);
    const [created] = await vi.waitFor(async () => {
      const events = await app.deps.db.audit.list(app.orgA, { resourceId: userId, limit: 10 });
      expect(events).toHaveLength(1);
      return events;
    }, LEDGER_WAIT);
    expect(created).toMatchObject({
      surface: 'scim',
      method: 'POST',
      path: '/scim/v2/Users',
      action: 'scim POST User',
      resourceType: 'User',
      status: 201,
      outcome: 'success',
    });
    const sameRequest = await vi.waitFor(async () => {
      const events = (await app.deps.db.audit.list(app.orgA, { limit: 20 })).filter(
        (e) => e.requestId === created?.requestId,
      );
      expect(events.map((e) => `${e.action} ${e.status}`)).toHaveLength(3);
      return events;
    }, LEDGER_WAIT);
    expect(sameRequest.map((e) => `${e.action} ${e.status}`).sort()).toEqual([
      'scim DELETE Group/{id} 404',
      'scim POST Bulk 200',
      'scim POST User 201',
    ]);
  });

  it('refuses an unusable request whole, before anything runs', async () => {
    const cases: [unknown, number, RegExp][] = [
      [[postUser('w1')], 400, /BulkRequest object/],
      [{ schemas: [BULK], Operations: [] }, 400, /non-empty array/],
      [
        { schemas: [BULK], Operations: [postUser('w2'), postUser('w2')] },
        400,
        /bulkId 'w2' is given to more than one POST/,
      ],
      [{ schemas: [BULK], failOnErrors: -1, Operations: [postUser('w3')] }, 400, /failOnErrors/],
      [
        { schemas: [BULK], Operations: Array.from({ length: 1_001 }, (_, i) => postUser(`over${i}`)) },
        413,
        /more than maxOperations \(1000\)/,
      ],
    ];
    for (const [body, status, detail] of cases) {
      const res = await app
        .scim('post', '/Bulk')
        .set('Content-Type', 'application/scim+json')
        .send(JSON.stringify(body));
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body).toMatchObject({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: String(status),
        detail: expect.stringMatching(detail),
      });
    }
    expect(await countUsers('w2@bulk.example')).toBe(0);
    expect(await countUsers('over0@bulk.example')).toBe(0);
    expect((await app.scim('get', '/Bulk')).status).toBe(405);
  });

  it('takes a body up to 1 MB and answers a larger one with 413 in SCIM form, naming the limit', async () => {
    const padded = (bytes: number) => {
      const operation = {
        method: 'POST',
        path: '/Users',
        bulkId: 'big',
        data: { ...user('big@bulk.example'), nickName: '' },
      };
      const body = { schemas: [BULK], Operations: [operation] };
      operation.data.nickName = 'x'.repeat(bytes - JSON.stringify(body).length);
      return JSON.stringify(body);
    };
    const at = await app.scim('post', '/Bulk').set('Content-Type', 'application/scim+json').send(padded(1_048_576));
    expect(at.status).toBe(200);
    const over = await app.scim('post', '/Bulk').set('Content-Type', 'application/scim+json').send(padded(1_048_577));
    expect(over.status).toBe(413);
    expect(over.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(over.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '413',
      detail: 'The body is larger than 1 MB: at most 1048576 bytes (maxPayloadSize)',
    });
  });

  it('publishes bulk support and its limits in /ServiceProviderConfig', async () => {
    const res = await app.scim('get', '/ServiceProviderConfig');
    expect(res.body.bulk).toEqual({ supported: true, maxOperations: 1000, maxPayloadSize: 1_048_576 });
  });
});
