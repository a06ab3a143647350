import { normaliseKey } from '@provisio/core';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/**
 * One membership per row: adding or removing a member is one insert/delete, so groups of
 * any size never rewrite a large document and concurrent changes never lose each other.
 */
export type GroupMemberDoc = {
  _id: string;
  orgId: string;
  groupId: string;
  memberId: string;
  display?: string;
  /** Normalised `display`, for case-insensitive `members.display` filters. */
  displayKey?: string;
  createdAt: Date;
};

/** A membership row's `_id`: a member's row is found, added and removed by this one equality. */
export const memberRowId = (groupId: string, memberId: string): string => `${groupId}:${memberId}`;

/** The row that makes `member` a member of the group: the one shape, for member changes and seeds alike. */
export const newMemberRow = (
  orgId: string,
  groupId: string,
  member: { value: string; display?: string | undefined },
  now: Date,
): GroupMemberDoc => ({
  _id: memberRowId(groupId, member.value),
  orgId,
  groupId,
  memberId: member.value,
  ...(member.display !== undefined ? { display: member.display, displayKey: normaliseKey(member.display) } : {}),
  createdAt: now,
});

const groupMemberSchema = new Schema<GroupMemberDoc>(
  {
    // Deterministic (`memberRowId`): a repeated add is a duplicate we ignore.
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    groupId: { type: String, required: true },
    memberId: { type: String, required: true },
    display: { type: String },
    displayKey: { type: String },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
groupMemberSchema.index({ orgId: 1, groupId: 1, memberId: 1 }, { unique: true });
groupMemberSchema.index({ orgId: 1, memberId: 1 });

export const registerGroupMemberModel = (connection: Connection): Model<GroupMemberDoc> =>
  connection.model<GroupMemberDoc>('GroupMember', groupMemberSchema, 'group_members');
