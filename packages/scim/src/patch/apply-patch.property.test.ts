import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GroupAttributes, UserAttributes } from '../domain/types.ts';
import { ScimError } from '../errors/scim-error.ts';
import { registries } from '../testing/registries.ts';
import { applyGroupPatch } from './apply-group-patch.ts';
import { applyUserPatch } from './apply-user-patch.ts';

const RUNS = 10_000;
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const user: fc.Arbitrary<UserAttributes> = fc.record(
  {
    userName: fc.string({ minLength: 1, maxLength: 8 }),
    active: fc.boolean(),
    title: fc.string({ maxLength: 5 }),
    name: fc.record(
      { givenName: fc.string({ maxLength: 5 }), familyName: fc.string({ maxLength: 5 }) },
      { requiredKeys: [] },
    ),
    emails: fc.array(fc.record({ value: fc.string({ maxLength: 6 }), type: fc.constantFrom('work', 'home') }), {
      maxLength: 3,
    }),
    enterprise: fc.record(
      {
        department: fc.string({ maxLength: 4 }),
        manager: fc.record({ value: fc.string({ minLength: 1, maxLength: 4 }) }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['userName', 'active'] },
);

const json = fc.jsonValue({ maxDepth: 2 });
const goodOps = fc.constantFrom<object>(
  { op: 'replace', value: { active: false } },
  { op: 'Replace', path: 'active', value: 'True' },
  { op: 'add', path: 'emails', value: [{ value: 'x@y', type: 'work', primary: true }] },
  { op: 'Replace', path: 'emails[type eq "work"].value', value: 'w@y' },
  { op: 'replace', value: { 'name.givenName': 'K', [`${ENT}:employeeNumber`]: '7' } },
  { op: 'remove', path: 'emails[type eq "home"]' },
  { op: 'add', path: 'manager', value: [{ $ref: 'http://x', value: 'm9' }] },
  { op: 'remove', path: 'title' },
);
const badOps = fc.constantFrom<object>(
  { op: 'replace', path: 'id', value: 'x' },
  { op: 'remove', path: 'userName' },
  { op: 'replace', path: 'userName', value: { $gt: '' } },
  { op: 'add', path: 'groups', value: [] },
  { op: 'replace', path: 'nope', value: 1 },
  { op: 'remove' },
  { op: 'move', path: 'title' },
  { op: 'replace', path: 'active', value: 'maybe' },
  {
    op: 'add',
    path: 'emails',
    value: [
      { value: 'a', primary: true },
      { value: 'b', primary: true },
    ],
  },
  { op: 'replace', path: 'emails[type eq "x" or type eq "y"].value', value: 'z' },
);
const randomOp = fc.record(
  {
    op: fc.constantFrom('add', 'replace', 'remove', 'Add', 'x'),
    path: fc.oneof(
      fc.constantFrom(
        'title',
        'emails',
        'name',
        'name.givenName',
        'manager',
        ENT,
        'emails[type eq "work"]',
        'members',
        'None',
        '',
      ),
      fc.string({ maxLength: 12 }),
    ),
    value: json,
  },
  { requiredKeys: ['op'] },
);

function expectScimFailure(run: () => unknown): void {
  let thrown: unknown;
  try {
    run();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(ScimError);
}

describe('PATCH properties', () => {
  it('(c) all or nothing: when an op fails the input is untouched and the error is a ScimError', () => {
    const ops = fc.tuple(
      fc.array(fc.oneof(goodOps, randomOp), { maxLength: 5 }),
      badOps,
      fc.array(fc.oneof(goodOps, randomOp), { maxLength: 5 }),
    );
    fc.assert(
      fc.property(user, ops, (u, [before, bad, after]) => {
        const snapshot = structuredClone(u);
        expectScimFailure(() =>
          applyUserPatch({
            user: u,
            patch: { schemas: [PATCH_OP], Operations: [...before, bad, ...after] },
            registry: registries.rfc,
          }),
        );
        expect(u).toEqual(snapshot);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('(c) arbitrary op lists never mutate the input and only fail with ScimError (users and groups)', () => {
    fc.assert(
      fc.property(user, fc.array(fc.oneof(goodOps, randomOp), { minLength: 1, maxLength: 6 }), (u, ops) => {
        const snapshot = structuredClone(u);
        const group: GroupAttributes = { displayName: u.userName };
        const groupSnapshot = structuredClone(group);
        for (const run of [
          () => applyUserPatch({ user: u, patch: { schemas: [PATCH_OP], Operations: ops }, registry: registries.rfc }),
          () => applyGroupPatch({ group, patch: { Operations: ops }, registry: registries.rfc, members: [] }),
        ]) {
          try {
            run();
          } catch (err) {
            expect(err).toBeInstanceOf(ScimError);
          }
        }
        expect(u).toEqual(snapshot);
        expect(group).toEqual(groupSnapshot);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
