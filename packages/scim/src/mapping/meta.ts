import type { ResourceTypeName } from '../schema/registry.ts';

export type ScimMeta = {
  resourceType: ResourceTypeName;
  created: string;
  lastModified: string;
  location: string;
  version: string;
};

/** What the caller knows about a stored resource that the domain shape does not hold. */
export type ResourceInfo = {
  id: string;
  /** e.g. `https://host/scim/v2`; a trailing slash is ignored. */
  baseUrl: string;
  created: Date | string;
  lastModified: Date | string;
  /** Rendered as a weak ETag `W/"<version>"` (kept as is if already one). */
  version: string | number;
};

const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

export function buildMeta(type: ResourceTypeName, info: ResourceInfo): ScimMeta {
  const version = String(info.version);
  return {
    resourceType: type,
    created: iso(info.created),
    lastModified: iso(info.lastModified),
    location: `${trimBase(info.baseUrl)}/${type === 'User' ? 'Users' : 'Groups'}/${encodeURIComponent(info.id)}`,
    version: version.startsWith('W/"') ? version : `W/"${version}"`,
  };
}
