import type { inferProcedureInput } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../../root.ts';
import { setupOrg } from '../../testing/test-caller.ts';

type CreateInput = inferProcedureInput<AppRouter['users']['create']>;
let env: Awaited<ReturnType<typeof setupOrg>>;
const newUser = (userName: string, extra: Partial<CreateInput['attributes']> = {}): CreateInput => ({
  attributes: {
    userName,
    active: true,
    name: { givenName: 'Test', familyName: 'User' },
    emails: [{ value: userName, type: 'work', primary: true }],
    ...extra,
  },
});
const replaceOp = (path: string, value: unknown) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [{ op: 'replace', path, value }],
});

beforeAll(async () => {
  env = await setupOrg();
});
afterAll(async () => {
  await env.db.drop();
});

describe('users procedures', () => {
  it('creates an invited user that reads active: true, and gets it', async () => {
    const created = await env.caller.users.create(newUser('okta.user@example.com'));
    // A tRPC call by an org principal: the server decides the source.
    expect(created).toMatchObject({
      status: 'invited',
      source: 'admin',
      role: 'standard',
      version: 1,
      acceptedAt: null,
      groups: [],
    });
    expect(created.attributes.active).toBe(true);
    expect(created.created).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(JSON.stringify(created)).not.toMatch(/password|scrypt/i);
    await expect(env.caller.users.get({ id: created.id })).resolves.toEqual(created);
  });

  it('refuses duplicates in any case with CONFLICT/uniqueness on create, replace and patch', async () => {
    const a = await env.caller.users.create(newUser('dup.a@example.com'));
    await env.caller.users.create(newUser('dup.b@example.com'));
    const conflict = { cause: { code: 'CONFLICT', scimType: 'uniqueness' } };
    await expect(env.caller.users.create(newUser('DUP.A@example.com'))).rejects.toMatchObject(conflict);
    await expect(
      env.caller.users.replace({ id: a.id, attributes: newUser('Dup.B@Example.com').attributes }),
    ).rejects.toMatchObject(conflict);
    await expect(
      env.caller.users.patch({ id: a.id, patch: replaceOp('userName', 'DUP.B@EXAMPLE.COM') }),
    ).rejects.toMatchObject(conflict);
  });

  it('deactivates with PATCH active:false, stays visible, and reactivates to invited', async () => {
    const u = await env.caller.users.create(newUser('cycle@example.com'));
    const off = await env.caller.users.patch({
      id: u.id,
      patch: { Operations: [{ op: 'Replace', value: { active: false } }] },
    });
    expect(off).toMatchObject({ status: 'deactivated', attributes: { active: false } });
    const listed = await env.caller.users.search({ filter: 'userName eq "CYCLE@example.com"' });
    expect(listed.items.map((i) => [i.id, i.attributes.active])).toEqual([[u.id, false]]);
    const on = await env.caller.users.patch({ id: u.id, patch: replaceOp('active', 'True') });
    expect(on).toMatchObject({ status: 'invited', attributes: { active: true } });
  });

  it('treats a repeated active:true as a harmless no-op on status', async () => {
    const u = await env.caller.users.create(newUser('entra@example.com'));
    const again = await env.caller.users.patch({ id: u.id, patch: replaceOp('active', true) });
    expect(again.status).toBe('invited');
    await expect(env.caller.users.reactivate({ id: u.id })).resolves.toMatchObject({
      status: 'invited',
      version: again.version,
    });
  });

  it('deactivate/reactivate procedures are idempotent', async () => {
    const u = await env.caller.users.create(newUser('idem@example.com'));
    const d1 = await env.caller.users.deactivate({ id: u.id });
    const d2 = await env.caller.users.deactivate({ id: u.id });
    expect([d1.status, d2.status, d2.version]).toEqual(['deactivated', 'deactivated', d1.version]);
  });

  it('PUT replaces the whole resource, keeps id and created, and checks ifMatchVersion', async () => {
    const u = await env.caller.users.create(newUser('put@example.com', { title: 'Engineer', displayName: 'Put' }));
    const put = await env.caller.users.replace({
      id: u.id,
      attributes: { userName: 'put@example.com', active: true, nickName: 'p' },
      ifMatchVersion: 1,
    });
    expect(put).toMatchObject({ id: u.id, created: u.created, version: 2, attributes: { nickName: 'p' } });
    expect(put.attributes.title).toBeUndefined();
    await expect(
      env.caller.users.replace({ id: u.id, attributes: put.attributes, ifMatchVersion: 1 }),
    ).rejects.toMatchObject({
      cause: { code: 'PRECONDITION_FAILED' },
    });
    await expect(
      env.caller.users.patch({ id: u.id, patch: replaceOp('title', 'x'), ifMatchVersion: 1 }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('PATCHes Entra value paths and enterprise URN paths', async () => {
    const u = await env.caller.users.create(newUser('paths@example.com'));
    const patched = await env.caller.users.patch({
      id: u.id,
      patch: {
        Operations: [
          { op: 'Replace', path: 'emails[type eq "work"].value', value: 'new@example.com' },
          { op: 'Add', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', value: 'R&D' },
        ],
      },
    });
    expect(patched.attributes.emails?.[0]?.value).toBe('new@example.com');
    expect(patched.attributes.enterprise?.department).toBe('R&D');
  });

  it('reports PATCH engine refusals as BAD_REQUEST with their scimType', async () => {
    const u = await env.caller.users.create(newUser('bad.patch@example.com'));
    await expect(env.caller.users.patch({ id: u.id, patch: { Operations: [] } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { scimType: 'invalidSyntax' },
    });
  });

  it('deletes for real: NOT_FOUND after, userName free again, second delete NOT_FOUND', async () => {
    const u = await env.caller.users.create(newUser('gone@example.com'));
    await expect(env.caller.users.delete({ id: u.id })).resolves.toEqual({ id: u.id });
    await expect(env.caller.users.get({ id: u.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(env.caller.users.delete({ id: u.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(env.caller.users.create(newUser('GONE@example.com'))).resolves.toMatchObject({
      userName: 'GONE@example.com',
    });
  });

  it('answers NOT_FOUND for ids that never existed or are malformed', async () => {
    for (const id of [
      '010101001010101011001010101011',
      '00919288221112222',
      'x',
      '0190a4b2-0000-7000-8000-000000000000',
    ]) {
      await expect(env.caller.users.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('pages: count=0 gives totals only, count is clamped, startIndex < 1 reads as 1', async () => {
    const totals = await env.caller.users.search({ count: 0 });
    expect(totals.items).toEqual([]);
    expect(totals.totalResults).toBeGreaterThan(5);
    const all = await env.caller.users.search({ count: 5000 });
    expect(all.items).toHaveLength(totals.totalResults);
    const first = await env.caller.users.search({ startIndex: -3, count: 2 });
    expect(first.startIndex).toBe(1);
    expect(first.items.map((u) => u.id)).toEqual(all.items.slice(0, 2).map((u) => u.id));
    const second = await env.caller.users.search({ startIndex: 3, count: 2 });
    expect(second.items.map((u) => u.id)).toEqual(all.items.slice(2, 4).map((u) => u.id));
  });

  it('sorts by userName without case and by meta.created, and refuses unknown filters', async () => {
    const sorted = await env.caller.users.search({ sortBy: 'userName', sortOrder: 'descending' });
    const names = sorted.items.map((u) => u.userName.toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
    const byCreated = await env.caller.users.search({ sortBy: 'meta.created' });
    expect(byCreated.items.map((u) => u.created)).toEqual(byCreated.items.map((u) => u.created).sort());
    await expect(env.caller.users.search({ filter: 'favouriteColour eq "blue"' })).rejects.toMatchObject({
      cause: { scimType: 'invalidFilter' },
    });
    await expect(env.caller.users.search({ filter: 'userName eq' })).rejects.toMatchObject({
      cause: { scimType: 'invalidFilter' },
    });
    await expect(env.caller.users.search({ sortBy: 'emails' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('narrows a search to one status, with or without a filter, totals included', async () => {
    const a = await env.caller.users.create(newUser('status.a@example.com'));
    const b = await env.caller.users.create(newUser('status.b@example.com'));
    await env.caller.users.deactivate({ id: b.id });
    const ids = async (input: Parameters<typeof env.caller.users.search>[0]) =>
      (await env.caller.users.search({ count: 1000, ...input })).items.map((u) => u.id);
    expect(await ids({ status: 'deactivated', filter: 'userName sw "status."' })).toEqual([b.id]);
    expect(await ids({ status: 'invited', filter: 'userName sw "status."' })).toEqual([a.id]);
    expect(await ids({ status: 'active', filter: 'userName sw "status."' })).toEqual([]);
    const deactivated = await ids({ status: 'deactivated' });
    expect(deactivated).toContain(b.id);
    expect(deactivated).not.toContain(a.id);
    expect((await env.caller.users.search({ status: 'deactivated', count: 0 })).totalResults).toBe(deactivated.length);
    await expect(env.caller.users.search({ status: 'gone' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('searches word prefixes with text, kept by every write, ANDed with filter and status', async () => {
    const u = await env.caller.users.create(newUser('text.search@example.com', { displayName: 'Katherine Johnson' }));
    const ids = async (input: Parameters<typeof env.caller.users.search>[0]) =>
      (await env.caller.users.search({ count: 1000, ...input })).items.map((x) => x.id);
    expect(await ids({ text: 'kath JOHN' })).toEqual([u.id]);
    expect(await ids({ text: 'atherine' })).toEqual([]);
    expect(await ids({ text: 'kath', filter: 'userName sw "text."', status: 'invited' })).toEqual([u.id]);
    expect(await ids({ text: 'kath', status: 'active' })).toEqual([]);
    await env.caller.users.replace({
      id: u.id,
      attributes: { userName: 'text.search@example.com', active: true, displayName: 'Dorothy Vaughan' },
    });
    expect(await ids({ text: 'kath' })).toEqual([]);
    expect(await ids({ text: 'vaughan dor' })).toEqual([u.id]);
    await expect(env.caller.users.search({ text: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
