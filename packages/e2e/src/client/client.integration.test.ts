import { ADMIN_TOKEN, createAccessTestApp, scimUser } from '@provisio/server/auth-testing';
import type { AccessTestApp } from '@provisio/server/auth-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvisioClient, isProvisioError, TRPCClientError } from '@provisio/client';
import type { ProvisioClient, ProvisioError } from '@provisio/client';

let app: AccessTestApp;
let url: string;
let admin: ProvisioClient;
let org: Awaited<ReturnType<AccessTestApp['newOrg']>>;
/** The procedures of each HTTP request the `admin` client sent (a batch names them all in its path). */
let requests: string[][] = [];

beforeAll(async () => {
  app = await createAccessTestApp();
  url = `http://127.0.0.1:${await app.server.start(0)}/trpc`;
  org = await app.newOrg();
  const counting: typeof fetch = (input, init) => {
    requests.push(
      decodeURIComponent(
        new URL(input instanceof Request ? input.url : String(input)).pathname.replace(/^\/trpc\//, ''),
      ).split(','),
    );
    return fetch(input, init);
  };
  admin = createProvisioClient({ url, token: org.adminToken, fetch: counting });
});
afterAll(async () => {
  await app.server.stop(100);
  await app.cleanup();
});

const rejection = async (promise: Promise<unknown>): Promise<ProvisioError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isProvisioError(error)) throw new Error(`expected a ProvisioError, got ${String(error)}`);
  return error;
};

