import { uuidV7 } from '@provisio/core';
import { newUserDoc } from '@provisio/db';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../create-server.ts';
import { createScimTestApp, SCIM_BASE } from './testing/scim-test-app.ts';
import type { ScimTestApp } from './testing/scim-test-app.ts';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const SEARCH = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
const SEEDED = 2_500;
const IN_ORG_B = 40;

// The clock every server of this file reads: real time plus a shift a test moves to expire cursors, no sleeping.
let shift = 0;
const clock = { now: () => new Date(Date.now() + shift) };
let t: ScimTestApp;
let seeded: string[] = [];

type Page = { status: number; body: { Resources?: { id: string }[]; nextCursor?: string; totalResults?: number } };
const ids = (page: Page) => (page.body.Resources ?? []).map((r) => r.id);
const nextOf = (page: Page) => page.body.nextCursor ?? '';

beforeAll(async () => {
  t = await createScimTestApp({ clock });
  // Inserted as the user repository stores them (the one shape), 500 a batch: seeding is not what is tested.
  const users = Array.from({ length: SEEDED + IN_ORG_B }, (_, i) => {
    const userName = `walk.${String(i).padStart(4, '0')}@cursor.example`;
    return {
      id: uuidV7(),
      attributes: { userName, active: true, emails: [{ value: userName, primary: true }] },
      status: 'invited' as const,
      source: 'scim' as const,
      role: 'standard' as const,
      now: new Date(),
    };
  });
  for (let at = 0; at < SEEDED; at += 500) {
    const docs = users.slice(at, Math.min(SEEDED, at + 500)).map((u) => newUserDoc(t.orgA, u));
    await t.models.users.collection.insertMany(docs as never[]);
  }
  await t.models.users.collection.insertMany(users.slice(SEEDED).map((u) => newUserDoc(t.orgB, u)) as never[]);
  seeded = users.slice(0, SEEDED).map((u) => u.id);
  // The walk deletes about 50 users in minutes on purpose: the mass-deprovision brake would hold them.
  await t.deps.db.brakes.saveSettings(t.orgA, { percent: 0, count: 0 }, new Date());
}, 120_000);
afterAll(() => t.cleanup());

