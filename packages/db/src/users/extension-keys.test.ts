import { describe, expect, it } from 'vitest';
import { fieldCondition } from '../filter/field-condition.ts';
import { extensionPathResolver } from '../filter/resolve-extension-path.ts';
import { extensionKeysOf } from './extension-keys.ts';

describe('extensionKeysOf', () => {
  it('keys every string value, normalised, by storage key, attribute and sub-attribute', () => {
    expect(
      extensionKeysOf({
        xa: { costCode: 'CC-1', tags: ['A', 'b'], badge: 7, site: [{ code: 'PAR' }, { code: 'Lys' }] },
      }).sort(),
    ).toEqual(['xa.costCode=cc-1', 'xa.site.code=lys', 'xa.site.code=par', 'xa.tags=a', 'xa.tags=b']);
    expect(extensionKeysOf(undefined)).toEqual([]);
  });
});

describe('extension paths', () => {
  const resolve = extensionPathResolver([
    {
      id: 's',
      orgId: 'o',
      urn: 'urn:acme:x:2.0:User',
      name: 'X',
      resourceType: 'User',
      storageKey: 'xa',
      attributes: [
        {
          name: 'costCode',
          type: 'string',
          multiValued: false,
          required: false,
          caseExact: false,
          mutability: 'readWrite',
          returned: 'default',
          uniqueness: 'none',
        },
        {
          name: 'ticket',
          type: 'string',
          multiValued: false,
          required: false,
          caseExact: true,
          mutability: 'readWrite',
          returned: 'default',
          uniqueness: 'none',
        },
      ],
      hiddenAttributes: [],
      purgedAttributeNames: [],
      status: 'active',
      version: 1,
      created: '',
      lastModified: '',
    },
  ]);
  const field = (attr: string) => {
    const t = resolve({ uri: 'urn:acme:x:2.0:user', attr });
    if (t?.kind !== 'field') throw new Error('not a field');
    return t;
  };

  it('turns eq into a top-level key equality (plus the exact value when caseExact), other operators into the mirror', () => {
    expect(fieldCondition(field('COSTCODE'), 'eq', 'Fin-7')).toEqual({ extKeys: 'xa.costCode=fin-7' });
    expect(fieldCondition(field('ticket'), 'eq', 'T-Up')).toEqual({
      $and: [{ extKeys: 'xa.ticket=t-up' }, { 'attributes.extensions.xa.ticket': 'T-Up' }],
    });
    expect(fieldCondition(field('costCode'), 'sw', 'Fin')).toEqual({
      'search.extensions.xa.costCode': { $regex: '^fin' },
    });
    expect(resolve({ uri: 'urn:other:2.0:User', attr: 'costCode' })).toBeUndefined();
  });
});
