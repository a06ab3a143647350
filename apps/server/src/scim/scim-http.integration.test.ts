import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScimTestApp } from './testing/scim-test-app.ts';
import type { ScimTestApp } from './testing/scim-test-app.ts';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const SCIM_JSON = 'application/scim+json; charset=utf-8';

let t: ScimTestApp;
beforeAll(async () => {
  t = await createScimTestApp();
});
afterAll(() => t.cleanup());

const expectScimError = (
  res: { status: number; body: unknown; headers: Record<string, string> },
  status: number,
  scimType?: string,
) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toBe(SCIM_JSON);
  expect(res.body).toMatchObject({ schemas: [ERROR], status: String(status), ...(scimType ? { scimType } : {}) });
  expect((res.body as { detail: string }).detail).toEqual(expect.any(String));
  expect((res.body as { detail: string }).detail).not.toBe('');
};

describe('authentication', () => {
  it('answers a missing token with 401, a Bearer challenge and a SCIM error', async () => {
    const res = await t.scim('get', '/Users', null);
    expectScimError(res, 401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('answers an unknown token, or another scheme, with 401', async () => {
    expectScimError(await t.scim('get', '/Users', null).set('Authorization', 'Bearer nope'), 401);
    expectScimError(await t.scim('get', '/Users', null).set('Authorization', 'non-token'), 401);
    expectScimError(await t.scim('get', '/Users', null).set('Authorization', 'Basic b3JnQTo='), 401);
  });

  it('refuses the platform token and an org key without the scim scope with 403', async () => {
    expectScimError(await t.scim('get', '/Users', 'platform'), 403);
    expectScimError(await t.scim('get', '/Users', 'reader'), 403);
  });

  it('checks auth before routing, so unknown paths do not leak to anonymous callers', async () => {
    expectScimError(await t.scim('get', '/Nope', null), 401);
  });
});

describe('routing errors', () => {
  it('answers unknown endpoints with a SCIM 404', async () => {
    expectScimError(await t.scim('get', '/Nope'), 404);
    expectScimError(await t.scim('get', '/Users/a/b'), 404);
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const res = await t.scim('delete', '/Users');
    expectScimError(res, 405);
    expect(res.headers['allow']).toBe('GET, POST');
    const put = await t.scim('put', '/ServiceProviderConfig').send({});
    expectScimError(put, 405);
    expect(put.headers['allow']).toBe('GET');
    const search = await t.scim('get', '/Users/.search');
    expectScimError(search, 405);
    expect(search.headers['allow']).toBe('POST');
  });
});

describe('media types and bodies', () => {
  const body = { schemas: [USER], userName: 'media@example.com' };

  it.each([
    'application/scim+json',
    'application/json',
    'application/scim+json; charset=utf-8',
    'application/json; charset=UTF-8',
  ])('accepts %s and always answers application/scim+json', async (type) => {
    const res = await t
      .scim('post', '/Users')
      .set('Content-Type', type)
      .send(JSON.stringify({ ...body, userName: `m-${type}@example.com` }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers['content-type']).toBe(SCIM_JSON);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])(
    'refuses %s with 415',
    async (type) => {
      const before = await t.deps.db.connection.collection('users').countDocuments();
      expectScimError(await t.scim('post', '/Users').set('Content-Type', type).send('userName=x'), 415);
      expect(await t.deps.db.connection.collection('users').countDocuments()).toBe(before);
    },
  );

  it('refuses malformed JSON with 400 invalidSyntax', async () => {
    const res = await t.scim('post', '/Users').set('Content-Type', 'application/scim+json').send('{"userName": "x",');
    expectScimError(res, 400, 'invalidSyntax');
  });

  it('refuses a JSON primitive as a body with 400', async () => {
    expectScimError(
      await t.scim('post', '/Users').set('Content-Type', 'application/json').send('"userName"'),
      400,
      'invalidSyntax',
    );
  });

  it('refuses bodies over 1 MB with 413 and stores nothing', async () => {
    const before = await t.deps.db.connection.collection('users').countDocuments();
    const big = { ...body, userName: 'big@example.com', displayName: 'x'.repeat(1_100_000) };
    expectScimError(
      await t.scim('post', '/Users').set('Content-Type', 'application/scim+json').send(JSON.stringify(big)),
      413,
    );
    expect(await t.deps.db.connection.collection('users').countDocuments()).toBe(before);
  });

  it('accepts a body just under 1 MB', async () => {
    const res = await t
      .scim('post', '/Users')
      .set('Content-Type', 'application/scim+json')
      .send(JSON.stringify({ ...body, userName: 'near-limit@example.com', displayName: 'x'.repeat(900_000) }));
    expect([res.status, res.body.userName, res.body.displayName?.length]).toEqual([
      201,
      'near-limit@example.com',
      900_000,
    ]);
  });
});

describe('internal errors', () => {
  it('answers an unexpected exception with a SCIM 500 that leaks nothing, and logs it with the request id', async () => {
    const logged: unknown[] = [];
    const own = await createScimTestApp({ onLog: (entry) => logged.push(entry) });
    try {
      // A failure no rule expects (a closed database is a 503 now, see database-outage tests),
      // whose message carries what must never reach the client.
      Object.assign(own.deps.db.users, {
        list: () => Promise.reject(new Error('MongoServerError: boom at readUsers (/srv/db.ts:1:1)')),
      });
      const res = await own
        .scim('get', '/Users?filter=userName eq "hidden.person@example.com"')
        .set('X-Request-Id', 'req-500-test');
      expectScimError(res, 500);
      expect(res.body.detail).toBe('Internal server error (request req-500-test)');
      expect(JSON.stringify(res.body)).not.toMatch(/stack|Mongo|at \w+ \(/i);
      expect(logged).toContainEqual(
        expect.objectContaining({ level: 50, reqId: 'req-500-test', path: '/scim/v2/Users' }),
      );
      // The query string (a filter naming a person) stays out of every line.
      expect(JSON.stringify(logged)).not.toContain('hidden.person');
    } finally {
      await own.cleanup().catch(() => undefined);
    }
  });
});
