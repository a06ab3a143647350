import { z } from 'zod';
import { USER_ROLES, USER_SOURCES, USER_STATUSES } from './user-enums.ts';
import { UserAttributesSchema } from './user-attributes.ts';
import { RoleGrantSchema } from '../roles/group-role-map.ts';

/** A group the user belongs to, as SCIM's read-only `groups` attribute shows it. */
export const UserGroupRefSchema = z.object({ value: z.string(), display: z.string().optional() });
export type UserGroupRef = z.infer<typeof UserGroupRefSchema>;

/**
 * A user as every layer above storage sees it: plain JSON, dates as ISO-8601 strings.
 * `attributes.active` is derived from `status` (false ⇔ deactivated), never stored.
 */
export const UserRecordSchema = z.object({
  id: z.string(),
  userName: z.string(),
  attributes: UserAttributesSchema,
  status: z.enum(USER_STATUSES),
  source: z.enum(USER_SOURCES),
  role: z.enum(USER_ROLES),
  /** The mapped group that gave `role` (and the org role it names); absent when no group did. */
  roleGrant: RoleGrantSchema.nullable().optional(),
  /** Incremented by every change; the SCIM ETag is `W/"<version>"`. */
  version: z.number().int().positive(),
  created: z.iso.datetime(),
  lastModified: z.iso.datetime(),
  /** When the user first signed in; null while `invited`. Decides where reactivation lands. */
  acceptedAt: z.iso.datetime().nullable(),
  groups: z.array(UserGroupRefSchema),
});
export type UserRecord = z.infer<typeof UserRecordSchema>;
