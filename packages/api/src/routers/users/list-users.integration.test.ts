import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOrg } from '../../testing/test-caller.ts';

let env: Awaited<ReturnType<typeof setupOrg>>;
const attributes = (userName: string, extra: Record<string, unknown> = {}) => ({
  userName,
  active: true,
  emails: [{ value: `${userName}@Example.com`, type: 'work', primary: true }],
  ...extra,
});

beforeAll(async () => {
  env = await setupOrg();
  for (let i = 0; i < 7; i++)
    await env.caller.users.create({ attributes: attributes(`page.${i}`, { externalId: `ext-${i}` }) });
});
afterAll(() => env.db.drop());

describe('users.list (cursor)', () => {
  it('pages in creation order without repeats while users are inserted between pages', async () => {
    const first = await env.caller.users.list({ limit: 3 });
    expect(first.items.map((u) => u.userName)).toEqual(['page.0', 'page.1', 'page.2']);
    expect(first.items[0]).toMatchObject({ status: 'invited', emails: [{ value: 'page.0@Example.com' }] });
    await env.caller.users.create({ attributes: attributes('page.late') });
    const seen = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await env.caller.users.list({ limit: 3, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(seen.map((u) => u.userName)).toEqual([
      'page.0',
      'page.1',
      'page.2',
      'page.3',
      'page.4',
      'page.5',
      'page.6',
      'page.late',
    ]);
  });

  it('filters by status, email (any case), userName, externalId and group', async () => {
    const all = (await env.caller.users.list()).items;
    const [a, b] = all;
    if (!a || !b) throw new Error('seed users missing');
    await env.caller.users.deactivate({ id: b.id });
    const group = await env.caller.groups.create({
      attributes: { displayName: 'Pagers' },
      members: [{ value: a.id }, { value: b.id }],
    });
    const names = async (input: Parameters<typeof env.caller.users.list>[0]) =>
      (await env.caller.users.list(input)).items.map((u) => u.userName);
    expect(await names({ status: 'deactivated' })).toEqual([b.userName]);
    expect(await names({ email: 'PAGE.3@example.COM' })).toEqual(['page.3']);
    expect(await names({ userName: 'PAGE.4' })).toEqual(['page.4']);
    expect(await names({ externalId: 'ext-5' })).toEqual(['page.5']);
    expect(await names({ groupId: group.id })).toEqual([a.userName, b.userName]);
    expect(await names({ groupId: group.id, status: 'invited' })).toEqual([a.userName]);
  });

  it('refuses a tampered cursor, or one of other filters, with BAD_REQUEST/invalidCursor', async () => {
    const { nextCursor } = await env.caller.users.list({ limit: 1 });
    if (!nextCursor) throw new Error('expected a next page');
    const bad = { code: 'BAD_REQUEST', cause: { scimType: 'invalidCursor' } };
    await expect(env.caller.users.list({ cursor: `${nextCursor}x` })).rejects.toMatchObject(bad);
    await expect(env.caller.users.list({ cursor: 'not-a-cursor' })).rejects.toMatchObject(bad);
    await expect(env.caller.users.list({ cursor: nextCursor, status: 'active' })).rejects.toMatchObject(bad);
    const forged = `${Buffer.from('{"v":1,"a":"x"}').toString('base64url')}.abcdefghijkl`;
    await expect(env.caller.users.list({ cursor: forged })).rejects.toMatchObject(bad);
  });
});

describe('users.update', () => {
  it('sets and clears named attributes and keeps the rest', async () => {
    const u = await env.caller.users.create({ attributes: attributes('upd', { title: 'Engineer', nickName: 'u' }) });
    const updated = await env.caller.users.update({
      id: u.id,
      set: { displayName: 'Up Dated' },
      clear: ['nickName'],
      ifMatchVersion: 1,
    });
    expect(updated.attributes).toMatchObject({ userName: 'upd', title: 'Engineer', displayName: 'Up Dated' });
    expect(updated.attributes.nickName).toBeUndefined();
    expect(updated.version).toBe(2);
    await expect(env.caller.users.update({ id: u.id, set: { title: 'x' }, ifMatchVersion: 1 })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });
});
