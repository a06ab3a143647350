import type { ComplexTarget, ConstTarget, FieldTarget, ScalarType } from './targets.ts';

/**
 * Attribute metadata storage needs (type, caseExact, multiValued, where it lives), owned
 * here so db does not depend on @provisio/scim. Mirrors RFC 7643 §4 and §8.7.
 */
type Leaf = { type: ScalarType; caseExact: boolean };
type ComplexDef = { multiValued: boolean; subs: Record<string, Leaf> };
export type AttrDef = Leaf | ComplexDef;

const STR: Leaf = { type: 'string', caseExact: false };
const BOOL: Leaf = { type: 'boolean', caseExact: false };
const MULTI: ComplexDef = { multiValued: true, subs: { value: STR, display: STR, type: STR, primary: BOOL } };
const strings = (...names: string[]) => Object.fromEntries(names.map((n) => [n, STR]));

export const USER_CORE: Record<string, AttrDef> = {
  ...strings('displayName', 'nickName', 'profileUrl', 'title', 'userType', 'preferredLanguage', 'locale', 'timezone'),
  name: {
    multiValued: false,
    subs: strings('formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'),
  },
  emails: MULTI,
  phoneNumbers: MULTI,
  ims: MULTI,
  photos: MULTI,
  entitlements: MULTI,
  roles: MULTI,
  x509Certificates: MULTI,
  addresses: {
    multiValued: true,
    subs: {
      ...strings('formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'type'),
      primary: BOOL,
    },
  },
};

export const ENTERPRISE: Record<string, AttrDef> = {
  ...strings('employeeNumber', 'costCenter', 'organization', 'division', 'department'),
  manager: { multiValued: false, subs: strings('value', 'displayName') },
};

export const URNS = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:user',
  group: 'urn:ietf:params:scim:schemas:core:2.0:group',
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user',
} as const;

/** Case-insensitive lookup (RFC 7643 §2.1), returning the canonical name. */
export function lookup<T>(defs: Record<string, T>, name: string): [string, T] | undefined {
  const lower = name.toLowerCase();
  const key = Object.keys(defs).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : [key, defs[key] as T];
}

const isComplex = (def: AttrDef): def is ComplexDef => 'subs' in def;

/** A document-stored attribute under `prefix` (e.g. `search`) as a target. */
export function storedTarget(prefix: string, name: string, def: AttrDef): FieldTarget | ComplexTarget {
  const field = `${prefix}.${name}`;
  if (!isComplex(def)) return { kind: 'field', field, ...def };
  const sub = (subName: string): FieldTarget | ConstTarget | undefined => {
    const found = lookup(def.subs, subName);
    return found && { kind: 'field', field: `${field}.${found[0]}`, ...found[1] };
  };
  return { kind: 'complex', field, multiValued: def.multiValued, sub };
}

/** `meta` is common to both resource types: only created/lastModified are stored. */
export function metaTarget(resourceType: string, sub: string | undefined): FieldTarget | ConstTarget | undefined {
  switch (sub?.toLowerCase()) {
    case 'created':
      return { kind: 'field', field: 'createdAt', type: 'dateTime', caseExact: true };
    case 'lastmodified':
      return { kind: 'field', field: 'updatedAt', type: 'dateTime', caseExact: true };
    case 'resourcetype':
      return { kind: 'const', value: resourceType, caseExact: true };
    default:
      return undefined;
  }
}
