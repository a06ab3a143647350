import { normaliseKey } from '@provisio/core';
import type { NewUser, UserChanges, UserRecord, UserRepository } from '@provisio/core';
import type { Model } from 'mongoose';
import { conflictOnDuplicate } from '../errors/is-duplicate-key.ts';
import { listPage } from '../filter/list-page.ts';
import { resolveUserPath } from '../filter/resolve-user-path.ts';
import { groupsOfUsers } from './groups-of-users.ts';
import type { MembershipModels } from './groups-of-users.ts';
import type { UserDoc } from './user-model.ts';
import { userSearchMirror } from './user-search.ts';
import { toUser } from './to-user.ts';

const onDuplicate = conflictOnDuplicate('userName');

/** The stored fields derived from the attributes (keys, mirror); `active` is not stored. */
function derived(attributes: NewUser['attributes']) {
  const { active: _active, ...stored } = attributes;
  return {
    userName: attributes.userName,
    userNameKey: normaliseKey(attributes.userName),
    attributes: stored,
    search: userSearchMirror(attributes),
  };
}

export function createUserRepository(models: MembershipModels & { users: Model<UserDoc> }): UserRepository {
  const withGroups = async (orgId: string, docs: UserDoc[]): Promise<UserRecord[]> => {
    const groups = await groupsOfUsers(models, orgId, docs.map((d) => d._id));
    return docs.map((d) => toUser(d, groups.get(d._id) ?? []));
  };
  const one = async (orgId: string, doc: UserDoc | null) => (doc ? ((await withGroups(orgId, [doc]))[0] ?? null) : null);

  return {
    async insert(orgId, user) {
      const doc: UserDoc = {
        _id: user.id,
        orgId,
        ...derived(user.attributes),
        ...(user.attributes.externalId !== undefined ? { externalId: user.attributes.externalId } : {}),
        status: user.status,
        source: user.source,
        role: user.role,
        version: 1,
        ...(user.passwordHash ? { passwordHash: user.passwordHash } : {}),
        ...(user.acceptedAt ? { acceptedAt: user.acceptedAt } : {}),
        createdAt: user.now,
        updatedAt: user.now,
      };
      await models.users.create(doc).catch(onDuplicate);
      return toUser(doc, []);
    },

    async findById(orgId, id) {
      // `_id` is a String path: any text is a plain miss, never a CastError.
      return one(orgId, await models.users.findOne({ _id: id, orgId }).lean<UserDoc>());
    },

    async updateIfVersion(orgId, id, expectedVersion, changes: UserChanges) {
      const { externalId } = changes.attributes;
      const update = {
        $set: {
          ...derived(changes.attributes),
          status: changes.status,
          updatedAt: changes.now,
          ...(externalId !== undefined ? { externalId } : {}),
          ...(changes.passwordHash ? { passwordHash: changes.passwordHash } : {}),
        },
        ...(externalId === undefined ? { $unset: { externalId: 1 } } : {}),
        $inc: { version: 1 },
      };
      const doc = await models.users
        .findOneAndUpdate({ _id: id, orgId, version: expectedVersion }, update, { returnDocument: 'after' })
        .lean<UserDoc>()
        .catch(onDuplicate);
      return one(orgId, doc);
    },

    async delete(orgId, id, now, expectedVersion) {
      if (expectedVersion !== undefined && !(await models.users.exists({ _id: id, orgId, version: expectedVersion }))) return false;
      const groupIds = (await models.groupMembers.distinct('groupId', { orgId, memberId: id })).map(String);
      await models.groupMembers.deleteMany({ orgId, memberId: id });
      const { deletedCount } = await models.users.deleteOne({ _id: id, orgId, ...(expectedVersion !== undefined ? { version: expectedVersion } : {}) });
      // Again: an add that checked the user just before it went may have landed meanwhile.
      await models.groupMembers.deleteMany({ orgId, memberId: id });
      if (groupIds.length) {
        await models.groups.updateMany({ orgId, _id: { $in: groupIds } }, { $inc: { version: 1 }, $set: { updatedAt: now } });
      }
      return deletedCount > 0;
    },

    async list(orgId, query) {
      const { totalResults, docs } = await listPage({ model: models.users, rows: models.groupMembers, resolve: resolveUserPath, orgId, query });
      return { totalResults, startIndex: query.startIndex, items: await withGroups(orgId, docs) };
    },

    async labelsOf(orgId, ids) {
      const docs = await models.users.find({ orgId, _id: { $in: [...ids] } }, { userName: 1, 'attributes.displayName': 1 }).lean<UserDoc[]>();
      return new Map(docs.map((d) => [d._id, d.attributes.displayName ?? d.userName]));
    },
  };
}
