import { describe, expect, it } from 'vitest';
import { ORG_SCHEMA_LIMITS, OrgSchemaDefinitionSchema } from './org-schema-definition.ts';

const URN = 'urn:ietf:params:scim:schemas:extension:acme:2.0:User';
const parse = (attributes: unknown[], urn = URN) =>
  OrgSchemaDefinitionSchema.safeParse({ urn, name: 'Acme', attributes });
const messages = (r: ReturnType<typeof parse>) => (r.success ? [] : r.error.issues.map((i) => i.message).join(' | '));

describe('OrgSchemaDefinitionSchema', () => {
  it('accepts the types, complex attributes and characteristics an IdP mapping needs, with RFC defaults', () => {
    const r = parse([
      { name: 'costCode', type: 'string', canonicalValues: ['A', 'B'], caseExact: true },
      { name: 'badge', type: 'string', uniqueness: 'server' },
      { name: 'site', type: 'complex', subAttributes: [{ name: 'code', type: 'string' }], multiValued: true },
    ]);
    expect(r.success).toBe(true);
    expect(r.data?.attributes[1]).toMatchObject({ multiValued: false, mutability: 'readWrite', returned: 'default' });
  });

  it.each([
    ['a core attribute name', [{ name: 'userName', type: 'string' }], 'core or Enterprise'],
    ['an Enterprise attribute name, in another case', [{ name: 'CostCenter', type: 'string' }], 'core or Enterprise'],
    ['a dotted name', [{ name: 'a.b', type: 'string' }], 'starts with a letter'],
    ['a $ name', [{ name: '$ref', type: 'string' }], 'starts with a letter'],
    ['an unknown type', [{ name: 'a', type: 'binary' }], ''],
    ['nested complex', [{ name: 'a', type: 'complex', subAttributes: [{ name: 'b', type: 'complex' }] }], ''],
    ['complex without subAttributes', [{ name: 'a', type: 'complex', subAttributes: [] }], ''],
    ['global uniqueness', [{ name: 'a', type: 'string', uniqueness: 'global' }], "'global'"],
    ['unique multi-valued', [{ name: 'a', type: 'string', multiValued: true, uniqueness: 'server' }], 'single'],
    ['a unique number', [{ name: 'a', type: 'integer', uniqueness: 'server' }], 'single string'],
    ['canonical values on a number', [{ name: 'a', type: 'integer', canonicalValues: ['1'] }], 'strings only'],
    ['readOnly', [{ name: 'a', type: 'string', mutability: 'readOnly' }], ''],
    [
      'a duplicate, case-insensitively',
      [
        { name: 'a', type: 'string' },
        { name: 'A', type: 'string' },
      ],
      'duplicate',
    ],
    ['no attributes', [], ''],
    [
      'too many attributes',
      Array.from({ length: ORG_SCHEMA_LIMITS.attributes + 1 }, (_, i) => ({ name: `a${i}`, type: 'string' })),
      '',
    ],
    ['an unknown characteristic', [{ name: 'a', type: 'string', indexed: true }], ''],
  ])('refuses %s', (_, attributes, message) => {
    const r = parse(attributes);
    expect(r.success).toBe(false);
    expect(messages(r)).toContain(message);
  });

  it.each([
    'urn:ietf:params:scim:schemas:core:2.0:User',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    'urn:ietf:params:scim:api:messages:2.0:PatchOp',
    'acme:2.0:User',
    'urn:acme',
    `urn:acme:${'x'.repeat(ORG_SCHEMA_LIMITS.urnLength)}`,
  ])('refuses the URN %s', (urn) => {
    expect(parse([{ name: 'a', type: 'string' }], urn).success).toBe(false);
  });
});
