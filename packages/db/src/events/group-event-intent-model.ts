import type { GroupEventIntent } from '@provisio/core/events';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/** An open group intent (core GroupEventIntent); `_id` is the first event id, so `_id` order is time order. */
export type GroupEventIntentDoc = Omit<GroupEventIntent, 'id' | 'at'> & { _id: string; at: Date };

const schema = new Schema<GroupEventIntentDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    groupId: { type: String, required: true },
    kind: { type: String, enum: ['created', 'updated', 'deleted', 'membership'], required: true },
    version: { type: Number, required: true },
    from: { type: Schema.Types.Mixed, default: null },
    added: { type: [String], default: [] },
    removed: { type: [String], default: [] },
    at: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);

// No secondary index: the sweep pages the `_id` index, and the collection only holds writes in flight.
export const registerGroupEventIntentModel = (connection: Connection): Model<GroupEventIntentDoc> =>
  (connection.models['GroupEventIntent'] as Model<GroupEventIntentDoc> | undefined) ??
  connection.model<GroupEventIntentDoc>('GroupEventIntent', schema, 'group_event_intents');
