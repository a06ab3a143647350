import { USER_ROLES } from '@provisio/core';
import { GroupRoleMapSchema, OrgRoleFieldsSchema, OrgRoleSchema } from '@provisio/core/roles';
import { z } from 'zod';

export const ZRoleMappingItemSchema = GroupRoleMapSchema.extend({
  /** The group's current displayName (null: the group is gone). */
  groupName: z.string().nullable(),
});
export const ZListRolesResponseSchema = z.object({
  roles: z.array(OrgRoleSchema),
  mappings: z.array(ZRoleMappingItemSchema),
});
export const ZSaveRoleRequestSchema = OrgRoleFieldsSchema.extend({ id: z.string().min(1).max(64).optional() });
export const ZRoleIdRequestSchema = z.object({ id: z.string().min(1).max(64) });
export const ZMapGroupRequestSchema = z.union([
  z.object({ groupId: z.string().min(1).max(64), role: z.enum(USER_ROLES) }).strict(),
  z.object({ groupId: z.string().min(1).max(64), orgRoleId: z.string().min(1).max(64) }).strict(),
]);
export const ZGroupIdRequestSchema = z.object({ groupId: z.string().min(1).max(64) });
export const ZDoneResponseSchema = z.object({ ok: z.literal(true) });
export type TMapGroupRequest = z.infer<typeof ZMapGroupRequestSchema>;
