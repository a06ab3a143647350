import { UUID_PATTERN } from '@provisio/core';
import { parseListQuery, ScimError } from '@provisio/scim';
import type { ListQuery, ListQueryOptions } from '@provisio/scim';
import type { Request } from 'express';
import { GROUPS_DIGEST_LENGTH } from '../render-resources.ts';
import { ScimHttpFailure } from './scim-failure.ts';

/**
 * The `{id}` of the path. Ids are UUIDv7; anything else (`..%2F`, `%00`, `{"$ne":null}`, a
 * 10 kB string) names no resource, so it gets the same 404 as an id that never existed,
 * without a database round trip.
 */
export function resourceId(req: Request): string {
  return resourceIdOf(req.params['id']);
}

/** `resourceId` for an id from elsewhere (a Bulk operation's path). */
export function resourceIdOf(id: unknown): string {
  if (typeof id !== 'string' || !UUID_PATTERN.test(id))
    throw new ScimHttpFailure({ status: 404, detail: 'Resource not found' });
  return id;
}

// A tag as `versionTagOf` issues it: the version, then for a user shown with groups their digest.
const ETAG = new RegExp(`^\\s*(?:W/)?"(\\d{1,15})(?:-[0-9a-f]{${GROUPS_DIGEST_LENGTH}})?"\\s*$`);

/**
 * `If-Match: W/"<version>"` → the version the write is conditional on; `*` or no header
 * → unconditional. A tag we could never have issued can't match: 412 at once. A user's tag
 * may carry its groups' digest: the write is pinned to the version alone, because `groups` is
 * read-only on a user (changed through Groups) and no user write can overwrite it.
 */
export function ifMatchVersion(req: Request): number | undefined {
  return versionOfETag(req.headers['if-match']);
}

/** `ifMatchVersion` for a tag from elsewhere (a Bulk operation's `version`). */
export function versionOfETag(tag: string | undefined): number | undefined {
  if (tag === undefined || tag.trim() === '*') return undefined;
  const match = ETAG.exec(tag);
  if (!match?.[1]) throw new ScimError({ status: 412, detail: `If-Match ${tag} does not match the current version` });
  return Number(match[1]);
}

/** Express 5's simple query parser gives strings or string arrays only (no nested objects). */
export function queryParams(req: Request): Record<string, string | string[] | undefined> {
  return req.query as Record<string, string | string[] | undefined>;
}

/** `attributes` / `excludedAttributes` of a single-resource request (RFC 7644 §3.9). */
export function projectionOf(
  req: Request,
  options: ListQueryOptions,
): Pick<ListQuery, 'attributes' | 'excludedAttributes'> {
  // Only these two: a GET /Users/{id}?count=x must not fail on list parameters.
  const params = Object.fromEntries(
    Object.entries(queryParams(req)).filter(([k]) => /^(attributes|excludedattributes)$/i.test(k)),
  );
  const { attributes, excludedAttributes } = parseListQuery(params, options);
  return { attributes, excludedAttributes };
}

/** The optional `ifMatchVersion` input of the write procedures. */
export const optionalVersion = (version: number | undefined) =>
  version !== undefined ? { ifMatchVersion: version } : {};
