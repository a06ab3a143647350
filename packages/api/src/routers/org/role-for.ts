import { resolveRole } from '@provisio/core/roles';
import type { UserRole } from '@provisio/core';
import type { Context } from '../../context.ts';

type RoleValue = { value: string; display?: string | undefined; primary?: boolean | undefined };

/** Picks the role for SCIM `roles` values; null when none were sent. Synchronous, so PATCH can re-apply it. */
export type RolePicker = (roles: readonly RoleValue[] | undefined) => UserRole | null;

/**
 * A picker bound to the org's default role (read once). A value naming one of our roles
 * sets it; values that name none fall back to the default and become an audit note (the
 * imitated product logs them to its Audit Trail).
 */
export async function rolePicker(ctx: Context, orgId: string): Promise<RolePicker & { defaultRole: UserRole }> {
  const org = await ctx.db.orgs.findById(orgId);
  const defaultRole = org?.settings.defaultRole ?? 'standard';
  const pick = (roles: readonly RoleValue[] | undefined) => {
    const resolved = resolveRole(roles, defaultRole);
    if (!resolved) return null;
    if (resolved.unmatched.length) {
      const applied = resolved.fellBack ? `the org default role '${defaultRole}' was applied` : `role '${resolved.role}' was applied from the values that matched`;
      ctx.audit?.note(`SCIM roles matched no role (admin, standard, read_only): ${resolved.unmatched.map((v) => JSON.stringify(v)).join(', ')}; ${applied}`);
    }
    return resolved.role;
  };
  return Object.assign(pick, { defaultRole });
}
