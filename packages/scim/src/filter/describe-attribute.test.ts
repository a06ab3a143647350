import { describe, expect, it } from 'vitest';
import { registries } from '../testing/registries.ts';
import { describeAttribute } from './describe-attribute.ts';

describe('describeAttribute', () => {
  const d = (path: { uri?: string; attr: string; sub?: string }, registry = registries.rfc) =>
    describeAttribute({ registry, resourceType: 'User', path });
  it('tells storage how to compare', () => {
    expect(d({ attr: 'userName' })).toEqual({
      type: 'string',
      caseExact: false,
      multiValued: false,
      storagePath: 'userName',
      common: false,
    });
    expect(d({ attr: 'emails', sub: 'value' })).toMatchObject({ multiValued: true, storagePath: 'emails.value' });
    expect(d({ attr: 'id' })).toMatchObject({ caseExact: true, common: true });
    expect(d({ attr: 'meta', sub: 'lastModified' })).toMatchObject({
      type: 'dateTime',
      storagePath: 'meta.lastModified',
    });
    expect(
      d({ uri: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', attr: 'manager', sub: 'value' }),
    ).toMatchObject({ storagePath: 'enterprise.manager.value' });
    expect(d({ attr: 'level' }, registries.custom)).toMatchObject({
      type: 'integer',
      storagePath: 'extensions.acme.level',
    });
    expect(d({ attr: 'nope' })).toBeUndefined();
  });
});
