import { USER_ROLES } from '@provisio/core';
import type { UserRole } from '@provisio/core';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/** An org-defined role; `key` (orgRoleKey of the name) is unique per org. */
export type OrgRoleDoc = {
  _id: string;
  orgId: string;
  name: string;
  key: string;
  description: string;
  rank: number;
  createdAt: Date;
};

/** A group's role: `_id` is `<org>:<group>`, so a group has one mapping and a set is an upsert. */
export type GroupRoleMapDoc = {
  _id: string;
  orgId: string;
  groupId: string;
  role: UserRole;
  orgRoleId: string | null;
  createdAt: Date;
};

const orgRoleSchema = new Schema<OrgRoleDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    name: { type: String, required: true },
    key: { type: String, required: true },
    description: { type: String, default: '' },
    rank: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
orgRoleSchema.index({ orgId: 1, key: 1 }, { unique: true });

const groupRoleMapSchema = new Schema<GroupRoleMapDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    groupId: { type: String, required: true },
    role: { type: String, enum: USER_ROLES, required: true },
    orgRoleId: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
groupRoleMapSchema.index({ orgId: 1, groupId: 1 });

export type RoleModels = { orgRoles: Model<OrgRoleDoc>; groupRoleMaps: Model<GroupRoleMapDoc> };

export const registerRoleModels = (connection: Connection): RoleModels => ({
  orgRoles: connection.model<OrgRoleDoc>('OrgRole', orgRoleSchema, 'org_roles'),
  groupRoleMaps: connection.model<GroupRoleMapDoc>('GroupRoleMap', groupRoleMapSchema, 'group_role_maps'),
});
