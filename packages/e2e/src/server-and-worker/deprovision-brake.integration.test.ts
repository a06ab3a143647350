import { afterAll, beforeAll, expect, it } from 'vitest';
import { scimUser } from '@provisio/server/auth-testing';
import type { AccessTestApp } from '@provisio/server/auth-testing';
import entraUsers from '@provisio/server/scim-fixtures/entra-users.fixtures.json' with { type: 'json' };
import oktaSequences from '@provisio/server/scim-fixtures/okta-sequences.fixtures.json' with { type: 'json' };
import { startAccessStack } from './access-stack.ts';

let stack: Awaited<ReturnType<typeof startAccessStack>>;
let app: AccessTestApp;
beforeAll(async () => {
  stack = await startAccessStack();
  app = stack.app;
});
afterAll(() => stack.stop());

type Step = { name: string; request: { body?: unknown } };
const bodyOf = (fixtures: Array<{ steps: Step[] }>, name: string) => {
  const step = fixtures.flatMap((f) => f.steps).find((s) => s.name === name);
  const body = step?.request.body;
  if (typeof body !== 'object' || body === null) throw new Error(`no recorded step '${name}'`);
  return body;
};
// The deactivate forms the IdPs really send (docs/idp-behaviour.md, as recorded in the SCIM fixtures).
const OKTA_DEACTIVATE = bodyOf(oktaSequences, 'deactivate: path-less PATCH active false');
const ENTRA_DISABLE = bodyOf(entraUsers, 'disable with a boolean');
const ENTRA_DISABLE_STRING = bodyOf(entraUsers, 'disable with the string "False" (no compliance flag)');

const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';

type Held = { userId: string; userName: string; action: string; attempts: number };

