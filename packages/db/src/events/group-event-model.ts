import { GROUP_EVENT_TYPES } from '@provisio/core/events';
import type { GroupEventType, GroupSummary } from '@provisio/core/events';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/** One group or membership event. `_id` is a UUIDv7, so `_id` order is time order (as user events). */
export type GroupEventDoc = {
  _id: string;
  orgId: string;
  type: GroupEventType;
  groupId: string;
  userId: string | null;
  version: number | null;
  at: Date;
  group: GroupSummary | null;
};

const schema = new Schema<GroupEventDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    type: { type: String, enum: GROUP_EVENT_TYPES, required: true },
    groupId: { type: String, required: true },
    userId: { type: String, default: null },
    version: { type: Number, default: null },
    at: { type: Date, required: true },
    group: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false, minimize: false },
);
// Webhook runs page an org's events by id; the retention sweep uses the `_id` index.
schema.index({ orgId: 1, _id: 1 });

export const registerGroupEventModel = (connection: Connection): Model<GroupEventDoc> =>
  (connection.models['GroupEvent'] as Model<GroupEventDoc> | undefined) ??
  connection.model<GroupEventDoc>('GroupEvent', schema, 'group_events');
