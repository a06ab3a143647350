import type { SignInCandidate, SignInDirectory } from '@provisio/core/sessions';
import type { Model } from 'mongoose';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import { findAnyOf } from '../filter/find-any-of.ts';
import type { OrgDoc } from '../orgs/org-model.ts';
import type { UserDoc } from '../users/user-model.ts';
import { SIGN_IN_ACCOUNT } from '../partial-indexes.ts';
import type { SIGN_IN_KEYS } from '../partial-indexes.ts';

type Candidate = Pick<UserDoc, '_id' | 'orgId' | 'passwordHash' | 'version'>;

/**
 * Sign-in is the one read across orgs: an email may be an admin in several. Two top-level
 * equalities (normalised userName, `emailKeys`) rather than an `$or`, which FerretDB does not
 * push down; on MongoDB each is served by its partial index (partial-indexes.ts).
 */
export function createSignInDirectory(
  models: { users: Model<UserDoc>; orgs: Model<OrgDoc> },
  reads: { sql?: SqlReads },
): SignInDirectory {
  return {
    async candidates(emailKey) {
      const byKey = (key: (typeof SIGN_IN_KEYS)[number]) =>
        models.users
          .find({ [key]: emailKey, ...SIGN_IN_ACCOUNT }, { _id: 1, orgId: 1, passwordHash: 1, version: 1 })
          .limit(50)
          .lean<Candidate[]>();
      const found = (await Promise.all([byKey('userNameKey'), byKey('emailKeys')])).flat();
      const users = [...new Map(found.map((u) => [u._id, u])).values()].slice(0, 50);
      const withPassword = users.filter(
        (u): u is Candidate & { passwordHash: string } => typeof u.passwordHash === 'string',
      );
      if (withPassword.length === 0) return [];
      // By `_id`, one equality each with the companion: FerretDB read every org for an `$in`.
      const orgs = await findAnyOf(
        models.orgs,
        { where: {}, field: '_id', values: withPassword.map((u) => u.orgId), projection: { _id: 1, name: 1 } },
        reads.sql,
      );
      const names = new Map(orgs.map((o) => [o._id, o.name]));
      return withPassword.map((u): SignInCandidate => ({
        orgId: u.orgId,
        orgName: names.get(u.orgId) ?? u.orgId,
        userId: u._id,
        passwordHash: u.passwordHash,
        version: u.version,
      }));
    },
    async orgs() {
      const orgs = await models.orgs
        .find({}, { _id: 1, name: 1, plan: 1 })
        .sort({ nameKey: 1 })
        .limit(500)
        .lean<Array<Pick<OrgDoc, '_id' | 'name' | 'plan'>>>();
      return orgs.map((o) => ({ id: o._id, name: o.name, plan: o.plan }));
    },
  };
}
