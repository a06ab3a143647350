import { ORG_SCHEMA_LIMITS } from '@provisio/core/org-schemas';
import { createTestOrg, testPrincipal } from '@provisio/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, setupOrg } from '../../testing/test-caller.ts';

const urn = (name: string) => `urn:ietf:params:scim:schemas:extension:${name}:2.0:User`;
let env: Awaited<ReturnType<typeof setupOrg>>;
let admin: ReturnType<typeof callerFor>;

beforeAll(async () => {
  env = await setupOrg();
  admin = callerFor(env.db, testPrincipal(env.orgId, ['admin']));
});
afterAll(async () => {
  await env.db.drop();
});

describe('orgSchemas', () => {
  it('registers, lists, gets, changes and retires, for admins only', async () => {
    const definition = { urn: urn('life'), name: 'Life', attributes: [{ name: 'lifeA', type: 'string' as const }] };
    await expect(env.caller.orgSchemas.register(definition)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const schema = await admin.orgSchemas.register(definition);
    expect(schema).toMatchObject({
      version: 1,
      status: 'active',
      storageKey: expect.stringMatching(/^x[0-9a-f]{16}$/),
    });
    expect((await admin.orgSchemas.list()).map((s) => s.id)).toContain(schema.id);
    const changed = await admin.orgSchemas.change({ id: schema.id, ifMatchVersion: 1, description: 'HR data' });
    expect(changed).toMatchObject({ version: 2, description: 'HR data' });
    await expect(admin.orgSchemas.change({ id: schema.id, ifMatchVersion: 1, name: 'x' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    const retired = await admin.orgSchemas.retire({ id: schema.id });
    expect(retired.status).toBe('retired');
    expect((await admin.orgSchemas.list()).map((s) => s.id)).not.toContain(schema.id);
    expect((await admin.orgSchemas.list({ includeRetired: true })).map((s) => s.id)).toContain(schema.id);
    // The URN is free again, under a new storage key (the retired values stay invisible).
    const again = await admin.orgSchemas.register(definition);
    expect(again.storageKey).not.toBe(schema.storageKey);
    await admin.orgSchemas.retire({ id: again.id });
  });

  it('refuses what would make paths ambiguous, duplicates, and more schemas than the bound', async () => {
    const a = await admin.orgSchemas.register({
      urn: urn('a'),
      name: 'A',
      attributes: [{ name: 'alpha', type: 'string' }],
    });
    await expect(
      admin.orgSchemas.register({ urn: urn('A'), name: 'dup', attributes: [{ name: 'beta', type: 'string' }] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      admin.orgSchemas.register({ urn: urn('b'), name: 'B', attributes: [{ name: 'ALPHA', type: 'string' }] }),
    ).rejects.toThrow(/already an attribute of/);
    await expect(
      admin.orgSchemas.register({
        urn: `${urn('a')}:More`,
        name: 'P',
        attributes: [{ name: 'gamma', type: 'string' }],
      }),
    ).rejects.toThrow(/prefix/);
    await expect(
      admin.orgSchemas.register({ urn: urn('c'), name: 'C', attributes: [{ name: 'title', type: 'string' }] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const extra = [];
    for (let i = 1; i < ORG_SCHEMA_LIMITS.schemas; i++)
      extra.push(
        await admin.orgSchemas.register({
          urn: urn(`n${i}`),
          name: `N${i}`,
          attributes: [{ name: `n${i}`, type: 'string' }],
        }),
      );
    await expect(
      admin.orgSchemas.register({ urn: urn('over'), name: 'Over', attributes: [{ name: 'over', type: 'string' }] }),
    ).rejects.toThrow(/at most 10/);
    for (const s of [a, ...extra]) await admin.orgSchemas.retire({ id: s.id });
  });

  it('keeps the bound on active schemas when registrations race (no transactions)', async () => {
    const { orgId } = await createTestOrg(env.db);
    const racer = callerFor(env.db, testPrincipal(orgId, ['admin']));
    const define = (n: string) => ({
      urn: urn(`race${n}`),
      name: n,
      attributes: [{ name: `race${n}`, type: 'string' as const }],
    });
    for (let i = 0; i < ORG_SCHEMA_LIMITS.schemas - 2; i++) await racer.orgSchemas.register(define(`a${i}`));
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => racer.orgSchemas.register(define(`b${i}`))),
    );
    const active = await racer.orgSchemas.list();
    expect(active.length).toBeLessThanOrEqual(ORG_SCHEMA_LIMITS.schemas);
    // Every registration that answered success is one of the active ones; the others were refused as tooMany.
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.id] : []));
    expect(active.map((s) => s.id)).toEqual(expect.arrayContaining(won));
    expect(active).toHaveLength(ORG_SCHEMA_LIMITS.schemas - 2 + won.length);
    for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toMatch(/at most 10/);
  });

  it('is the org’s own: another org sees none of it', async () => {
    const s = await admin.orgSchemas.register({
      urn: urn('mine'),
      name: 'Mine',
      attributes: [{ name: 'mine', type: 'string' }],
    });
    const { orgId } = await createTestOrg(env.db);
    const other = callerFor(env.db, testPrincipal(orgId, ['admin']));
    expect(await other.orgSchemas.list()).toEqual([]);
    await expect(other.orgSchemas.get({ id: s.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.orgSchemas.retire({ id: s.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      callerFor(env.db, testPrincipal(orgId)).users.create({
        attributes: { userName: 'x@b.example', active: true, extensions: { [s.storageKey]: { mine: 'x' } } },
      }),
    ).rejects.toThrow(/not an extension of this org/);
    await admin.orgSchemas.retire({ id: s.id });
  });
});

describe('uniqueness: server', () => {
  it('refuses a value another user of the org holds, case-insensitively, also when two writes race', async () => {
    const s = await admin.orgSchemas.register({
      urn: urn('hr'),
      name: 'HR',
      attributes: [{ name: 'employeeId', type: 'string', uniqueness: 'server' }],
    });
    const user = (userName: string, employeeId: string) => ({
      attributes: { userName, active: true, extensions: { [s.storageKey]: { employeeId } } },
    });
    const first = await env.caller.users.create(user('u1@a.example', 'E-1'));
    await expect(env.caller.users.create(user('u2@a.example', 'e-1'))).rejects.toMatchObject({ code: 'CONFLICT' });
    // The holder itself may write its value again.
    await env.caller.users.replace({ id: first.id, ...user('u1@a.example', 'E-1') });
    const racers = await Promise.allSettled(
      ['r1', 'r2', 'r3', 'r4'].map((n) => env.caller.users.create(user(`${n}@a.example`, 'E-RACE'))),
    );
    expect(racers.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const second = await env.caller.users.create(user('u3@a.example', 'E-3'));
    const patch = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: `${urn('hr')}:employeeId`, value: 'E-1' }],
    };
    await expect(env.caller.users.patch({ id: second.id, patch })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Another org may hold the same value: unique means unique in the org.
    const { orgId } = await createTestOrg(env.db);
    const otherAdmin = callerFor(env.db, testPrincipal(orgId, ['admin']));
    const theirs = await otherAdmin.orgSchemas.register({
      urn: urn('hr'),
      name: 'HR',
      attributes: [{ name: 'employeeId', type: 'string', uniqueness: 'server' }],
    });
    await callerFor(env.db, testPrincipal(orgId)).users.create({
      attributes: {
        userName: 'u1@b.example',
        active: true,
        extensions: { [theirs.storageKey]: { employeeId: 'E-1' } },
      },
    });
  });
});
