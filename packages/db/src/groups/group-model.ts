import type { GroupAttributes } from '@provisio/core';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/** Stored group: its own attributes only; members are rows in `group_members`. */
export type GroupDoc = {
  _id: string;
  orgId: string;
  displayName: string;
  /** NFC + lower-cased displayName: unique per org (Entra expects 409 on a duplicate). */
  displayNameKey: string;
  externalId?: string;
  attributes: GroupAttributes;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const groupSchema = new Schema<GroupDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    displayName: { type: String, required: true },
    displayNameKey: { type: String, required: true },
    externalId: { type: String },
    attributes: { type: Schema.Types.Mixed, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
groupSchema.index({ orgId: 1, displayNameKey: 1 }, { unique: true });
groupSchema.index({ orgId: 1, externalId: 1 });
groupSchema.index({ orgId: 1, _id: 1 });

export const registerGroupModel = (connection: Connection): Model<GroupDoc> =>
  connection.model<GroupDoc>('Group', groupSchema, 'groups');
