import { expect, it } from 'vitest';
import { inOrg } from './in-org.ts';

it.each([
  [{}, { orgId: 'o' }],
  [{ userNameKey: 'a' }, { orgId: 'o', userNameKey: 'a' }],
  [{ $and: [{ userNameKey: 'a' }, { status: 'active' }] }, { orgId: 'o', userNameKey: 'a', status: 'active' }],
  [{ $and: [{ x: 1 }, { x: 2 }] }, { orgId: 'o', x: 1, $and: [{ x: 2 }] }],
  // A filter's own `and` beside a narrowing and a sort side: still all at the top level.
  [
    {
      $and: [
        { $and: [{ userNameKey: 'a' }, { externalId: 'e' }] },
        { status: 'active' },
        { 'search.familyName': { $ne: null } },
      ],
    },
    { orgId: 'o', userNameKey: 'a', externalId: 'e', status: 'active', 'search.familyName': { $ne: null } },
  ],
  [{ $or: [{ a: 1 }, { b: 2 }] }, { orgId: 'o', $and: [{ $or: [{ a: 1 }, { b: 2 }] }] }],
  [{ orgId: 'other' }, { orgId: 'o', $and: [{ orgId: 'other' }] }],
  [
    { a: 1, $nor: [{ b: 1 }] },
    { orgId: 'o', a: 1, $and: [{ $nor: [{ b: 1 }] }] },
  ],
])('%j in org o is %j', (where, expected) => {
  expect(inOrg('o', where)).toEqual(expected);
});
