import type { UserAttributes } from '../domain/types.ts';
import type { SchemaRegistry } from '../schema/registry.ts';
import { domainToWire } from './domain-to-wire.ts';
import type { ScimResource } from './domain-to-wire.ts';
import type { ResourceInfo } from './meta.ts';
import { trimBase } from './meta.ts';

/** A group the user belongs to, as computed by storage (`groups` is readOnly). */
export type UserGroupRef = { value: string; display?: string; type?: 'direct' | 'indirect' };

export type ToScimUserOptions = ResourceInfo & { registry: SchemaRegistry; groups?: readonly UserGroupRef[] };

/**
 * Domain user → wire User: `schemas` lists the enterprise/custom URNs only when there is
 * data, `$ref` is rendered for the manager and groups, the password never appears.
 */
export function toScimUser(user: UserAttributes, opts: ToScimUserOptions): ScimResource {
  const wire = domainToWire(user, { ...opts, type: 'User' });
  if (!opts.groups) return wire;
  const base = trimBase(opts.baseUrl);
  const { meta, ...rest } = wire;
  const groups = opts.groups.map((g) => ({ ...g, $ref: `${base}/Groups/${encodeURIComponent(g.value)}` }));
  return { ...rest, groups, meta };
}
