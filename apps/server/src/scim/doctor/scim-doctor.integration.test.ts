import type { ScimDoctorReport } from '@provisio/core/scim-doctor';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../create-server.ts';
import { ADMIN_TOKEN, createAccessTestApp, scimUser } from '../../auth/testing/access-test-app.ts';
import type { AccessTestApp } from '../../auth/testing/access-test-app.ts';
import entraFlag from '../fixtures/entra-groups-and-flag.fixtures.json' with { type: 'json' };
import oktaSequences from '../fixtures/okta-sequences.fixtures.json' with { type: 'json' };
import { replayStep } from '../testing/replay-fixture.ts';
import type { Fixture, FixtureStep } from '../testing/replay-fixture.ts';
import type { ScimTestApp } from '../testing/scim-test-app.ts';

const OKTA_UA = 'Okta SCIM Client 1.0.0';
let app: AccessTestApp;
beforeAll(async () => {
  app = await createAccessTestApp();
});
afterAll(async () => {
  await app.cleanup();
});

type Org = Awaited<ReturnType<AccessTestApp['newOrg']>>;

const stepsOf = (list: unknown, name: string) => {
  const found = (list as Fixture[]).find((f) => f.name.startsWith(name));
  if (!found) throw new Error(`no fixture ${name}`);
  return found.steps;
};

/** Replays recorded steps as the org's IdP would, with its real SCIM key (and Okta's User-Agent when given). */
async function replay(org: Org, steps: readonly FixtureStep[], userAgent?: string) {
  const idp = {
    scim: (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string) => {
      const req = app.agent[method](`/scim/v2${path}`).set('Authorization', `Bearer ${org.scimToken}`);
      return userAgent ? req.set('User-Agent', userAgent) : req.set('User-Agent', '');
    },
  } as unknown as ScimTestApp;
  const vars: Record<string, unknown> = {};
  for (const step of steps) await replayStep(idp, step, vars);
}

/** The doctor's report as the org admin reads it, after the server wrote what it gathered. */
async function report(org: Org, server: { traffic: { flush(): Promise<void> } } = app.server) {
  await server.traffic.flush();
  const res = await app.trpc(org.adminToken, 'scimDoctor.report', {}, 'query');
  expect(res.status, JSON.stringify(res.error)).toBe(200);
  return res.data as ScimDoctorReport;
}

const connectionOf = (doctor: ScimDoctorReport, org: Org) => {
  const connection = doctor.connections.find((c) => c.keyId === org.scimKeyId);
  if (!connection) throw new Error(`no connection for ${org.scimKeyId}: ${JSON.stringify(doctor)}`);
  return connection;
};
const codes = (doctor: ScimDoctorReport, org: Org) => connectionOf(doctor, org).hints.map((h) => h.code);

