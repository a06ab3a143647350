import type { OrgSchemaRecord } from '@provisio/core/org-schemas';
import type { PathResolver } from '../filter/targets.ts';
import { normaliseKey } from '@provisio/core';
import type { NewUser, UserChanges, UserRecord, UserRepository, UserStatus } from '@provisio/core';
import type { Model } from 'mongoose';
import { conflictOnDuplicate } from '../errors/is-duplicate-key.ts';
import { keysetPage } from '../filter/keyset-page.ts';
import { listPage } from '../filter/list-page.ts';
import type { PageSource } from '../filter/list-page.ts';
import { fieldsAnyOf } from '../filter/find-any-of.ts';
import { resolveUserPath } from '../filter/resolve-user-path.ts';
import { extensionPathResolver } from '../filter/resolve-extension-path.ts';
import { groupsOfUsers } from './groups-of-users.ts';
import type { MembershipModels } from './groups-of-users.ts';
import type { UserDoc } from './user-model.ts';
import { userSearchMirror } from './user-search.ts';
import { userKeysOf } from './user-keys.ts';
import { searchTermKeys } from './search-keys.ts';
import { userPage } from './user-page.ts';
import { toUser } from './to-user.ts';
import { withVersionClaim } from '../versioning/claim-version.ts';
import type { VersionClaims } from '../versioning/claim-version.ts';
import type { SqlReads } from '../ferretdb/sql-reads.ts';

const onDuplicate = conflictOnDuplicate('userName');

/** Core paths first (extension names never clash with them), then the org's extension attributes. */
const withExtensions = (schemas: readonly OrgSchemaRecord[]): PathResolver => {
  const extension = extensionPathResolver(schemas);
  return (path) => resolveUserPath(path) ?? extension(path);
};

/** The stored fields derived from the attributes (keys, mirror); `active` is not stored. */
function derived(attributes: NewUser['attributes']) {
  const { active: _active, ...stored } = attributes;
  return {
    userName: attributes.userName,
    userNameKey: normaliseKey(attributes.userName),
    attributes: stored,
    search: userSearchMirror(attributes),
    ...userKeysOf(attributes),
  };
}

