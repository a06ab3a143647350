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

/** How long a process reuses what it read: the same bound as the org's own settings. */
const TTL_MS = 1_000;

const rfcOnly: OrgRegistry = { schemas: [], active: [], registry: createSchemaRegistry() };
// Per database handle (tests open several in one process); dropped on every change made here.
type Cached = { at: number; value: Promise<OrgRegistry> };
const caches = new WeakMap<object, Map<string, Cached>>();

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

/** The org's registry, read at most once a second per process (one indexed read by `orgId`). */
export function orgRegistry(ctx: Pick<Context, 'db' | 'clock'>, orgId: string): Promise<OrgRegistry> {
  let cache = caches.get(ctx.db);
  if (!cache) caches.set(ctx.db, (cache = new Map<string, Cached>()));
  const now = Date.now();
  const hit = cache.get(orgId);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = ctx.db.orgSchemas.list(orgId, { includeRetired: true }).then(build);
  value.catch(() => cache.delete(orgId));
  cache.set(orgId, { at: now, value });
  return value;
}

/** After a change in this process: the next read sees it at once. */
export function forgetOrgRegistry(ctx: Pick<Context, 'db'>, orgId: string): void {
  caches.get(ctx.db)?.delete(orgId);
}
