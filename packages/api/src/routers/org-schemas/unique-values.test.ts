import { createSchemaRegistry } from '@provisio/scim';
import { describe, expect, it } from 'vitest';
import type { OrgRegistry } from './org-registry.ts';
import { uncheckedUniqueValues } from './unique-values.ts';

const URN = 'urn:ietf:params:scim:schemas:extension:acme:2.0:User';
const schema = {
  id: 's1',
  orgId: 'org',
  urn: URN,
  name: 'Acme',
  resourceType: 'User',
  storageKey: 'xacme',
  attributes: [
    { name: 'badge', type: 'string', uniqueness: 'server' },
    { name: 'site', type: 'string' },
  ],
  hiddenAttributes: [],
  purgedAttributeNames: [],
  status: 'active',
  version: 1,
  created: '',
  lastModified: '',
};
const org = { schemas: [schema], active: [schema], registry: createSchemaRegistry() } as unknown as OrgRegistry;
const badge = (value: string) => ({ xacme: { badge: value, site: 'Berlin' } });

describe('uncheckedUniqueValues (a PATCH re-applied after a lost race)', () => {
  it('names a unique value neither checked nor held by the current version', () => {
    // Checked for B-1 (the user held it); meanwhile moved to B-2; the re-applied patch sets B-1 again.
    const values = { checked: undefined, current: badge('B-2'), next: badge('B-1') };
    expect(uncheckedUniqueValues(org, 'org', values)).toEqual([`${URN}:badge`]);
  });

  it('accepts a value the check covered, in any case', () => {
    expect(
      uncheckedUniqueValues(org, 'org', { checked: badge('B-1'), current: badge('B-2'), next: badge('b-1') }),
    ).toEqual([]);
  });

  it('accepts a value the current version already holds (its writer checked it)', () => {
    expect(
      uncheckedUniqueValues(org, 'org', { checked: undefined, current: badge('B-1'), next: badge('B-1') }),
    ).toEqual([]);
  });

  it('ignores attributes that are not unique', () => {
    const next = { xacme: { site: 'Paris' } };
    expect(uncheckedUniqueValues(org, 'org', { checked: undefined, current: undefined, next })).toEqual([]);
  });
});
