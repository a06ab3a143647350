import { systemClock } from '@provisio/core';
import { newAuditEvent, sweepAuditEvents } from '@provisio/core/audit';
import { getScimStatus } from '@provisio/core/orgs';
import type { AuditEvent } from '@provisio/core/audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessTestApp, keySecretOf, scimUser } from './testing/access-test-app.ts';
import type { AccessTestApp } from './testing/access-test-app.ts';

let app: AccessTestApp;
let org: Awaited<ReturnType<AccessTestApp['newOrg']>>;
beforeAll(async () => {
  app = await createAccessTestApp();
  org = await app.newOrg();
});
afterAll(async () => {
  await app.cleanup();
});

/** The org's ledger once it holds what `until` asks for (see AccessTestApp.ledger). */
const events = (filter: Record<string, unknown>, until?: (items: AuditEvent[]) => boolean) =>
  app.ledger(org.adminToken, filter, until);

describe('the provisioning ledger', () => {
  let userId: string;

  it('falls back to the org default role for an unknown SCIM role, and records it', async () => {
    await app.trpc(org.adminToken, 'org.updateSettings', { defaultRole: 'read_only' });
    const res = await app
      .scim('post', '/Users', org.scimToken)
      .send(scimUser('ada@example.com', { roles: [{ value: 'Superhero' }], password: 'hunter2-Secret!' }));
    expect(res.status).toBe(201);
    userId = res.body.id;
    expect((await app.trpc(org.adminToken, 'users.get', { id: userId }, 'query')).data).toMatchObject({
      role: 'read_only',
    });
    const [event] = await events({ resourceId: userId });
    expect(event).toMatchObject({
      surface: 'scim',
      actor: { type: 'key', keyId: org.scimKeyId, ownerId: org.serviceAccountId },
      userAgent: 'Okta SCIM Client 1.0.0',
      method: 'POST',
      path: '/scim/v2/Users',
      action: 'scim POST User',
      resourceType: 'User',
      resourceId: userId,
      status: 201,
      outcome: 'success',
    });
    expect(event?.notes.join(' ')).toMatch(/"Superhero".*default role 'read_only'/);
    expect(event?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ attribute: 'userName', old: null, new: 'ada@example.com' }),
        expect.objectContaining({ attribute: 'role', new: 'read_only' }),
      ]),
    );
    expect(event?.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/); // made by the server: the request sent none
    expect(event?.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(event)).not.toMatch(/hunter2|password/i);
  });

  it('records old and new values of a PATCH, and a role value the org mapped sets it', async () => {
    await app.trpc(org.adminToken, 'org.updateSettings', { roleMapping: [{ value: 'Admin', role: 'admin' }] });
    const res = await app
      .scim('patch', `/Users/${userId}`, org.scimToken)
      .send({ Operations: [{ op: 'replace', value: { title: 'CTO', roles: [{ value: 'Admin' }] } }] });
    expect([res.status, res.body.title]).toEqual([200, 'CTO']);
    const [event] = await events({ resourceId: userId }, (items) => items.some((e) => e.method === 'PATCH'));
    expect(event?.method).toBe('PATCH');
    expect(event?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ attribute: 'title', old: null, new: 'CTO' }),
        expect.objectContaining({ attribute: 'role', old: 'read_only', new: 'admin' }),
      ]),
    );
  });

  it('records failures, tRPC admin changes, and filters by actor, outcome and time', async () => {
    expect((await app.scim('get', '/Users/0190a4b2-0000-7000-8000-000000000000', org.scimToken)).status).toBe(404);
    const created = await app.trpc(org.adminToken, 'keys.create', {
      name: 'entra',
      ownerType: 'service_account',
      ownerId: org.serviceAccountId,
      scopes: ['scim'],
    });
    const token = (created.data as { token: string }).token;
    const failures = await events({ outcome: 'failure' });
    expect(failures.every((e) => e.outcome === 'failure')).toBe(true);
    expect(failures.some((e) => e.status === 404 && e.method === 'GET')).toBe(true);

    const adminKeyId = org.adminToken.split('_')[1];
    const byAdmin = await events({ actorId: adminKeyId });
    expect(byAdmin.map((e) => e.action)).toEqual(expect.arrayContaining(['keys.create', 'org.updateSettings']));
    const keyEvent = byAdmin.find((e) => e.action === 'keys.create');
    expect(keyEvent).toMatchObject({
      surface: 'trpc',
      method: 'POST',
      path: '/trpc/keys.create',
      resourceType: 'ApplicationKey',
      status: 200,
    });
    expect(JSON.stringify(byAdmin)).not.toContain(keySecretOf(token));

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await app.trpc(org.adminToken, 'audit.list', { from: future }, 'query')).data).toMatchObject({ items: [] });
    const byOwner = await events({ actorId: org.serviceAccountId, resourceType: 'User' });
    expect(
      byOwner.every(
        (e) => e.actor.type === 'key' && e.actor.ownerId === org.serviceAccountId && e.resourceType === 'User',
      ),
    ).toBe(true);
  });

  it('names the user of a tRPC deactivation, also when it changes nothing (idempotent)', async () => {
    const res = await app.scim('post', '/Users', org.scimToken).send(scimUser('idle@example.com'));
    const id = res.body.id as string;
    for (let i = 0; i < 2; i++) expect((await app.trpc(org.adminToken, 'users.deactivate', { id })).status).toBe(200);
    const deactivations = await events(
      { resourceId: id },
      (items) => items.filter((e) => e.action === 'users.deactivate').length === 2,
    );
    const [repeat, first] = deactivations.filter((e) => e.action === 'users.deactivate');
    expect(first).toMatchObject({ resourceType: 'User', resourceId: id, outcome: 'success' });
    expect(first?.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ attribute: 'status', new: 'deactivated' })]),
    );
    expect(repeat).toMatchObject({ resourceType: 'User', resourceId: id, outcome: 'success', changes: [] });
  });

  it('reads events written before actors were explicit: a key without a key id was a web session', async () => {
    const legacy = (action: string, actor: Record<string, unknown>) => ({
      ...newAuditEvent(new Date(), {
        orgId: org.orgId,
        surface: 'trpc',
        actor: { type: 'system' },
        action,
        outcome: 'success',
      }),
      actor,
    });
    for (const event of [
      legacy('legacy.admin', { type: 'key', keyId: null, ownerId: 'user-1' }),
      legacy('legacy.platform', { type: 'key', keyId: null, ownerId: null }),
    ]) {
      const { id, at, ...rest } = event;
      await app.models.auditEvents.collection.insertOne({ _id: id as never, at: new Date(at), ...rest });
    }
    const items = await events({ from: new Date(Date.now() - 60_000).toISOString() }, (list) =>
      list.some((e) => e.action === 'legacy.platform'),
    );
    expect(items.find((e) => e.action === 'legacy.admin')?.actor).toEqual({ type: 'session', userId: 'user-1' });
    expect(items.find((e) => e.action === 'legacy.platform')?.actor).toEqual({ type: 'platform' });
    expect((await events({ actorId: 'user-1' })).map((e) => e.action)).toEqual(['legacy.admin']);
  });

  it('keeps events 90 days: the sweeper deletes older ones', async () => {
    const old = newAuditEvent(new Date(Date.now() - 91 * 24 * 3600_000), {
      orgId: org.orgId,
      surface: 'system',
      actor: { type: 'system' },
      action: 'test.old',
      outcome: 'success',
    });
    await app.deps.db.audit.insert(old);
    expect(await sweepAuditEvents({ audit: app.deps.db.audit, clock: systemClock })).toBe(1);
    const left = await app.deps.db.audit.list(org.orgId, { limit: 500 });
    expect(left.length).toBeGreaterThan(3);
    expect(left.some((e) => e.action === 'test.old')).toBe(false);
  });

  it('warns in org.scimStatus about SAML JIT with SCIM, and about missing SCIM keys', async () => {
    const other = await app.newOrg();
    await app.trpc(other.adminToken, 'org.updateSettings', { samlJitEnabled: true });
    await app.trpc(other.adminToken, 'keys.revoke', { id: other.scimKeyId });
    const status = await app.trpc(other.adminToken, 'org.scimStatus', undefined, 'query');
    const codes = (status.data as { warnings: Array<{ code: string }> }).warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['saml_jit_with_scim', 'no_scim_key']));
    // 31 days on, the first org's SCIM key has not been used for SCIM in 30 days.
    const later = { now: () => new Date(Date.now() + 31 * 24 * 3600_000) };
    const idle = await getScimStatus({ orgs: app.deps.db.orgs, keys: app.deps.db.keys, clock: later }, org.orgId);
    expect(idle.warnings.map((w) => [w.code, w.keyId])).toContainEqual(['scim_key_unused', org.scimKeyId]);
  });
});
