import { createHash } from 'node:crypto';
import type { GroupRecord, UserRecord } from '@provisio/core';
import { project, toScimGroup, toScimUser } from '@provisio/scim';
import type { ResourceTypeName, SchemaRegistry } from '@provisio/scim';

export type RenderContext = { registry: SchemaRegistry; baseUrl: string };
export type Projection = { attributes?: readonly string[]; excludedAttributes?: readonly string[] };

/**
 * A resource's ETag and `meta.version` (without `W/"…"`): its version, and for a user shown with
 * groups a digest of them. Member rows are the groups' own documents, so joining, leaving or a
 * rename leaves the user's version where it was; without the digest a conditional GET answered
 * 304 over a changed `groups` (RFC 7644 §3.14: the tag changes with the representation). An
 * answer without groups (none, or left out by the projection) keeps the plain version.
 */
export function versionTagOf(record: UserRecord | GroupRecord): string {
  const groups = 'groups' in record ? record.groups : [];
  if (!groups.length) return String(record.version);
  const digest = createHash('sha256').update(JSON.stringify(groups.map((g) => [g.value, g.display])));
  return `${record.version}-${digest.digest('hex').slice(0, GROUPS_DIGEST_LENGTH)}`;
}
/** Hex digits of the groups' digest in a tag (`versionOfETag` reads tags of this shape). */
export const GROUPS_DIGEST_LENGTH = 12;

const info = (record: UserRecord | GroupRecord, baseUrl: string, version = versionTagOf(record)) => ({
  id: record.id,
  baseUrl,
  created: record.created,
  lastModified: record.lastModified,
  version,
});

/** `version`: the user's `versionTagOf`, when the caller already has it for the ETag header. */
export function renderUser(
  record: UserRecord,
  ctx: RenderContext,
  projection: Projection = {},
  version = versionTagOf(record),
) {
  const wire = toScimUser(record.attributes, {
    ...info(record, ctx.baseUrl, version),
    registry: ctx.registry,
    groups: record.groups,
  });
  return projected(wire, 'User', ctx, projection);
}

/** `members` is rendered only when it was loaded (see `wantsMembers`). */
export function renderGroup(record: GroupRecord, ctx: RenderContext, projection: Projection = {}) {
  const wire = toScimGroup(
    { ...record.attributes, displayName: record.displayName },
    { ...info(record, ctx.baseUrl), registry: ctx.registry, ...(record.members ? { members: record.members } : {}) },
  );
  return projected(wire, 'Group', ctx, projection);
}

function projected(wire: Record<string, unknown>, resourceType: ResourceTypeName, ctx: RenderContext, p: Projection) {
  if (!p.attributes?.length && !p.excludedAttributes?.length) return wire;
  return project(wire, {
    registry: ctx.registry,
    resourceType,
    attributes: p.attributes ?? [],
    excludedAttributes: p.excludedAttributes ?? [],
  });
}

/**
 * Whether a group answer shows `members`: not when excluded, nor when `attributes` lists
 * others only. When false the procedure is asked not to load them at all.
 */
/**
 * Whether a User response shows `groups` (RFC 7643: returned by default, so only a projection
 * that leaves it out saves reading them).
 */
export function wantsGroups(p: Projection): boolean {
  const named = (list: readonly string[] | undefined) =>
    (list ?? []).some((a) => /^(urn:ietf:params:scim:schemas:core:2\.0:User:)?groups(\.|$)/i.test(a));
  if (named(p.excludedAttributes)) return false;
  return !p.attributes?.length || named(p.attributes);
}

export function wantsMembers(p: Projection): boolean {
  const named = (list: readonly string[] | undefined) =>
    (list ?? []).some((a) => /^(urn:[^ ]*:Group:)?members(\.|$)/i.test(a));
  if (named(p.excludedAttributes)) return false;
  return !p.attributes?.length || named(p.attributes);
}
