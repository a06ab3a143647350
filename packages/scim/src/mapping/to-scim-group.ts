import type { GroupAttributes, GroupMember } from '../domain/types.ts';
import type { SchemaRegistry } from '../schema/registry.ts';
import { domainToWire } from './domain-to-wire.ts';
import type { ScimResource } from './domain-to-wire.ts';
import type { ResourceInfo } from './meta.ts';
import { trimBase } from './meta.ts';

export type ToScimGroupOptions = ResourceInfo & {
  registry: SchemaRegistry;
  /** Omit when not loaded: `members` is then left out (Okta and Entra accept that). */
  members?: readonly GroupMember[];
};

/** Domain group (+ members when loaded) → wire Group with member `$ref`s. */
export function toScimGroup(group: GroupAttributes, opts: ToScimGroupOptions): ScimResource {
  const wire = domainToWire(group, { ...opts, type: 'Group' });
  if (!opts.members) return wire;
  const base = trimBase(opts.baseUrl);
  const { meta, ...rest } = wire;
  const members = opts.members.map((m) => ({
    value: m.value,
    $ref: `${base}/${m.type === 'Group' ? 'Groups' : 'Users'}/${encodeURIComponent(m.value)}`,
    ...(m.display !== undefined ? { display: m.display } : {}),
    ...(m.type !== undefined ? { type: m.type } : {}),
  }));
  return { ...rest, members, meta };
}
