/** RFC 7643 §7 attribute characteristics: the single source for validation and `/Schemas`. */
export type AttributeType =
  'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'binary' | 'complex';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
export type Returned = 'always' | 'never' | 'default' | 'request';
export type Uniqueness = 'none' | 'server' | 'global';

export type AttributeDef = {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: Returned;
  uniqueness: Uniqueness;
  canonicalValues?: readonly string[];
  referenceTypes?: readonly string[];
  subAttributes?: readonly AttributeDef[];
};

export type SchemaDef = {
  id: string;
  name: string;
  description: string;
  attributes: readonly AttributeDef[];
};

/** Only what differs from RFC 7643 §2.2 defaults needs to be written. */
export type AttributeOptions = Partial<Omit<AttributeDef, 'name' | 'type' | 'subAttributes'>>;

export function attr(name: string, type: AttributeType, opts: AttributeOptions = {}): AttributeDef {
  return {
    name,
    type,
    multiValued: false,
    description: '',
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...opts,
  };
}

export function complex(
  name: string,
  subAttributes: readonly AttributeDef[],
  opts: AttributeOptions = {},
): AttributeDef {
  return { ...attr(name, 'complex', opts), subAttributes };
}

/** The RFC's usual multi-valued shape (value, display, type, primary). */
export function multiValued(
  name: string,
  opts: {
    description: string;
    valueType?: AttributeType;
    types?: readonly string[];
    referenceTypes?: readonly string[];
  },
): AttributeDef {
  const value = attr('value', opts.valueType ?? 'string', {
    description: `The value of the ${name} entry.`,
    ...(opts.referenceTypes ? { referenceTypes: opts.referenceTypes } : {}),
  });
  const type = attr('type', 'string', {
    description: 'A label indicating the function of the entry.',
    ...(opts.types ? { canonicalValues: opts.types } : {}),
  });
  return complex(
    name,
    [
      value,
      attr('display', 'string', { description: 'A human-readable name, primarily used for display purposes.' }),
      type,
      attr('primary', 'boolean', { description: "A Boolean value indicating the 'primary' or preferred value." }),
    ],
    { multiValued: true, description: opts.description },
  );
}

/** Case-insensitive lookup by name, as RFC 7643 §2.1 requires for attribute names. */
export function findAttribute(defs: readonly AttributeDef[] | undefined, name: string): AttributeDef | undefined {
  if (!defs) return undefined;
  const lower = name.toLowerCase();
  return defs.find((d) => d.name.toLowerCase() === lower);
}
