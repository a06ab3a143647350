import type { GroupMember, GroupRecord } from '@provisio/core';
import type { GroupMemberDoc } from './group-member-model.ts';
import type { GroupDoc } from './group-model.ts';

export function toGroup(doc: GroupDoc, members?: GroupMember[]): GroupRecord {
  return {
    id: doc._id,
    displayName: doc.displayName,
    attributes: { ...doc.attributes, displayName: doc.displayName },
    version: doc.version,
    created: doc.createdAt.toISOString(),
    lastModified: doc.updatedAt.toISOString(),
    ...(members ? { members } : {}),
  };
}

export const toMember = (row: Pick<GroupMemberDoc, 'memberId' | 'display'>): GroupMember => ({
  value: row.memberId,
  ...(row.display !== undefined ? { display: row.display } : {}),
  type: 'User',
});
