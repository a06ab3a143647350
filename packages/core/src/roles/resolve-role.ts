import type { UserRole } from '../users/user-enums.ts';
import { USER_ROLES } from '../users/user-enums.ts';

type RoleValue = { value: string; display?: string | undefined; primary?: boolean | undefined };

/** `Read Only`, `read-only`, `READ_ONLY` → `read_only`. */
const normalise = (text: string) => text.trim().toLowerCase().replace(/[\s-]+/g, '_');
const asRole = (text: string | undefined): UserRole | undefined =>
  text === undefined ? undefined : USER_ROLES.find((role) => role === normalise(text));

export type ResolvedRole = {
  role: UserRole;
  /** Values that named no role of ours; the caller records them in the audit log. */
  unmatched: string[];
  /** True when nothing matched and the org default was used. */
  fellBack: boolean;
};

/**
 * The role a SCIM `roles` value asks for. A value (or display) naming one of our roles
 * sets it; with several, the primary one wins, else the first. When values were sent but
 * none matches, the org's default role applies and the values are reported, as the
 * imitated product does. No values at all → null (keep the current role).
 */
export function resolveRole(roles: readonly RoleValue[] | undefined, defaultRole: UserRole): ResolvedRole | null {
  if (!roles || roles.length === 0) return null;
  const matched = roles.map((r) => ({ r, role: asRole(r.value) ?? asRole(r.display) }));
  const unmatched = matched.filter((m) => !m.role).map((m) => m.r.value);
  const hit = matched.find((m) => m.role && m.r.primary) ?? matched.find((m) => m.role);
  if (hit?.role) return { role: hit.role, unmatched, fellBack: false };
  return { role: defaultRole, unmatched, fellBack: true };
}
