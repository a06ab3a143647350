import { attr as makeAttr } from './attribute-def.ts';
import type { AttributeDef, AttributeType, SchemaDef } from './attribute-def.ts';
import { CORE_GROUP_SCHEMA } from './core-group-schema.ts';
import { CORE_USER_SCHEMA } from './core-user-schema.ts';
import { ENTERPRISE_USER_SCHEMA } from './enterprise-user-schema.ts';
import { compileValidators } from './compile-validators.ts';
import type { CompiledValidators } from './compile-validators.ts';
import { URN } from './urns.ts';

export type ResourceTypeName = 'User' | 'Group';

/** An attribute as an org registers it: only `name` and `type` are required. */
export type AttributeInput = Partial<Omit<AttributeDef, 'subAttributes'>> & {
  name: string;
  type: AttributeType;
  subAttributes?: readonly AttributeInput[];
};

/** An org-registered schema extension. Its data is stored under `extensions[storageKey]`. */
export type ExtensionRegistration = {
  urn: string;
  name: string;
  description?: string;
  resourceType: ResourceTypeName;
  /** A safe identifier (`[A-Za-z_][A-Za-z0-9_]*`): MongoDB keys can't hold `.` or start with `$`. */
  storageKey: string;
  required?: boolean;
  attributes: readonly AttributeInput[];
};

/** A schema extension bound to where its data lives in the domain shape. */
export type ExtensionBinding = { schema: SchemaDef; storage: readonly string[]; required: boolean };

export type ResourceSchema = {
  name: ResourceTypeName;
  endpoint: '/Users' | '/Groups';
  description: string;
  core: SchemaDef;
  extensions: readonly ExtensionBinding[];
};

export type SchemaRegistry = {
  resources: Readonly<Record<ResourceTypeName, ResourceSchema>>;
  /** Every schema, for `/Schemas`. */
  schemas: readonly SchemaDef[];
  /** When true, attributes with `canonicalValues` only accept those (case-insensitively). */
  strictCanonicalValues: boolean;
  /** zod validators derived from the same definitions, compiled once. */
  validators: CompiledValidators;
};

export type SchemaRegistryOptions = { extensions?: readonly ExtensionRegistration[]; strictCanonicalValues?: boolean };

const ATTR_NAME = /^\$?[A-Za-z][A-Za-z0-9_-]*$/;
const STORAGE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const EXT_URN = /^urn:[A-Za-z0-9][A-Za-z0-9.:_-]*$/;

function normaliseAttribute(input: AttributeInput): AttributeDef {
  if (!ATTR_NAME.test(input.name)) throw new TypeError(`Invalid attribute name '${input.name}'`);
  const { subAttributes, name, type, ...rest } = input;
  const def = makeAttr(name, type, rest);
  if (type !== 'complex') return def;
  if (!subAttributes?.length) throw new TypeError(`Complex attribute '${name}' needs subAttributes`);
  if (subAttributes.some((s) => s.type === 'complex')) throw new TypeError(`'${name}': complex attributes can't nest`);
  return { ...def, subAttributes: subAttributes.map(normaliseAttribute) };
}

function bindExtension(reg: ExtensionRegistration, taken: Set<string>): ExtensionBinding {
  const urnKey = reg.urn.toLowerCase();
  if (!EXT_URN.test(reg.urn) || taken.has(urnKey))
    throw new TypeError(`Invalid or duplicate extension URN '${reg.urn}'`);
  if (!STORAGE_KEY.test(reg.storageKey)) throw new TypeError(`Invalid storage key '${reg.storageKey}'`);
  taken.add(urnKey);
  const schema: SchemaDef = {
    id: reg.urn,
    name: reg.name,
    description: reg.description ?? reg.name,
    attributes: reg.attributes.map(normaliseAttribute),
  };
  return { schema, storage: ['extensions', reg.storageKey], required: reg.required ?? false };
}

/**
 * Builds the immutable set of schemas every function of this package is given: the RFC
 * schemas plus the org's extensions. No module state: each tenant can have its own.
 */
export function createSchemaRegistry(options: SchemaRegistryOptions = {}): SchemaRegistry {
  const taken = new Set([URN.user, URN.group, URN.enterpriseUser].map((u) => u.toLowerCase()));
  const keys = new Set<string>();
  const custom = (options.extensions ?? []).map((reg) => {
    if (keys.has(`${reg.resourceType}:${reg.storageKey}`))
      throw new TypeError(`Duplicate storage key '${reg.storageKey}'`);
    keys.add(`${reg.resourceType}:${reg.storageKey}`);
    return { type: reg.resourceType, binding: bindExtension(reg, taken) };
  });
  const forType = (t: ResourceTypeName) => custom.filter((c) => c.type === t).map((c) => c.binding);
  const enterprise: ExtensionBinding = { schema: ENTERPRISE_USER_SCHEMA, storage: ['enterprise'], required: false };
  const resources: Record<ResourceTypeName, ResourceSchema> = {
    User: {
      name: 'User',
      endpoint: '/Users',
      description: 'User Account',
      core: CORE_USER_SCHEMA,
      extensions: [enterprise, ...forType('User')],
    },
    Group: {
      name: 'Group',
      endpoint: '/Groups',
      description: 'Group',
      core: CORE_GROUP_SCHEMA,
      extensions: forType('Group'),
    },
  };
  const base = {
    resources: Object.freeze(resources),
    schemas: [CORE_USER_SCHEMA, ENTERPRISE_USER_SCHEMA, CORE_GROUP_SCHEMA, ...custom.map((c) => c.binding.schema)],
    strictCanonicalValues: options.strictCanonicalValues ?? false,
  };
  return Object.freeze({ ...base, validators: compileValidators(base) });
}
