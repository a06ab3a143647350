import { describe, expect, it } from 'vitest';
import { keepHiddenValues } from './keep-hidden-values.ts';
import { OrgAttributeSchema } from './org-schema-definition.ts';
import type { OrgSchemaRecord } from './org-schema-record.ts';

const schema = (over: Partial<OrgSchemaRecord>): OrgSchemaRecord => ({
  id: 's1',
  orgId: 'o',
  urn: 'urn:acme:x:2.0:User',
  name: 'X',
  resourceType: 'User',
  storageKey: 'xa',
  attributes: [OrgAttributeSchema.parse({ name: 'shown', type: 'string' })],
  hiddenAttributes: [OrgAttributeSchema.parse({ name: 'hidden', type: 'string' })],
  purgedAttributeNames: ['gone'],
  status: 'active',
  version: 1,
  created: '',
  lastModified: '',
  ...over,
});

describe('keepHiddenValues', () => {
  const stored = { xa: { shown: 'old', hidden: 'h', gone: 'g' }, xr: { any: 1 } };

  it('keeps hidden values and retired schemas through a write that replaces everything, drops purged ones', () => {
    const schemas = [schema({}), schema({ id: 's2', storageKey: 'xr', status: 'retired' })];
    expect(keepHiddenValues(stored, undefined, schemas)).toEqual({ xa: { hidden: 'h' }, xr: { any: 1 } });
    expect(keepHiddenValues(stored, { xa: { shown: 'new' } }, schemas)).toEqual({
      xa: { hidden: 'h', shown: 'new' },
      xr: { any: 1 },
    });
  });

  it('drops purged values a PATCH carried over from the stored document', () => {
    expect(keepHiddenValues(stored, { xa: { shown: 'old', hidden: 'h', gone: 'g' } }, [schema({})])).toEqual({
      xa: { hidden: 'h', shown: 'old' },
      xr: { any: 1 },
    });
  });

  it('drops the deleted values of a retired schema, keeps the rest of it', () => {
    const retired = schema({ storageKey: 'xr', status: 'retired', purgedAttributeNames: ['Gone'] });
    const stored2 = { xr: { gone: 'g', kept: 'k' } };
    expect(keepHiddenValues(stored2, undefined, [retired])).toEqual({ xr: { kept: 'k' } });
  });

  it('stores nothing when nothing is left', () => {
    expect(keepHiddenValues({ xa: { shown: 'x' } }, undefined, [schema({})])).toBeUndefined();
  });
});
