import { orgRoleKey } from '@provisio/core/roles';
import type { GroupRoleMap, OrgRole, RoleRepository } from '@provisio/core/roles';
import type { Model } from 'mongoose';
import { conflictOnDuplicate } from '../errors/is-duplicate-key.ts';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import type { GroupMemberDoc } from '../groups/group-member-model.ts';
import { memberIdsAfter } from '../groups/member-lookups.ts';
import type { GroupRoleMapDoc, OrgRoleDoc, RoleModels } from './role-models.ts';

const onDuplicate = conflictOnDuplicate('role name');
const mapId = (orgId: string, groupId: string) => `${orgId}:${groupId}`;

const toRole = (d: OrgRoleDoc): OrgRole => ({
  id: d._id,
  name: d.name,
  description: d.description,
  rank: d.rank,
  created: d.createdAt.toISOString(),
});
const toMap = (d: GroupRoleMapDoc): GroupRoleMap => ({
  groupId: d.groupId,
  role: d.role,
  orgRoleId: d.orgRoleId ?? null,
  created: d.createdAt.toISOString(),
});

/** core's RoleRepository: two small collections read by org, and the member rows read by group. */
export function createRoleRepository(
  models: RoleModels & { groupMembers: Model<GroupMemberDoc> },
  reads: { sql?: SqlReads },
): RoleRepository {
  return {
    async listRoles(orgId) {
      const docs = await models.orgRoles.find({ orgId }).lean<OrgRoleDoc[]>();
      return docs.map(toRole).sort((a, b) => b.rank - a.rank || a.name.localeCompare(b.name));
    },
    async insertRole(orgId, { id, name, description, rank, now }) {
      const doc: OrgRoleDoc = { _id: id, orgId, name, key: orgRoleKey(name), description, rank, createdAt: now };
      await models.orgRoles.create(doc).catch(onDuplicate);
      return toRole(doc);
    },
    async updateRole(orgId, id, { name, description, rank }) {
      const doc = await models.orgRoles
        .findOneAndUpdate(
          { _id: id, orgId },
          { $set: { name, key: orgRoleKey(name), description, rank } },
          { returnDocument: 'after' },
        )
        .lean<OrgRoleDoc>()
        .catch(onDuplicate);
      return doc ? toRole(doc) : null;
    },
    async deleteRole(orgId, id) {
      return (await models.orgRoles.deleteOne({ _id: id, orgId })).deletedCount > 0;
    },
    async listMappings(orgId) {
      return (await models.groupRoleMaps.find({ orgId }).lean<GroupRoleMapDoc[]>()).map(toMap);
    },
    async mappingOf(orgId, groupId) {
      const doc = await models.groupRoleMaps.findOne({ _id: mapId(orgId, groupId) }).lean<GroupRoleMapDoc>();
      return doc ? toMap(doc) : null;
    },
    async setMapping(orgId, { groupId, role, orgRoleId, now }) {
      const doc = { _id: mapId(orgId, groupId), orgId, groupId, role, orgRoleId, createdAt: now };
      await models.groupRoleMaps.replaceOne({ _id: doc._id }, doc, { upsert: true });
      return toMap(doc);
    },
    async deleteMapping(orgId, groupId) {
      return (await models.groupRoleMaps.deleteOne({ _id: mapId(orgId, groupId) })).deletedCount > 0;
    },
    memberIdsAfter: (orgId, groupId, after, limit) =>
      memberIdsAfter(models.groupMembers, reads.sql, { orgId, groupId, after, limit }),
  };
}