/** The document `insert` stores for a new user: one shape, also for tools that seed users in bulk (the benchmark). */
export function newUserDoc(orgId: string, user: NewUser): UserDoc {
  return {
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
}

export function createUserRepository(
  models: MembershipModels & { users: Model<UserDoc> },
  vc: VersionClaims,
  reads: { sql?: SqlReads } = {},
): UserRepository {
  const claimed = <T>(orgId: string, id: string, expectedVersion: number, now: Date, write: () => Promise<T | null>) =>
    withVersionClaim(vc, { kind: 'user', orgId, id, nextVersion: expectedVersion + 1, now }, write);

  const withGroups = async (orgId: string, docs: UserDoc[]): Promise<UserRecord[]> => {
    const groups = await groupsOfUsers(
      models,
      orgId,
      docs.map((d) => d._id),
      reads.sql,
    );
    return docs.map((d) => toUser(d, groups.get(d._id) ?? []));
  };

  /** The org's users as a listing reads them: `status` narrows, `text` must match every word. */
  const source = (
    orgId: string,
    query: { status?: UserStatus; text?: string; extensions?: readonly OrgSchemaRecord[] },
  ): PageSource<UserDoc> => {
    const keys = query.text ? searchTermKeys(query.text) : [];
    return {
      model: models.users,
      rows: models.groupMembers,
      resolve: query.extensions?.length ? withExtensions(query.extensions) : resolveUserPath,
      orgId,
      ...(query.status ? { narrow: { status: query.status } } : {}),
      containsAll: keys.length ? { field: 'searchKeys', keys } : undefined,
      sql: reads.sql,
    };
  };

  return {
    async insert(orgId, user) {
      const doc = newUserDoc(orgId, user);
      // The complete stored shape (newUserDoc, typed): written by the driver, without building
      // and validating a mongoose document first, as mongoose would store it (no undefined fields).
      await models.users.collection.insertOne(doc as never, { ignoreUndefined: true }).catch(onDuplicate);
      return toUser(doc, []);
    },

    async findById(orgId, id, { withGroups: readGroups = true } = {}) {
      // `_id` is a String path: any text is a plain miss, never a CastError. The memberships
      // need only the id, so both index-served reads go at once (an unknown id has none).
      const [doc, groups] = await Promise.all([
        models.users.findOne({ _id: id, orgId }).lean<UserDoc>(),
        readGroups ? groupsOfUsers(models, orgId, [id], reads.sql) : new Map<string, UserRecord['groups']>(),
      ]);
      return doc ? toUser(doc, groups.get(id) ?? []) : null;
    },

    async standing(orgId, id) {
      const doc = await models.users
        .findOne({ _id: id, orgId }, { status: 1, role: 1, version: 1 })
        .lean<Pick<UserDoc, 'status' | 'role' | 'version'>>();
      return doc ? { status: doc.status, role: doc.role, version: doc.version } : null;
    },

    async updateIfVersion(orgId, id, expectedVersion, changes: UserChanges) {
      const { externalId } = changes.attributes;
      // An empty `$unset` is refused by some servers: only the fields that go.
      const unset = {
        ...(externalId === undefined ? { externalId: 1 } : {}),
        ...(changes.roleGrant === null ? { roleGrant: 1 } : {}),
      };
      const update = {
        $set: {
          ...derived(changes.attributes),
          status: changes.status,
          version: expectedVersion + 1,
          updatedAt: changes.now,
          ...(externalId !== undefined ? { externalId } : {}),
          ...(changes.passwordHash ? { passwordHash: changes.passwordHash } : {}),
          ...(changes.acceptedAt ? { acceptedAt: changes.acceptedAt } : {}),
          ...(changes.role ? { role: changes.role } : {}),
          ...(changes.roleGrant ? { roleGrant: changes.roleGrant } : {}),
        },
        ...(Object.keys(unset).length ? { $unset: unset } : {}),
      };
      const doc = await claimed(orgId, id, expectedVersion, changes.now, () =>
        models.users
          .findOneAndUpdate({ _id: id, orgId, version: expectedVersion }, update, { returnDocument: 'after' })
          .lean<UserDoc>()
          .catch(onDuplicate),
      );
      return doc ? toUser(doc, changes.previous.groups) : null;
    },

    async delete(orgId, id, { now, expectedVersion }) {
      const remove = async () => {
        const version = expectedVersion !== undefined ? { version: expectedVersion } : {};
        if (expectedVersion !== undefined && !(await models.users.exists({ _id: id, orgId, ...version }))) return null;
        await models.groupMembers.deleteMany({ orgId, memberId: id });
        const { deletedCount } = await models.users.deleteOne({ _id: id, orgId, ...version });
        // Again: an add that checked the user just before it went may have landed meanwhile.
        await models.groupMembers.deleteMany({ orgId, memberId: id });
        return deletedCount > 0 ? true : null;
      };
      // With a version, holding the next one means no write can slip in before the delete.
      return (
        (await (expectedVersion === undefined ? remove() : claimed(orgId, id, expectedVersion, now, remove))) ?? false
      );
    },

    async list(orgId, query) {
      const { totalResults, docs } = await listPage({ ...source(orgId, query), query });
      return { totalResults, startIndex: query.startIndex, items: await withGroups(orgId, docs) };
    },

    async listAfter(orgId, query) {
      const { docs, next, ...total } = await keysetPage(source(orgId, query), query);
      return { ...total, items: await withGroups(orgId, docs), next };
    },

    async page(orgId, query) {
      return withGroups(orgId, await userPage(models, orgId, query, reads.sql));
    },

    async labelsOf(orgId, ids) {
      // A member change names a few users (Entra sends several in one PATCH) or, in a first full
      // push, thousands: read by id, whatever the org's size (FerretDB would read it all for an `$in`).
      const select = ['_id', 'userName', 'attributes.displayName'];
      const rows = await fieldsAnyOf(models.users, reads.sql, { orgId, field: '_id', values: ids, select });
      return new Map(rows.map((r) => [r['_id'] ?? '', r['attributes.displayName'] ?? r['userName'] ?? '']));
    },
  };
}
