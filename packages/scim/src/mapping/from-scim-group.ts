import type { GroupAttributes, GroupMember } from '../domain/types.ts';
import { toMembers } from '../patch/member-values.ts';
import { validatePatched } from '../patch/validate-patched.ts';
import { isPlainObject } from '../schema/coerce-input.ts';
import type { SchemaRegistry } from '../schema/registry.ts';
import { wireToDomain } from './wire-to-domain.ts';

export type FromScimGroupResult = { attributes: GroupAttributes; members: GroupMember[] };

/**
 * A POST/PUT Group body → the group's attributes and its members apart (storage keeps
 * them separately). Tolerates the legacy ADSCIM group URN Entra lists in `schemas`.
 */
export function fromScimGroup(wire: unknown, registry: SchemaRegistry): FromScimGroupResult {
  let members: GroupMember[] = [];
  let rest = wire;
  if (isPlainObject(wire)) {
    const key = Object.keys(wire).find((k) => k.toLowerCase() === 'members');
    if (key !== undefined) {
      const { [key]: raw, ...others } = wire;
      if (raw !== null && raw !== undefined) members = toMembers(raw, 'members');
      rest = others;
    }
  }
  const { domain } = wireToDomain(rest, registry, 'Group');
  validatePatched(registry.resources.Group, domain);
  const unique = new Map(members.map((m) => [m.value, m]));
  return { attributes: domain as unknown as GroupAttributes, members: [...unique.values()] };
}
