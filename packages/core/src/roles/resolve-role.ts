import type { UserRole } from '../users/user-enums.ts';
import { roleTable, roleValueKey } from './role-mapping.ts';
import type { RoleMapping } from './role-mapping.ts';

type RoleValue = { value: string; display?: string | undefined; primary?: boolean | undefined };

export type ResolvedRole = {
  role: UserRole;
  /** Values that mapped to no role; the caller records them in the audit log. */
  unmatched: string[];
  /** True when nothing matched and the org default was used. */
  fellBack: boolean;
};

export type ResolveRoleOptions = {
  /** The org's mapping of IdP values to roles (org settings); nothing maps to `admin` unless it says so. */
  mapping: RoleMapping;
  /** The org's default role, for values that map to nothing. */
  defaultRole: UserRole;
};

/**
 * The role a SCIM `roles` value asks for. A value (or its display) maps through the org's
 * mapping, else through the built-in names `standard` and `read_only`; with several, the
 * primary one wins, else the first. When values were sent but none maps, the org's
 * default role applies and the values are reported, as the imitated product does. No
 * values at all → null (keep the current role).
 */
export function resolveRole(
  roles: readonly RoleValue[] | undefined,
  { mapping, defaultRole }: ResolveRoleOptions,
): ResolvedRole | null {
  if (!roles || roles.length === 0) return null;
  const table = roleTable(mapping);
  const asRole = (text: string | undefined) => (text === undefined ? undefined : table.get(roleValueKey(text)));
  const matched = roles.map((r) => ({ r, role: asRole(r.value) ?? asRole(r.display) }));
  const unmatched = matched.filter((m) => !m.role).map((m) => m.r.value);
  const hit = matched.find((m) => m.role && m.r.primary) ?? matched.find((m) => m.role);
  if (hit?.role) return { role: hit.role, unmatched, fellBack: false };
  return { role: defaultRole, unmatched, fellBack: true };
}
