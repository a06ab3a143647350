import { OrgAttributeSchema, OrgAttributesSchema, OrgSchemaDefinitionSchema } from '@provisio/core/org-schemas';
import { z } from 'zod';
import { ZIdSchema, ZIfMatchVersionSchema } from '../shared-schemas.ts';

const attribute = z.lazy(() => OrgAttributeSchema);

export const ZOrgSchemaSchema = OrgSchemaDefinitionSchema.extend({
  id: z.string(),
  orgId: z.string(),
  storageKey: z.string(),
  hiddenAttributes: z.array(attribute),
  purgedAttributeNames: z.array(z.string()),
  status: z.enum(['active', 'retired']),
  version: z.number().int(),
  created: z.string(),
  lastModified: z.string(),
});

export const ZRegisterOrgSchemaRequestSchema = OrgSchemaDefinitionSchema;
export const ZListOrgSchemasRequestSchema = z.object({ includeRetired: z.boolean().optional() }).optional();
export const ZGetOrgSchemaRequestSchema = z.object({ id: ZIdSchema });
export const ZChangeOrgSchemaRequestSchema = z.strictObject({
  id: ZIdSchema,
  ifMatchVersion: ZIfMatchVersionSchema,
  name: z.string().trim().min(1).max(64).optional(),
  description: z.string().trim().max(500).optional(),
  /** The whole new list: an attribute left out is hidden, its values kept. */
  attributes: OrgAttributesSchema.optional(),
  /** Attributes removed together with their stored values (never shown again; names not reusable; the worker erases the values). */
  deleteData: z.array(z.string().min(1).max(64)).max(100).optional(),
});
export const ZRetireOrgSchemaRequestSchema = z.object({
  id: ZIdSchema,
  ifMatchVersion: ZIfMatchVersionSchema,
  /** Erase every stored value of the schema too (the worker does it a minute later); allowed on a retired schema. */
  deleteData: z.boolean().optional(),
});