it('brakes a burst of IdP deprovisions, mails every admin once, holds until an admin releases, then the retries succeed', async () => {
  const org = await app.newOrg();
  const admins = [`admin1-${org.orgId}@example.com`, `admin2-${org.orgId}@example.com`];
  for (const email of admins) {
    const res = await app.trpc(org.adminToken, 'users.create', {
      attributes: { userName: email, emails: [{ value: email, primary: true }], active: true },
      role: 'admin',
    });
    expect(res.status).toBe(200);
  }
  // Small thresholds keep the burst short: more than 3 users in 10 minutes.
  expect((await app.trpc(org.adminToken, 'brake.configure', { percent: 0, count: 3 })).status).toBe(200);
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await app.scim('post', '/Users', org.scimToken).send(scimUser(`staff${i}-${org.orgId}@example.com`));
    expect(res.status).toBe(201);
    ids.push(res.body.id as string);
  }
  const [u0, u1, u2, u3, u4, u5, u6, u7] = ids as [string, string, string, string, string, string, string, string];
  const putInactive = (id: string, i: number) =>
    app
      .scim('put', `/Users/${id}`, org.scimToken)
      .send(scimUser(`staff${i}-${org.orgId}@example.com`, { active: false }));
  const bulkDelete = (id: string) =>
    app
      .scim('post', '/Bulk', org.scimToken)
      .send({ schemas: [BULK], Operations: [{ method: 'DELETE', path: `/Users/${id}` }] });

  // The burst: Okta's and Entra's two forms go through (3 users, at the threshold)…
  expect((await app.scim('patch', `/Users/${u0}`, org.scimToken).send(OKTA_DEACTIVATE)).status).toBe(200);
  expect((await app.scim('patch', `/Users/${u1}`, org.scimToken).send(ENTRA_DISABLE)).status).toBe(200);
  expect((await app.scim('patch', `/Users/${u2}`, org.scimToken).send(ENTRA_DISABLE_STRING)).status).toBe(200);
  // …and every further deactivation or deletion, in any form, is held.
  const held = [
    await app.scim('patch', `/Users/${u3}`, org.scimToken).send(OKTA_DEACTIVATE),
    await putInactive(u4, 4),
    await app.scim('delete', `/Users/${u5}`, org.scimToken),
    await app.scim('patch', `/Users/${u6}`, org.scimToken).send(ENTRA_DISABLE),
  ];
  for (const res of held) {
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body.detail).toMatch(/admin must confirm/);
  }
  const bulk = await bulkDelete(u7);
  expect(bulk.status).toBe(200);
  expect(bulk.body.Operations[0].status).toBe('429');
  expect(bulk.body.Operations[0].response.detail).toMatch(/admin must confirm/);

  // Nothing else is blocked: creating, updating, reactivating.
  const created = await app.scim('post', '/Users', org.scimToken).send(scimUser(`new-${org.orgId}@example.com`));
  expect(created.status).toBe(201);
  const renamed = await app.scim('patch', `/Users/${u3}`, org.scimToken).send({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'replace', path: 'displayName', value: 'Still here' }],
  });
  expect([renamed.status, renamed.body.active]).toEqual([200, true]);
  const back = await app.scim('patch', `/Users/${u0}`, org.scimToken).send({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'replace', value: { active: true } }],
  });
  expect([back.status, back.body.active]).toEqual([200, true]);

  // Every admin is mailed, once.
  const isAlert = (m: { raw: string }) => /Deprovisioning paused/.test(m.raw);
  await stack.smtp.until((mails) => mails.filter(isAlert).length >= 2);
  await stack.settled();
  const alerts = stack.smtp.mails.filter(isAlert);
  expect(alerts.map((m) => m.to).sort()).toEqual(admins.map((a) => [a]).sort());

  const status = await app.trpc(org.adminToken, 'brake.status', undefined, 'query');
  expect(status.data).toMatchObject({ state: { braked: true }, settings: { percent: 0, count: 3 } });
  const list = await app.trpc(org.adminToken, 'brake.held', undefined, 'query');
  const items = (list.data as { braked: boolean; items: Held[] }).items;
  expect(items.map((h) => [h.userId, h.action]).sort()).toEqual(
    [
      [u3, 'deactivate'],
      [u4, 'deactivate'],
      [u5, 'delete'],
      [u6, 'deactivate'],
      [u7, 'delete'],
    ].sort(),
  );

  // A SCIM key cannot release; an admin can, once.
  expect((await app.trpc(org.scimToken, 'brake.release')).status).toBe(403);
  const released = await app.trpc(org.adminToken, 'brake.release');
  expect(released.status).toBe(200);
  expect((await app.trpc(org.adminToken, 'brake.release')).status).toBe(409);

  // The IdP's retries now succeed.
  expect((await app.scim('patch', `/Users/${u3}`, org.scimToken).send(OKTA_DEACTIVATE)).status).toBe(200);
  expect((await putInactive(u4, 4)).status).toBe(200);
  expect((await app.scim('delete', `/Users/${u5}`, org.scimToken)).status).toBe(204);
  expect((await app.scim('patch', `/Users/${u6}`, org.scimToken).send(ENTRA_DISABLE_STRING)).status).toBe(200);
  expect((await bulkDelete(u7)).body.Operations[0].status).toBe('204');
  expect((await app.trpc(org.adminToken, 'brake.status', undefined, 'query')).data).toMatchObject({
    state: { braked: false, generation: 1 },
  });

  // Audited: the braking on the SCIM request that tripped it, every held request, the release.
  const ledger = await app.trpc(org.adminToken, 'audit.list', { limit: 100 }, 'query');
  const events = (
    ledger.data as { items: Array<{ action: string; status: number | null; outcome: string; notes: string[] }> }
  ).items;
  expect(events.some((e) => e.notes.some((n) => /brake engaged/.test(n)))).toBe(true);
  expect(
    events.filter((e) => e.status === 429 && e.notes.some((n) => /held by the mass-deprovision brake/.test(n))).length,
  ).toBeGreaterThanOrEqual(4);
  expect(events.find((e) => e.action === 'brake.release' && e.outcome === 'success')?.notes.join(' ')).toMatch(
    /released 5 held deprovisions/,
  );
});
