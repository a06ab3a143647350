import { MAX_LISTED_MEMBERS, normaliseKey, tooManyListedMembers } from '@provisio/core';
import type { GroupAttributes, GroupMember, GroupRepository } from '@provisio/core';
import type { Model } from 'mongoose';
import { conflictOnDuplicate } from '../errors/is-duplicate-key.ts';
import { keysetPage } from '../filter/keyset-page.ts';
import { listPage } from '../filter/list-page.ts';
import { findAnyOf } from '../filter/find-any-of.ts';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import { docsByIds } from '../ferretdb/docs-by-ids.ts';
import { resolveGroupPath } from '../filter/resolve-group-path.ts';
import { memberRowId } from './group-member-model.ts';
import type { GroupMemberDoc } from './group-member-model.ts';
import { memberIdsAfter } from './member-lookups.ts';
import type { GroupDoc } from './group-model.ts';
import { createGroupVersionBumps } from './group-version-bumps.ts';
import { applyMemberRows } from './member-rows.ts';
import { toGroup, toMember } from './to-group.ts';
import { withVersionClaim } from '../versioning/claim-version.ts';
import type { VersionClaims } from '../versioning/claim-version.ts';

const onDuplicate = conflictOnDuplicate('displayName');

const derived = (attributes: GroupAttributes) => ({
  displayName: attributes.displayName,
  displayNameKey: normaliseKey(attributes.displayName),
  attributes,
});

export function createGroupRepository(
  models: { groups: Model<GroupDoc>; groupMembers: Model<GroupMemberDoc> },
  vc: VersionClaims,
  reads: { sql?: SqlReads } = {},
): GroupRepository {
  const claimed = <T>(orgId: string, id: string, expectedVersion: number, now: Date, write: () => Promise<T | null>) =>
    withVersionClaim(vc, { kind: 'group', orgId, id, nextVersion: expectedVersion + 1, now }, write);
  const rows = models.groupMembers;
  const bumpVersion = createGroupVersionBumps(models.groups, claimed);
  const source = (orgId: string) => ({ model: models.groups, rows, resolve: resolveGroupPath, orgId, sql: reads.sql });
  /**
   * Members of each group, by member id. With `cap`, refuses (tooMany) past `cap` rows in
   * all, having read one more at most: sorted here, so storage can stop at the limit.
   */
  const membersOf = async (orgId: string, groupIds: string[], cap?: number): Promise<Map<string, GroupMember[]>> => {
    const out = new Map<string, GroupMember[]>(groupIds.map((id) => [id, []]));
    const found = await findAnyOf(
      rows,
      {
        where: { orgId },
        field: 'groupId',
        values: groupIds,
        projection: { groupId: 1, memberId: 1, display: 1 },
        ...(cap !== undefined ? { atMost: cap } : {}),
      },
      reads.sql,
    );
    if (cap !== undefined && found.length > cap) throw tooManyListedMembers();
    found.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
    for (const row of found) out.get(row.groupId)?.push(toMember(row));
    return out;
  };
  const render = async (orgId: string, docs: GroupDoc[], includeMembers = false, cap?: number) => {
    const members = includeMembers
      ? await membersOf(
          orgId,
          docs.map((d) => d._id),
          cap,
        )
      : undefined;
    return docs.map((d) => toGroup(d, members?.get(d._id)));
  };

  return {
    async insert(orgId, { id, attributes, now }) {
      const doc: GroupDoc = {
        _id: id,
        orgId,
        ...derived(attributes),
        ...(attributes.externalId !== undefined ? { externalId: attributes.externalId } : {}),
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await models.groups.create(doc).catch(onDuplicate);
      return toGroup(doc);
    },

    async findById(orgId, id, options = {}) {
      const doc = await models.groups.findOne({ _id: id, orgId }).lean<GroupDoc>();
      return doc ? ((await render(orgId, [doc], options.includeMembers))[0] ?? null) : null;
    },

    async updateIfVersion(orgId, id, expectedVersion, { attributes, now }) {
      const { externalId } = attributes;
      const update = {
        $set: {
          ...derived(attributes),
          version: expectedVersion + 1,
          updatedAt: now,
          ...(externalId !== undefined ? { externalId } : {}),
        },
        ...(externalId === undefined ? { $unset: { externalId: 1 } } : {}),
      };
      const doc = await claimed(orgId, id, expectedVersion, now, () =>
        models.groups
          .findOneAndUpdate({ _id: id, orgId, version: expectedVersion }, update, { returnDocument: 'after' })
          .lean<GroupDoc>()
          .catch(onDuplicate),
      );
      return doc ? toGroup(doc) : null;
    },

    async delete(orgId, id, now, expectedVersion) {
      const remove = async () => {
        const version = expectedVersion !== undefined ? { version: expectedVersion } : {};
        const { deletedCount } = await models.groups.deleteOne({ _id: id, orgId, ...version });
        if (!deletedCount && expectedVersion !== undefined) return null;
        await rows.deleteMany({ orgId, groupId: id });
        return deletedCount > 0 ? true : null;
      };
      return (
        (await (expectedVersion === undefined ? remove() : claimed(orgId, id, expectedVersion, now, remove))) ?? false
      );
    },

    async list(orgId, query) {
      const { totalResults, docs } = await listPage({ ...source(orgId), query });
      return {
        totalResults,
        startIndex: query.startIndex,
        items: await render(orgId, docs, query.includeMembers, MAX_LISTED_MEMBERS),
      };
    },

    async listAfter(orgId, query) {
      const { docs, next, ...total } = await keysetPage(source(orgId), query);
      return { ...total, items: await render(orgId, docs, query.includeMembers, MAX_LISTED_MEMBERS), next };
    },

    applyMembership: (orgId, groupId, delta) => applyMemberRows(rows, orgId, groupId, delta),

    async bumpVersion(orgId, id, options) {
      const doc = await bumpVersion(orgId, id, options);
      return doc ? toGroup(doc) : null;
    },

    async listMembers(orgId, groupId, { startIndex, count }) {
      const { sql } = reads;
      const totalResults =
        (await sql?.count(rows.collection.collectionName, { orgId, groupId })) ??
        (await rows.countDocuments({ orgId, groupId }));
      if (count === 0 || startIndex > totalResults) return { totalResults, startIndex, items: [] };
      if (!sql) {
        const found = await rows
          .find({ orgId, groupId }, { memberId: 1, display: 1 })
          .sort({ memberId: 1 })
          .skip(startIndex - 1)
          .limit(count)
          .lean();
        return { totalResults, startIndex, items: found.map(toMember) };
      }
      // FerretDB sorts and skips in Go after reading the whole group: the page's ids come from a
      // range of the (orgId, _id) btree instead (memberIdsAfter), then each row by `_id`.
      const ids = await memberIdsAfter(rows, sql, {
        orgId,
        groupId,
        after: null,
        offset: startIndex - 1,
        limit: count,
      });
      const rowIds = ids.map((id) => memberRowId(groupId, id));
      const found = await docsByIds(rows, orgId, rowIds, sql);
      return { totalResults, startIndex, items: found.map(toMember) };
    },
  };
}
