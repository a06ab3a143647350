import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/** A service account: its own collection, so no users query (SCIM) can ever return it. */
export type ServiceAccountDoc = {
  _id: string;
  orgId: string;
  name: string;
  /** Trimmed, lower-cased name: uniqueness without collation. */
  nameKey: string;
  description?: string;
  createdAt: Date;
};

const schema = new Schema<ServiceAccountDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    description: { type: String },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ orgId: 1, nameKey: 1 }, { unique: true });

export const registerServiceAccountModel = (connection: Connection): Model<ServiceAccountDoc> =>
  (connection.models['ServiceAccount'] as Model<ServiceAccountDoc> | undefined) ??
  connection.model<ServiceAccountDoc>('ServiceAccount', schema, 'service_accounts');
