import type { UserAttributes, UserGroupRef, UserRecord } from '@provisio/core';
import { isActiveStatus } from '@provisio/core';
import type { UserDoc } from './user-model.ts';

/** The one mapper from storage to the domain record; never exposes `passwordHash` or `search`. */
export function toUser(doc: UserDoc, groups: UserGroupRef[]): UserRecord {
  const attributes: UserAttributes = { ...doc.attributes, userName: doc.userName, active: isActiveStatus(doc.status) };
  return {
    id: doc._id,
    userName: doc.userName,
    attributes,
    status: doc.status,
    source: doc.source,
    role: doc.role,
    ...(doc.roleGrant ? { roleGrant: doc.roleGrant } : {}),
    version: doc.version,
    created: doc.createdAt.toISOString(),
    lastModified: doc.updatedAt.toISOString(),
    acceptedAt: doc.acceptedAt ? doc.acceptedAt.toISOString() : null,
    groups,
  };
}