describe('@provisio/client over HTTP', () => {
  it('creates, lists with a cursor, gets, updates, deactivates and reactivates users', async () => {
    for (const name of ['ada', 'bob', 'cy'])
      await admin.users.create.mutate({
        attributes: { userName: `${name}@example.com`, active: true, emails: [{ value: `${name}@example.com` }] },
      });
    const first = await admin.users.list.query({ limit: 2 });
    expect(first.items.map((u) => [u.userName, u.status, u.emails[0]?.value])).toEqual([
      ['ada@example.com', 'invited', 'ada@example.com'],
      ['bob@example.com', 'invited', 'bob@example.com'],
    ]);
    const rest = await admin.users.list.query({ limit: 2, cursor: first.nextCursor ?? '' });
    expect([rest.items.map((u) => u.userName), rest.nextCursor]).toEqual([['cy@example.com'], null]);
    const ada = first.items[0];
    if (!ada) throw new Error('no user');
    await expect(admin.users.get.query({ id: ada.id })).resolves.toMatchObject({ id: ada.id, version: 1 });
    await expect(admin.users.update.mutate({ id: ada.id, set: { title: 'Countess' } })).resolves.toMatchObject({
      version: 2,
      attributes: { title: 'Countess' },
    });
    await expect(admin.users.deactivate.mutate({ id: ada.id })).resolves.toMatchObject({ status: 'deactivated' });
    expect((await admin.users.list.query({ status: 'deactivated' })).items.map((u) => u.id)).toEqual([ada.id]);
    await expect(admin.users.reactivate.mutate({ id: ada.id })).resolves.toMatchObject({ status: 'invited' });
  });

  it('reads groups, invites, org settings, SCIM status, service accounts, keys and the audit ledger in batches of at most 10 calls', async () => {
    const { items } = await admin.users.list.query();
    const group = await admin.groups.create.mutate({
      attributes: { displayName: 'Eng' },
      members: items.slice(0, 2).map((u) => ({ value: u.id })),
    });
    requests = [];
    const [groups, one, members, invite, invites, orgInfo, status, accounts, keys, audit, head] = await Promise.all([
      admin.groups.list.query({}),
      admin.groups.get.query({ id: group.id }),
      admin.groups.listMembers.query({ id: group.id }),
      admin.invites.status.query({ userId: items[0]?.id ?? '' }),
      admin.invites.statusMany.query({ userIds: items.map((u) => u.id) }),
      admin.org.get.query(),
      admin.org.scimStatus.query(),
      admin.serviceAccounts.list.query(),
      admin.keys.list.query({}),
      admin.audit.list.query({ resourceType: 'User', limit: 5 }),
      admin.events.head.query(),
    ]);
    expect(groups.items.map((g) => g.displayName)).toEqual(['Eng']);
    expect(one.members?.length).toBe(2);
    expect(members.totalResults).toBe(2);
    // No worker runs here: the invite of a created user stays queued.
    expect(invite).toMatchObject({ state: 'pending', sentAt: null, acceptedAt: null, failedReason: null });
    expect(invites[0]).toEqual({ userId: items[0]?.id, invite });
    expect(orgInfo.id).toBe(org.orgId);
    expect(status.available).toBe(true);
    expect(accounts.items.map((a) => a.id)).toContain(org.serviceAccountId);
    expect(keys.items.map((k) => k.id)).toContain(org.scimKeyId);
    expect(audit.items).toHaveLength(5);
    expect(audit.items.every((e) => e.resourceType === 'User')).toBe(true);
    expect(head.lastEventId).toMatch(/^[0-9a-f-]{36}$/);
    // 11 calls made together: one request of 10 and one of 1.
    expect(requests.map((procedures) => procedures.length)).toEqual([10, 1]);
  });

  it('splits more calls than one request may carry (10) into several batches', async () => {
    requests = [];
    const heads = await Promise.all(Array.from({ length: 23 }, () => admin.events.head.query()));
    expect(heads.map((h) => h.lastEventId)).toEqual(
      Array.from({ length: 23 }, () => expect.stringMatching(/^[0-9a-f-]{36}$/)),
    );
    expect(requests).toEqual([10, 10, 3].map((n) => Array.from({ length: n }, () => 'events.head')));
  });

  it('answers a bad token with a 401 ProvisioError (still a TRPCClientError)', async () => {
    const stranger = createProvisioClient({ url, token: 'pvk_nope_nope' });
    const error = await rejection(stranger.users.list.query());
    expect(error).toBeInstanceOf(TRPCClientError);
    expect([error.code, error.httpStatus, error.message]).toEqual([
      'UNAUTHENTICATED',
      401,
      'The bearer token is invalid',
    ]);
    const platformOnly = await rejection(createProvisioClient({ url, token: ADMIN_TOKEN }).users.list.query());
    expect(platformOnly.code).toBe('FORBIDDEN');
  });

  it('reports validation errors with the field path, and domain errors with their code and scimType', async () => {
    const invalid = await rejection(admin.users.create.mutate({ attributes: { userName: '', active: true } }));
    expect([invalid.code, invalid.httpStatus]).toEqual(['BAD_REQUEST', 400]);
    expect(invalid.issues).toEqual([expect.objectContaining({ path: ['attributes', 'userName'] })]);
    const taken = await rejection(
      admin.users.create.mutate({ attributes: { userName: 'ADA@example.com', active: true } }),
    );
    expect([taken.code, taken.scimType]).toEqual(['CONFLICT', 'uniqueness']);
    const cursor = await rejection(admin.users.list.query({ cursor: 'garbage' }));
    expect([cursor.code, cursor.scimType]).toEqual(['BAD_REQUEST', 'invalidCursor']);
    const missing = await rejection(admin.users.get.query({ id: 'nope' }));
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('sees SCIM changes (the adapter and the client share the procedures)', async () => {
    const created = await app.scim('post', '/Users', org.scimToken).send(scimUser('scim.made@example.com'));
    expect(created.status).toBe(201);
    const { items } = await admin.users.list.query({ email: 'SCIM.MADE@example.com' });
    expect(items.map((u) => u.id)).toEqual([(created.body as { id: string }).id]);
  });

  it('cannot reach a server that is not there: NETWORK', async () => {
    const error = await rejection(
      createProvisioClient({ url: 'http://127.0.0.1:1/trpc', token: 'x' }).system.ping.query(),
    );
    expect(error.code).toBe('NETWORK');
  });
});
