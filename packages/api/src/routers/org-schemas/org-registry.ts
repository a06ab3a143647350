import type { OrgSchemaRecord } from '@provisio/core/org-schemas';
import { createSchemaRegistry } from '@provisio/scim';
import type { SchemaRegistry } from '@provisio/scim';
import type { Context } from '../../context.ts';

/** An org's extension schemas (retired ones included: their values are kept) and its SCIM registry. */
export type OrgRegistry = {
  /** Every schema of the org, retired ones too. */
  schemas: readonly OrgSchemaRecord[];
  /** The active ones: what `/Schemas` shows and writes, filters and projections may name. */
  active: readonly OrgSchemaRecord[];
  registry: SchemaRegistry;
};

const rfcOnly: OrgRegistry = { schemas: [], active: [], registry: createSchemaRegistry() };
/**
 * Built once per list read: the server's credential cache hands every request of the next
 * second the same list (and drops it on every replica when a schema changes), so the
 * registry is built once per list, not once per request.
 */
const built = new WeakMap<readonly OrgSchemaRecord[], OrgRegistry>();

function build(schemas: readonly OrgSchemaRecord[]): OrgRegistry {
  if (schemas.length === 0) return rfcOnly;
  const active = schemas.filter((s) => s.status === 'active');
  const registry = createSchemaRegistry({
    extensions: active.map((s) => ({
      urn: s.urn,
      name: s.name,
      ...(s.description !== undefined ? { description: s.description } : {}),
      resourceType: s.resourceType,
      storageKey: s.storageKey,
      attributes: s.attributes,
    })),
  });
  return { schemas, active, registry };
}

/** The org's registry: one indexed read by `orgId` (cached by the server for at most a second). */
export async function orgRegistry(ctx: Pick<Context, 'db'>, orgId: string): Promise<OrgRegistry> {
  const schemas = await ctx.db.orgSchemas.list(orgId, { includeRetired: true });
  let registry = built.get(schemas);
  if (!registry) built.set(schemas, (registry = build(schemas)));
  return registry;
}
