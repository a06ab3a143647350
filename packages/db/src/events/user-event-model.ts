import { USER_EVENT_TYPES } from '@provisio/core/events';
import type { UserEventType } from '@provisio/core/events';
import type { UserRecord } from '@provisio/core';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/** One user lifecycle event. `_id` is a UUIDv7, so `_id` order is time order (and the sweep reads `_id` alone). */
export type UserEventDoc = {
  _id: string;
  orgId: string;
  type: UserEventType;
  userId: string;
  version: number;
  at: Date;
  /** The user after the change (the same plain record the API returns); null for `deleted`. */
  user: UserRecord | null;
};

const schema = new Schema<UserEventDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    type: { type: String, enum: USER_EVENT_TYPES, required: true },
    userId: { type: String, required: true },
    version: { type: Number, required: true },
    at: { type: Date, required: true },
    user: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false, minimize: false },
);
// Readers page an org's events by id; the retention sweep uses the `_id` index.
schema.index({ orgId: 1, _id: 1 });

export const registerUserEventModel = (connection: Connection): Model<UserEventDoc> =>
  (connection.models['UserEvent'] as Model<UserEventDoc> | undefined) ??
  connection.model<UserEventDoc>('UserEvent', schema, 'user_events');