describe('a cursor walk (RFC 9865)', () => {
  it(`sees each of ${SEEDED.toLocaleString('en')} users present for the whole walk exactly once while users are created and deleted`, async () => {
    const seen = new Map<string, number>();
    const deleted = new Set<string>();
    const created: string[] = [];
    let cursor = '';
    let pages = 0;
    for (;;) {
      const page = await t.scim('get', `/Users?cursor=${cursor}&count=100&attributes=userName`);
      expect(page.status).toBe(200);
      expect(page.body).not.toHaveProperty('startIndex');
      for (const id of ids(page)) seen.set(id, (seen.get(id) ?? 0) + 1);
      pages += 1;
      // Between pages: one user deleted behind the walk, one ahead of it, two created.
      const behind = seeded[pages * 97];
      const ahead = seeded[SEEDED - pages * 13];
      for (const id of [behind, ahead]) {
        if (!id || deleted.has(id)) continue;
        expect((await t.scim('delete', `/Users/${id}`)).status).toBe(204);
        deleted.add(id);
      }
      for (const k of [1, 2]) {
        const made = await t
          .scim('post', '/Users')
          .send({ schemas: [USER], userName: `new.${pages}.${k}@cursor.example` });
        expect(made.status).toBe(201);
        created.push(made.body.id as string);
      }
      cursor = nextOf(page);
      if (!cursor) break;
      expect(pages).toBeLessThan(100);
    }
    const twice = [...seen].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    const stable = seeded.filter((id) => !deleted.has(id));
    expect(stable.filter((id) => !seen.has(id))).toEqual([]);
    expect([pages > 24, deleted.size > 45]).toEqual([true, true]);
    // Users created during the walk have later ids: the walk reaches those made before its last page.
    expect(created.slice(0, -2).filter((id) => !seen.has(id))).toEqual([]);
  }, 240_000);

  it('walks userName order descending the same way, also by POST .search, and ends with no nextCursor', async () => {
    const body = { schemas: [SEARCH], sortBy: 'userName', sortOrder: 'descending' };
    const names: string[] = [];
    let cursor = '';
    do {
      const page = await t
        .scim('post', '/Users/.search', 'orgB')
        .send({ ...body, cursor, count: 15, attributes: ['userName'] });
      expect(page.status).toBe(200);
      names.push(...(page.body.Resources as { userName: string }[]).map((r) => r.userName));
      cursor = nextOf(page);
    } while (cursor);
    expect(names).toEqual([...names].sort().reverse());
    expect(new Set(names).size).toBe(IN_ORG_B);
  }, 60_000);

  it('pages /Groups and /Groups/.search by cursor', async () => {
    for (const i of [1, 2, 3, 4, 5]) {
      expect((await t.scim('post', '/Groups').send({ schemas: [GROUP], displayName: `Cursor ${i}` })).status).toBe(201);
    }
    const first = await t.scim('get', '/Groups?cursor=&count=2&sortBy=displayName');
    expect(first.body).toMatchObject({ totalResults: 5, itemsPerPage: 2, nextCursor: expect.any(String) });
    const second = await t
      .scim('post', '/Groups/.search')
      .send({ sortBy: 'displayName', cursor: nextOf(first), count: 2 });
    const third = await t.scim('get', `/Groups?cursor=${nextOf(second)}&count=2&sortBy=displayName`);
    const names = [first, second, third].flatMap((p) =>
      (p.body.Resources as { displayName: string }[]).map((g) => g.displayName),
    );
    expect(names).toEqual(['Cursor 1', 'Cursor 2', 'Cursor 3', 'Cursor 4', 'Cursor 5']);
    expect(third.body).not.toHaveProperty('nextCursor');
  });

  it('counts totalResults on the first page only and carries it in the cursor (later pages cost their rows only)', async () => {
    for (const i of [1, 2, 3]) {
      expect((await t.scim('post', '/Groups').send({ schemas: [GROUP], displayName: `Total ${i}` })).status).toBe(201);
    }
    const path = (cursor: string) =>
      `/Groups?filter=${encodeURIComponent('displayName sw "Total"')}&cursor=${cursor}&count=2`;
    const first = await t.scim('get', path(''));
    expect(first.body.totalResults).toBe(3);
    // Created after the walk started, ahead of it: the walk reaches it, the total stays the one counted at the start.
    expect((await t.scim('post', '/Groups').send({ schemas: [GROUP], displayName: 'Total 4' })).status).toBe(201);
    const second = await t.scim('get', path(nextOf(first)));
    expect([second.body.totalResults, ids(second).length, second.body.nextCursor]).toEqual([3, 2, undefined]);
    // The carried total is signed: changing it is a forged cursor.
    const [body = '', sig = ''] = nextOf(first).split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...payload, n: 1 })).toString('base64url')}.${sig}`;
    expect((await t.scim('get', path(forged))).body.scimType).toBe('invalidCursor');
  });

  it('walks the root /.search by cursor: the users, then the groups, whatever the page size', async () => {
    for (const i of [1, 2, 3]) {
      const made = await t.scim('post', '/Groups', 'orgB').send({ schemas: [GROUP], displayName: `Root ${i}` });
      expect(made.status).toBe(201);
    }
    for (const count of [15, 20, 43, 50]) {
      const seen: string[] = [];
      const totals = new Set<number>();
      let cursor = '';
      do {
        const page = await t.scim('post', '/.search', 'orgB').send({ schemas: [SEARCH], cursor, count });
        expect(page.status).toBe(200);
        seen.push(...(page.body.Resources as { meta: { resourceType: string } }[]).map((r) => r.meta.resourceType));
        totals.add(page.body.totalResults as number);
        cursor = nextOf(page);
      } while (cursor);
      expect([count, seen.join(',')]).toEqual([
        count,
        [...Array<string>(IN_ORG_B).fill('User'), 'Group', 'Group', 'Group'].join(','),
      ]);
      expect([...totals]).toEqual([IN_ORG_B + 3]);
    }
    const groupsOnly = await t
      .scim('post', '/.search', 'orgB')
      .send({ filter: 'displayName sw "Root"', cursor: '', count: 2 });
    const rest = await t
      .scim('post', '/.search', 'orgB')
      .send({ filter: 'displayName sw "Root"', cursor: nextOf(groupsOnly), count: 2 });
    expect([groupsOnly.body.totalResults, ids(groupsOnly).length + ids(rest).length, rest.body.nextCursor]).toEqual([
      3,
      3,
      undefined,
    ]);
    const wrongWalk = await t
      .scim('post', '/.search', 'orgB')
      .send({ filter: 'displayName sw "Root"', cursor: 'Uabc', count: 2 });
    expect([wrongWalk.status, wrongWalk.body.scimType]).toEqual([400, 'invalidCursor']);
  });

  it('continues on another server with the same key (replicas share the deployment secret)', async () => {
    const first = await t.scim('get', '/Users?cursor=&count=10');
    const replica = request(createServer(t.deps).app);
    const next = await replica
      .get(`${SCIM_BASE}/Users?cursor=${nextOf(first)}&count=10`)
      .set('Authorization', 'Bearer orgA');
    expect(next.status).toBe(200);
    expect(ids(next).some((id) => ids(first).includes(id))).toBe(false);
  });
});

describe('cursors that are refused', () => {
  const refusal = (scimType: string, detail: RegExp) => ({
    status: 400,
    body: expect.objectContaining({ scimType, detail: expect.stringMatching(detail) }),
  });
  const outcome = (res: { status: number; body: unknown }) => ({ status: res.status, body: res.body });

  it('a forged or altered cursor: 400 invalidCursor, and another org gets the same answer for a real one', async () => {
    const real = nextOf(await t.scim('get', '/Users?cursor=&count=5'));
    const [body = '', sig = ''] = real.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as { p: { id: string } };
    const forged = `${Buffer.from(JSON.stringify({ ...payload, p: { id: seeded[2000] } })).toString('base64url')}.${sig}`;
    const forgedRes = await t.scim('get', `/Users?cursor=${forged}`);
    expect(outcome(forgedRes)).toEqual(refusal('invalidCursor', /not issued by this server/));
    expect(outcome(await t.scim('get', '/Users?cursor=not-a-cursor'))).toEqual(refusal('invalidCursor', /not issued/));
    const otherOrg = await t.scim('get', `/Users?cursor=${real}`, 'orgB');
    expect(outcome(otherOrg)).toEqual(refusal('invalidCursor', /not issued by this server/));
    expect((otherOrg.body as { detail: string }).detail).toBe((forgedRes.body as { detail: string }).detail);
  });

  it('a cursor sent with another filter or sort: 400 invalidCursor; another count or attributes: accepted', async () => {
    const real = nextOf(await t.scim('get', '/Users?cursor=&count=5&sortBy=userName'));
    const bad = refusal('invalidCursor', /another filter or sort/);
    expect(outcome(await t.scim('get', `/Users?cursor=${real}&count=5`))).toEqual(bad);
    expect(outcome(await t.scim('get', `/Users?cursor=${real}&sortBy=userName&sortOrder=descending`))).toEqual(bad);
    expect(outcome(await t.scim('get', `/Users?cursor=${real}&sortBy=userName&filter=userName sw "w"`))).toEqual(bad);
    expect(outcome(await t.scim('get', `/Groups?cursor=${real}&sortBy=displayName`))).toEqual(bad);
    const other = await t.scim('get', `/Users?cursor=${real}&sortBy=userName&count=7&attributes=userName`);
    expect([other.status, ids(other).length]).toEqual([200, 7]);
  });

  it('a cursor older than cursorTimeout: 400 expiredCursor (the clock moved, nothing slept)', async () => {
    const real = nextOf(await t.scim('get', '/Users?cursor=&count=5'));
    shift += 3_590_000;
    expect((await t.scim('get', `/Users?cursor=${real}&count=5`)).status).toBe(200);
    shift += 20_000;
    expect(outcome(await t.scim('get', `/Users?cursor=${real}&count=5`))).toEqual(refusal('expiredCursor', /expired/));
  });

  it('a count below 1 with a cursor: 400 invalidCount', async () => {
    expect(outcome(await t.scim('get', '/Users?cursor=&count=0'))).toEqual(refusal('invalidCount', /count/));
  });
});

it('publishes both paging methods in /ServiceProviderConfig', async () => {
  const res = await t.scim('get', '/ServiceProviderConfig');
  expect(res.body.pagination).toEqual({
    cursor: true,
    index: true,
    defaultPaginationMethod: 'index',
    defaultPageSize: 100,
    maxPageSize: 1000,
    cursorTimeout: 3600,
  });
});
