import { afterAll, beforeAll, expect, it } from 'vitest';
import { setupOrg } from '../testing/test-caller.ts';

let env: Awaited<ReturnType<typeof setupOrg>>;
beforeAll(async () => {
  env = await setupOrg();
});
afterAll(async () => {
  await env.db.drop();
});

const patchOp = (...Operations: unknown[]) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations,
});
const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
const rejectedCauses = (results: PromiseSettledResult<unknown>[]) =>
  results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => (r.reason as { cause?: { code?: string; scimType?: string } }).cause);

it('20 concurrent PATCHes each adding a different member leave all 20', async () => {
  const users = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      env.caller.users.create({ attributes: { userName: `member${i}@example.com`, active: true } }),
    ),
  );
  const group = await env.caller.groups.create({ attributes: { displayName: 'Concurrent adds' } });
  await Promise.all(
    users.map((u) =>
      env.caller.groups.patch({
        id: group.id,
        patch: patchOp({ op: 'add', path: 'members', value: [{ value: u.id }] }),
      }),
    ),
  );
  const after = await env.caller.groups.get({ id: group.id });
  expect(after.members?.map((m) => m.value).sort()).toEqual(users.map((u) => u.id).sort());
  // Overlapping member changes share their version bump (GroupRepository.bumpVersion): the version
  // moved past every change, by as few writes as the overlap allowed, not once per change.
  expect(after.version).toBeGreaterThan(1);
  expect(after.version).toBeLessThanOrEqual(21);
});

it('20 concurrent PATCHes mixing renames and member adds lose nothing', async () => {
  const users = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      env.caller.users.create({ attributes: { userName: `mix${i}@example.com`, active: true } }),
    ),
  );
  const group = await env.caller.groups.create({ attributes: { displayName: 'Mixed' } });
  await Promise.all([
    ...users.map((u) =>
      env.caller.groups.patch({
        id: group.id,
        patch: patchOp({ op: 'add', path: 'members', value: [{ value: u.id }] }),
      }),
    ),
    ...users.map((_, i) =>
      env.caller.groups.patch({
        id: group.id,
        patch: patchOp({ op: 'replace', path: 'displayName', value: `Mixed ${i}` }),
      }),
    ),
  ]);
  const after = await env.caller.groups.get({ id: group.id });
  expect(after.members).toHaveLength(10);
  expect(after.displayName).toMatch(/^Mixed \d$/);
  // Each rename is a version of its own; the member adds share theirs (at least one).
  expect(after.version).toBeGreaterThanOrEqual(12);
  expect(after.version).toBeLessThanOrEqual(21);
});

it('20 concurrent user PATCHes each replacing a different attribute all survive', async () => {
  const user = await env.caller.users.create({ attributes: { userName: 'many.patches@example.com', active: true } });
  const paths = [
    'displayName',
    'nickName',
    'title',
    'userType',
    'preferredLanguage',
    'locale',
    'timezone',
    'profileUrl',
    'name.givenName',
    'name.familyName',
    'name.middleName',
    'name.formatted',
    'name.honorificPrefix',
    'name.honorificSuffix',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:division',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
    'externalId',
  ];
  const value = (p: string) => (p === 'profileUrl' ? 'https://example.com/p' : `v-${p.slice(p.lastIndexOf(':') + 1)}`);
  await Promise.all(
    paths.map((p) =>
      env.caller.users.patch({ id: user.id, patch: patchOp({ op: 'replace', path: p, value: value(p) }) }),
    ),
  );
  const after = await env.caller.users.get({ id: user.id });
  const a = after.attributes;
  const seen = [
    a.displayName,
    a.nickName,
    a.title,
    a.userType,
    a.preferredLanguage,
    a.locale,
    a.timezone,
    a.profileUrl,
    a.name?.givenName,
    a.name?.familyName,
    a.name?.middleName,
    a.name?.formatted,
    a.name?.honorificPrefix,
    a.name?.honorificSuffix,
    a.enterprise?.department,
    a.enterprise?.division,
    a.enterprise?.costCenter,
    a.enterprise?.organization,
    a.enterprise?.employeeNumber,
    a.externalId,
  ];
  expect(seen).toEqual(paths.map(value));
  expect(after.version).toBe(21);
});

it('50 concurrent identical creates: one success, 49 CONFLICT/uniqueness, one document', async () => {
  const results = await settle(
    Array.from({ length: 50 }, () =>
      env.caller.users.create({ attributes: { userName: 'race@example.com', active: true } }),
    ),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  expect(rejectedCauses(results)).toEqual(
    Array.from({ length: 49 }, () => expect.objectContaining({ code: 'CONFLICT', scimType: 'uniqueness' })),
  );
  expect(await env.db.models.users.countDocuments({ orgId: env.orgId, userNameKey: 'race@example.com' })).toBe(1);
});

it('50 concurrent creates differing only in letter case: one success, one document', async () => {
  const variants = Array.from({ length: 50 }, (_, i) =>
    [...'case.race@example.com'].map((c, j) => ((i >> (j % 6)) & 1 ? c.toUpperCase() : c)).join(''),
  );
  const results = await settle(
    variants.map((userName) => env.caller.users.create({ attributes: { userName, active: true } })),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  expect(rejectedCauses(results).every((c) => c?.code === 'CONFLICT' && c.scimType === 'uniqueness')).toBe(true);
  expect(await env.db.models.users.countDocuments({ orgId: env.orgId, userNameKey: 'case.race@example.com' })).toBe(1);
});

it('50 concurrent group creates with the same displayName in different cases: one group', async () => {
  const results = await settle(
    Array.from({ length: 50 }, (_, i) =>
      env.caller.groups.create({ attributes: { displayName: i % 2 ? 'ENGINEERING' : 'Engineering' } }),
    ),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  expect(rejectedCauses(results).every((c) => c?.code === 'CONFLICT' && c.scimType === 'uniqueness')).toBe(true);
});
