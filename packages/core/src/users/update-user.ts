import { patchUser } from './patch-user.ts';
import type { UserAttributes } from './user-attributes.ts';
import type { DomainDeps } from './user-deps.ts';
import type { UserRole } from './user-enums.ts';
import type { UserRecord } from './user-record.ts';
import type { WriteAuthority } from './write-authority.ts';

export type UpdateUserOptions = {
  orgId: string;
  id: string;
  /** Top-level attributes to set; each replaces the stored value whole (`name`, `emails`, …). */
  set: Partial<Omit<UserAttributes, 'active'>>;
  /** Top-level attributes to remove. */
  clear?: readonly (keyof Omit<UserAttributes, 'active' | 'userName'>)[];
  ifMatchVersion?: number;
  /** The role to give, named outright; wins over what `set.roles` maps to. */
  role?: UserRole;
  /** The role the new SCIM `roles` map to, if any. */
  roleFor?: (attributes: UserAttributes) => UserRole | undefined;
  /** What the caller may do to admin accounts. */
  authority: WriteAuthority;
};

/** A partial update for internal tools: what is not named stays; `active` is left to deactivate/reactivate. */
export async function updateUser(
  deps: Pick<DomainDeps, 'users' | 'clock'>,
  options: UpdateUserOptions,
): Promise<UserRecord> {
  const { orgId, id, set, clear = [], ifMatchVersion, roleFor, authority } = options;
  return patchUser(deps, {
    orgId,
    id,
    authority,
    ...(ifMatchVersion !== undefined ? { ifMatchVersion } : {}),
    apply: (current) => {
      const attributes: UserAttributes = { ...current.attributes, ...set, active: current.attributes.active };
      for (const key of clear) delete attributes[key];
      const role = options.role ?? (set.roles ? roleFor?.(attributes) : undefined);
      return role ? { attributes, role } : { attributes };
    },
  });
}