describe('the IdP connection doctor over SCIM HTTP', () => {
  it('Entra without aadOptscim062020: recognised, counted by operation and status, and hinted', async () => {
    const org = await app.newOrg();
    const variants = stepsOf(entraFlag, 'Entra: the aadOptscim062020');
    await replay(org, variants);
    const connection = connectionOf(await report(org), org);
    expect(connection).toMatchObject({ idp: 'entra', keyName: expect.any(String), revoked: false });
    expect(connection.requests).toBe(variants.length);
    expect(connection.byOperation).toEqual(
      expect.arrayContaining([
        { operation: 'users-create', status: 201, count: 3 },
        { operation: 'users-patch', status: 200, count: 6 },
        { operation: 'groups-patch', status: 204, count: 2 },
      ]),
    );
    expect(connection.lastSuccessAt).not.toBeNull();
    expect(connection.hints.map((h) => h.code)).toEqual(['entra-without-flag']);
    expect(connection.hints[0]?.fix).toMatch(/aadOptscim062020/);
  });

  it('Entra with the flag only: no hint', async () => {
    const org = await app.newOrg();
    const variants = stepsOf(entraFlag, 'Entra: the aadOptscim062020');
    // Up to the last without-flag step, whose read-back follows it.
    const end = variants.findIndex((s) => s.name.startsWith('without flag: Remove members'));
    await replay(
      org,
      variants.slice(0, end).filter((s) => !s.name.startsWith('without flag')),
    );
    expect(codes(await report(org), org)).toEqual([]);
  });

  it('Okta: no hint while the org has no groups; "Push Groups" once it has some; none once Okta pushes', async () => {
    const org = await app.newOrg();
    await replay(org, stepsOf(oktaSequences, 'Okta: assign user'), OKTA_UA);
    const unused = await report(org);
    expect(connectionOf(unused, org).idp).toBe('okta');
    expect(codes(unused, org)).toEqual([]);

    const group = await app.trpc(org.adminToken, 'groups.create', { attributes: { displayName: 'Engineering' } });
    expect(group.status).toBe(200);
    expect(codes(await report(org), org)).toEqual(['okta-groups-not-pushed']);

    await replay(org, stepsOf(oktaSequences, 'Okta: Group Push'), OKTA_UA);
    expect(codes(await report(org), org)).toEqual([]);
  });

  it('userNames that collide ignoring case: the 409s, their SCIM detail in the last errors, and the hint', async () => {
    const org = await app.newOrg();
    expect((await app.scim('post', '/Users', org.scimToken).send(scimUser('ada@acme.example'))).status).toBe(201);
    for (const userName of ['Ada@acme.example', 'ADA@ACME.EXAMPLE', 'ada@Acme.Example'])
      expect((await app.scim('post', '/Users', org.scimToken).send(scimUser(userName))).status).toBe(409);
    const connection = connectionOf(await report(org), org);
    expect(connection.byOperation).toContainEqual({ operation: 'users-create', status: 409, count: 3 });
    expect(connection.lastErrors).toHaveLength(3);
    expect(connection.lastErrors[0]).toMatchObject({
      method: 'POST',
      path: '/Users',
      status: 409,
      scimType: 'uniqueness',
      detail: expect.any(String),
    });
    expect(connection.hints.map((h) => h.code)).toEqual(['username-collisions']);
  });

  it('a mapping that sends empty emails', async () => {
    const org = await app.newOrg();
    const res = await app
      .scim('post', '/Users', org.scimToken)
      .send(scimUser('no.mail@acme.example', { emails: [{ value: '', type: 'work', primary: true }] }));
    expect(res.status).toBeLessThan(500);
    expect(codes(await report(org), org)).toEqual(['empty-emails']);
  });

  it("another org's admin sees none of it, and cannot name this org", async () => {
    const org = await app.newOrg();
    const other = await app.newOrg();
    await app.scim('get', '/Users', org.scimToken);
    const theirs = await report(other);
    expect(theirs.connections.find((c) => c.keyId === org.scimKeyId)).toBeUndefined();
    const named = await app.trpc(other.adminToken, 'scimDoctor.report', { orgId: org.orgId }, 'query');
    expect(named.error?.data.code).toBe('NOT_FOUND');
    const scimKey = await app.trpc(org.scimToken, 'scimDoctor.report', {}, 'query');
    expect(scimKey.error?.data.code).toBe('FORBIDDEN');
  });

  it('the platform admin reads any org (orgId required); a missing org is NOT_FOUND', async () => {
    const org = await app.newOrg();
    await app.scim('get', '/Users', org.scimToken);
    await app.server.traffic.flush();
    const res = await app.trpc(ADMIN_TOKEN, 'scimDoctor.report', { orgId: org.orgId }, 'query');
    expect(res.status, JSON.stringify(res.error)).toBe(200);
    expect((res.data as ScimDoctorReport).connections.map((c) => c.keyId)).toEqual([org.scimKeyId]);
    const unnamed = await app.trpc(ADMIN_TOKEN, 'scimDoctor.report', {}, 'query');
    expect(unnamed.error?.data.code).toBe('BAD_REQUEST');
    const missing = await app.trpc(ADMIN_TOKEN, 'scimDoctor.report', { orgId: 'no-such-org' }, 'query');
    expect(missing.error?.data.code).toBe('NOT_FOUND');
  });

  it('reads only the keys that made requests, each by id (never the whole key list)', async () => {
    const org = await app.newOrg();
    await app.scim('get', '/Users', org.scimToken);
    await app.server.traffic.flush();
    const sent: Array<{ name: string; command: Record<string, unknown> }> = [];
    const client = app.deps.db.connection.getClient();
    const listen = (e: { commandName: string; command: Record<string, unknown> }) =>
      sent.push({ name: e.commandName, command: e.command });
    client.on('commandStarted', listen);
    try {
      const res = await app.trpc(org.adminToken, 'scimDoctor.report', {}, 'query');
      expect(res.status, JSON.stringify(res.error)).toBe(200);
    } finally {
      client.off('commandStarted', listen);
    }
    const on = (collection: string) => sent.filter((c) => c.command[c.name] === collection);
    const keyReads = on('application_keys').map((c) => c.command['filter'] as Record<string, unknown>);
    expect(keyReads.length).toBeGreaterThan(0);
    expect(keyReads.every((f) => typeof f['_id'] === 'string')).toBe(true);
  });

  it('two server replicas write their own shares of the same buckets, and the report adds them up', async () => {
    const org = await app.newOrg();
    const replica = createServer({ ...app.deps, trafficWriter: 'replica-2' });
    const second = request(replica.app);
    const get = (agent: typeof app.agent) =>
      agent.get('/scim/v2/Users').set('Authorization', `Bearer ${org.scimToken}`).set('User-Agent', OKTA_UA);
    await Promise.all([
      ...Array.from({ length: 7 }, () => get(app.agent)),
      ...Array.from({ length: 5 }, () => get(second)),
    ]);
    await Promise.all([app.server.traffic.flush(), replica.traffic.flush()]);
    // And a second round into the same hour's shares: the `$inc`s add to what is there.
    await Promise.all([get(app.agent), get(second)]);
    await replica.traffic.flush();
    const connection = connectionOf(await report(org), org);
    expect(connection.byOperation).toEqual([{ operation: 'users-list', status: 200, count: 14 }]);
    expect(await app.models.scimTraffic.countDocuments({ orgId: org.orgId })).toBe(2);
  });
});

