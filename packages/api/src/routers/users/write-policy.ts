import { AppError, hasScope } from '@provisio/core';
import type { Principal, UserRole, UserSource, WriteAuthority } from '@provisio/core';
import { delegatesAdmin, resolveRole } from '@provisio/core/roles';
import type { Context } from '../../context.ts';

type RoleValue = { value: string; display?: string | undefined; primary?: boolean | undefined };
type OrgPrincipal = Extract<Principal, { kind: 'org' }>;

/** Picks the role for SCIM `roles` values; null when none were sent. Synchronous, so PATCH can re-apply it. */
export type RolePicker = (roles: readonly RoleValue[] | undefined) => UserRole | null;

export type WritePolicy = { pickRole: RolePicker; defaultRole: UserRole; authority: WriteAuthority };

/**
 * How this caller's user writes are decided, from the org's settings (read once): `roles`
 * values map through the org's role mapping (nothing to `admin` unless an org admin
 * mapped a value to it), values that map to nothing fall back to the default role and
 * become an audit note (the imitated product logs them to its Audit Trail), and the
 * caller's authority over admin accounts.
 */
export async function writePolicy(ctx: Pick<Context, 'db' | 'audit'> & { auth: OrgPrincipal }): Promise<WritePolicy> {
  const [org, groupMaps] = await Promise.all([
    ctx.db.orgs.findById(ctx.auth.orgId),
    ctx.db.roles.listMappings(ctx.auth.orgId),
  ]);
  const settings = org?.settings;
  const defaultRole = settings?.defaultRole ?? 'standard';
  const mapping = settings?.roleMapping ?? [];
  const pickRole: RolePicker = (roles) => {
    const resolved = resolveRole(roles, { mapping, defaultRole });
    if (!resolved) return null;
    if (resolved.unmatched.length) {
      const applied = resolved.fellBack
        ? `the org default role '${defaultRole}' was applied`
        : `role '${resolved.role}' was applied from the values that matched`;
      const values = resolved.unmatched.map((v) => JSON.stringify(v)).join(', ');
      ctx.audit?.note(
        `SCIM roles matched no role mapping: ${values}; ${applied} (an org admin maps values to roles in the org settings, roleMapping)`,
      );
    }
    return resolved.role;
  };
  // A group an org admin mapped to `admin` delegates admin to the IdP as a mapped `roles` value does.
  const adminDelegated = delegatesAdmin(mapping) || groupMaps.some((m) => m.role === 'admin');
  const authority = { admin: hasScope(ctx.auth.scopes, 'admin'), adminDelegated };
  return { pickRole, defaultRole, authority };
}

/** A role named outright in a tRPC input (not through SCIM `roles`): `admin` only from an `admin`-scoped caller. */
export function assertMayNameRole(auth: OrgPrincipal, role: UserRole | undefined): void {
  if (role === 'admin' && !hasScope(auth.scopes, 'admin')) {
    throw new AppError('FORBIDDEN', { message: "giving the admin role needs a key with the 'admin' scope" });
  }
}

/** Who created a user follows from the path, never from the caller: the SCIM adapter, or an org principal over tRPC. */
export const sourceOf = (ctx: Pick<Context, 'surface'>): UserSource => (ctx.surface === 'scim' ? 'scim' : 'admin');
