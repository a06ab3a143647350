import { z } from 'zod';
import { USER_ROLES } from '../users/user-enums.ts';

/**
 * An IdP group (a SCIM Group, by its id, so a displayName rename keeps it) mapped to a role:
 * a built-in one, or an org role (`orgRoleId`, whose access in Provisio is `standard`).
 */
export const GroupRoleMapSchema = z.object({
  groupId: z.string(),
  role: z.enum(USER_ROLES),
  orgRoleId: z.string().nullable(),
  created: z.iso.datetime(),
});
export type GroupRoleMap = z.infer<typeof GroupRoleMapSchema>;

/** What a user's role came from when a group gave it; stored with the role in the same write. */
export const RoleGrantSchema = z.object({ groupId: z.string(), orgRoleId: z.string().nullable() });
export type RoleGrant = z.infer<typeof RoleGrantSchema>;
