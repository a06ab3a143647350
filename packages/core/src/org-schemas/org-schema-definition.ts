import { z } from 'zod';
import { EnterpriseSchema, UserAttributesSchema } from '../users/user-attributes.ts';

/** Bounds of what an org may register: a definition is read on every SCIM request of the org. */
export const ORG_SCHEMA_LIMITS = {
  /** Active extension schemas per org. */
  schemas: 10,
  /** Attributes of one schema (hidden ones count: their values are still stored). */
  attributes: 50,
  subAttributes: 20,
  canonicalValues: 100,
  urnLength: 200,
  nameLength: 64,
  descriptionLength: 500,
  canonicalValueLength: 200,
} as const;

/** RFC 7643 §2.1 ATTRNAME, without `$` (kept for `$ref`) or `.`: names are storage keys too. */
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * An extension URN (`urn:ietf:params:scim:schemas:extension:acme:2.0:User`, as Okta and
 * Entra name them). RFC URNs of the core schemas and messages are not extensions.
 */
const EXTENSION_URN = /^urn:[A-Za-z0-9][A-Za-z0-9-]*(:[A-Za-z0-9._-]+)+$/;
const RESERVED_URN_PREFIXES = ['urn:ietf:params:scim:schemas:core:', 'urn:ietf:params:scim:api:'];
const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user';

/**
 * Names an extension attribute may not take: the core User's, the Enterprise extension's
 * and the common ones. An unqualified path (`costCenter`) resolves core first, so a clash
 * would make the extension attribute reachable only through its URN, and ambiguous to read.
 */
export const RESERVED_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set(
  [
    ...Object.keys(UserAttributesSchema.shape),
    ...Object.keys(EnterpriseSchema.shape),
    'id',
    'meta',
    'schemas',
    'groups',
    'password',
  ].map((n) => n.toLowerCase()),
);

export const ORG_ATTRIBUTE_TYPES = ['string', 'boolean', 'decimal', 'integer', 'dateTime', 'reference'] as const;
/** `readOnly` is refused: nobody could ever write the attribute. */
export const ORG_MUTABILITIES = ['readWrite', 'immutable', 'writeOnly'] as const;
export const ORG_RETURNED = ['always', 'default', 'request', 'never'] as const;
/**
 * `server`: unique among the org's users (single-valued strings; compared as the attribute's
 * caseExact says). Each org is its own SCIM service provider (its
 * own base URL and key), so that is the "server" its IdP sees. `global` is refused: it
 * would make one org's values decide another org's writes.
 */
export const ORG_UNIQUENESS = ['none', 'server'] as const;

const description = z.string().trim().max(ORG_SCHEMA_LIMITS.descriptionLength).optional();
const name = z
  .string()
  .max(ORG_SCHEMA_LIMITS.nameLength)
  .regex(ATTRIBUTE_NAME, 'an attribute name starts with a letter and holds only letters, digits, "_" and "-"')
  .refine((n) => !RESERVED_ATTRIBUTE_NAMES.has(n.toLowerCase()), {
    message: 'this name is a core or Enterprise User attribute (or id, meta, schemas, groups, password)',
  });

const characteristics = {
  name,
  description,
  multiValued: z.boolean().default(false),
  required: z.boolean().default(false),
  caseExact: z.boolean().default(false),
  mutability: z.enum(ORG_MUTABILITIES).default('readWrite'),
  returned: z.enum(ORG_RETURNED).default('default'),
  uniqueness: z
    .enum(['none', 'server', 'global'])
    .default('none')
    .refine((u) => u !== 'global', {
      message: "uniqueness 'global' (across every org of the service) is refused; 'server' means unique in this org",
    }),
  canonicalValues: z
    .array(z.string().min(1).max(ORG_SCHEMA_LIMITS.canonicalValueLength))
    .max(ORG_SCHEMA_LIMITS.canonicalValues)
    .optional(),
};

const simpleAttribute = z.strictObject({ ...characteristics, type: z.enum(ORG_ATTRIBUTE_TYPES) });

/** A sub-attribute: simple, and named freely (only top-level names can clash with core paths). */
export const OrgSubAttributeSchema = simpleAttribute.extend({
  name: z.string().max(ORG_SCHEMA_LIMITS.nameLength).regex(ATTRIBUTE_NAME, 'invalid sub-attribute name'),
});

const complexAttribute = z.strictObject({
  ...characteristics,
  type: z.literal('complex'),
  subAttributes: z.array(OrgSubAttributeSchema).min(1).max(ORG_SCHEMA_LIMITS.subAttributes),
});

export const OrgAttributeSchema = z
  .discriminatedUnion('type', [simpleAttribute, complexAttribute])
  .superRefine((a, ctx) => {
    if (a.canonicalValues && a.type !== 'string')
      ctx.addIssue({ code: 'custom', path: ['canonicalValues'], message: 'canonicalValues apply to strings only' });
    // Enforced through the index-served `extKeys` lookup, which holds string values.
    if (a.uniqueness === 'server' && (a.type !== 'string' || a.multiValued))
      ctx.addIssue({
        code: 'custom',
        path: ['uniqueness'],
        message: "'server' uniqueness applies to single string values",
      });
    if (a.type === 'complex') noDuplicates(a.subAttributes, ctx, ['subAttributes']);
  });
export type OrgAttribute = z.output<typeof OrgAttributeSchema>;
export type OrgAttributeInput = z.input<typeof OrgAttributeSchema>;

function noDuplicates(list: readonly { name: string }[], ctx: z.RefinementCtx, path: (string | number)[]) {
  const seen = new Set<string>();
  list.forEach((a, i) => {
    const key = a.name.toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [...path, i, 'name'], message: `duplicate '${a.name}'` });
    seen.add(key);
  });
}

export const OrgSchemaUrnSchema = z
  .string()
  .trim()
  .max(ORG_SCHEMA_LIMITS.urnLength)
  .regex(EXTENSION_URN, 'an extension URN looks like urn:ietf:params:scim:schemas:extension:<name>:2.0:User')
  .refine(
    (u) => !RESERVED_URN_PREFIXES.some((p) => u.toLowerCase().startsWith(p)) && u.toLowerCase() !== ENTERPRISE_URN,
    { message: 'core, message and Enterprise URNs are not org extensions' },
  );

export const OrgAttributesSchema = z
  .array(OrgAttributeSchema)
  .min(1)
  .max(ORG_SCHEMA_LIMITS.attributes)
  .superRefine((list, ctx) => noDuplicates(list, ctx, []));

/** What an admin registers. Only User extensions: Okta and Entra map custom attributes onto users. */
export const OrgSchemaDefinitionSchema = z.strictObject({
  urn: OrgSchemaUrnSchema,
  name: z.string().trim().min(1).max(ORG_SCHEMA_LIMITS.nameLength),
  description,
  resourceType: z.literal('User').default('User'),
  attributes: OrgAttributesSchema,
});
export type OrgSchemaDefinition = z.output<typeof OrgSchemaDefinitionSchema>;
