import type { z } from 'zod';
import { createSchemaRegistry } from './registry.ts';
import type { SchemaRegistry } from './registry.ts';

const rfc = createSchemaRegistry();

/** The wire zod schema of a User or Group for a registry (with its custom extensions). */
export function wireSchema(registry: SchemaRegistry, type: 'User' | 'Group', direction: 'input' | 'output'): z.ZodType {
  return registry.validators.resource(type, direction);
}

/** RFC-only wire schemas (no custom extensions), for responses and documentation. */
export const ScimUserSchema: z.ZodType = rfc.validators.resource('User', 'output');
export const ScimGroupSchema: z.ZodType = rfc.validators.resource('Group', 'output');
/** Tolerant input schemas: string booleans, nulls, readOnly input ignored. */
export const ScimUserInputSchema: z.ZodType = rfc.validators.resource('User', 'input');
export const ScimGroupInputSchema: z.ZodType = rfc.validators.resource('Group', 'input');
