import type { UserEventIntent } from '@provisio/core/events';
import { USER_STATUSES } from '@provisio/core';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/** An open intent (core UserEventIntent); `_id` is the event id, so `_id` order is time order. */
export type UserEventIntentDoc = Omit<UserEventIntent, 'id' | 'at'> & { _id: string; at: Date };

const schema = new Schema<UserEventIntentDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    userId: { type: String, required: true },
    kind: { type: String, enum: ['created', 'changed', 'deleted'], required: true },
    version: { type: Number, required: true },
    from: { type: String, enum: [...USER_STATUSES, null], default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
// No secondary index: the sweep pages the `_id` index, and the collection only holds writes in flight.

export const registerUserEventIntentModel = (connection: Connection): Model<UserEventIntentDoc> =>
  (connection.models['UserEventIntent'] as Model<UserEventIntentDoc> | undefined) ??
  connection.model<UserEventIntentDoc>('UserEventIntent', schema, 'user_event_intents');
