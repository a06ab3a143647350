import { describe, expect, it } from 'vitest';
import { diffRecords } from './diff-records.ts';

const resource = { resourceType: 'User', resourceId: 'u1' };

describe('diffRecords', () => {
  it('lists changed attributes as dotted paths with old and new values', () => {
    const before = {
      userName: 'a',
      name: { givenName: 'A', familyName: 'B' },
      emails: [{ value: 'a@x' }],
      title: 'Dev',
    };
    const after = { userName: 'a', name: { givenName: 'Ada', familyName: 'B' }, emails: [{ value: 'ada@x' }] };
    expect(diffRecords(resource, before, after)).toEqual([
      { ...resource, attribute: 'name.givenName', old: 'A', new: 'Ada' },
      { ...resource, attribute: 'emails', old: [{ value: 'a@x' }], new: [{ value: 'ada@x' }] },
      { ...resource, attribute: 'title', old: 'Dev', new: null },
    ]);
  });

  it('treats null before as a creation and null after as a deletion', () => {
    expect(diffRecords(resource, null, { userName: 'a' })).toEqual([
      { ...resource, attribute: 'userName', old: null, new: 'a' },
    ]);
    expect(diffRecords(resource, { userName: 'a' }, null)).toEqual([
      { ...resource, attribute: 'userName', old: 'a', new: null },
    ]);
  });

  it('never records secrets, at any depth', () => {
    const changes = diffRecords(resource, null, {
      password: 'p',
      token: 't',
      nested: { secretHash: 'h', apiToken: 'x', keep: 1 },
    });
    expect(changes.map((c) => c.attribute)).toEqual(['nested.keep']);
    expect(diffRecords(resource, { list: [] }, { list: [{ token: 't', v: 1 }] })).toEqual([
      { ...resource, attribute: 'list', old: [], new: [{ v: 1 }] },
    ]);
  });
});
