import { KEY_USE_FIELDS } from '@provisio/core/keys';
import type { KeyUseField } from '@provisio/core/keys';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/**
 * One last-use stamp of a key: `_id` is `<key id>:<field>`, so each stamp is its own
 * document and two stamps (or a stamp and a revocation) never rewrite each other.
 */
export type KeyUsageDoc = {
  _id: string;
  orgId: string;
  keyId: string;
  field: KeyUseField;
  at: Date;
};

const keyUsageSchema = new Schema<KeyUsageDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    keyId: { type: String, required: true },
    field: { type: String, enum: KEY_USE_FIELDS, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
// Listings read the stamps of a page of keys by `_id`; everything else is per org.
keyUsageSchema.index({ orgId: 1, _id: 1 });

export const keyUsageId = (keyId: string, field: KeyUseField) => `${keyId}:${field}`;

export const registerKeyUsageModel = (connection: Connection): Model<KeyUsageDoc> =>
  (connection.models['KeyUsage'] as Model<KeyUsageDoc> | undefined) ??
  connection.model<KeyUsageDoc>('KeyUsage', keyUsageSchema, 'key_usage');