describe('429s: the IdP sends faster than the plan allows', () => {
  let limited: AccessTestApp;
  beforeAll(async () => {
    limited = await createAccessTestApp({ rateLimit: { perSecond: 2, burst: 4, burstWindowSeconds: 10 } });
  });
  afterAll(async () => {
    await limited.cleanup();
  });

  it('a burst past the key limit is counted per key and hinted', async () => {
    const org = await limited.newOrg();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        limited.agent.get('/scim/v2/Users').set('Authorization', `Bearer ${org.scimToken}`).set('User-Agent', OKTA_UA),
      ),
    );
    const refused = answers.filter((r) => r.status === 429).length;
    expect(refused).toBeGreaterThan(0);
    await limited.server.traffic.flush();
    // The admin's own calls share no budget with the SCIM key.
    const res = await limited.trpc(org.adminToken, 'scimDoctor.report', {}, 'query');
    const doctor = res.data as ScimDoctorReport;
    const connection = doctor.connections.find((c) => c.keyId === org.scimKeyId);
    expect(connection?.byOperation).toContainEqual({ operation: 'users-list', status: 429, count: refused });
    expect(connection?.hints.map((h) => h.code)).toEqual(['rate-limited']);
    expect(connection?.lastErrors[0]).toMatchObject({ status: 429, detail: expect.stringMatching(/per second/) });
  });
});
