import { resolveRole } from '@provisio/core/roles';
import type { UserRole } from '@provisio/core';
import type { Context } from '../../context.ts';

type RoleValue = { value: string; display?: string | undefined; primary?: boolean | undefined };

/**
 * The role SCIM `roles` asks for, against the org's default role. Unknown values fall
 * back to the default and become an audit note (the imitated product logs them to its
 * Audit Trail). Null when no roles were sent: the caller keeps the current role.
 */
export async function roleFor(ctx: Context, orgId: string, roles: readonly RoleValue[] | undefined): Promise<UserRole | null> {
  if (!roles?.length) return null;
  const org = await ctx.db.orgs.findById(orgId);
  const resolved = resolveRole(roles, org?.settings.defaultRole ?? 'standard');
  if (!resolved) return null;
  if (resolved.unmatched.length) {
    const fallback = resolved.fellBack ? `; the org default role '${resolved.role}' was applied` : `; role '${resolved.role}' was applied from the values that matched`;
    ctx.audit?.note(`SCIM roles matched no role (admin, standard, read_only): ${resolved.unmatched.map((v) => JSON.stringify(v)).join(', ')}${fallback}`);
  }
  return resolved.role;
}
