import { KEY_OWNER_TYPES, REVOCATION_REASONS } from '@provisio/core/keys';
import type { KeyOwnerType, RevocationReason } from '@provisio/core/keys';
import type { Scope } from '@provisio/core';
import { SCOPES } from '@provisio/core';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/** A stored application key: the SHA-256 of its secret, never the secret. */
export type KeyDoc = {
  _id: string;
  orgId: string;
  name: string;
  ownerType: KeyOwnerType;
  ownerId: string;
  scopes: Scope[];
  secretHash: string;
  createdAt: Date;
  /** Legacy: stamps written on the key before `key_usage` existed; read as a fallback, never written. */
  lastUsedAt?: Date;
  lastScimUsedAt?: Date;
  revokedAt?: Date;
  revokedReason?: RevocationReason;
  /** Counts the writes of this document (see reviseDocument); absent on keys written before it existed. */
  rev?: number;
};

const keySchema = new Schema<KeyDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    name: { type: String, required: true },
    ownerType: { type: String, enum: KEY_OWNER_TYPES, required: true },
    ownerId: { type: String, required: true },
    scopes: { type: [{ type: String, enum: SCOPES }], required: true },
    secretHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastUsedAt: { type: Date },
    lastScimUsedAt: { type: Date },
    revokedAt: { type: Date },
    revokedReason: { type: String, enum: REVOCATION_REASONS },
    rev: { type: Number, default: 0 },
  },
  { versionKey: false },
);
// Auth looks keys up by `_id` alone (the token carries it); everything else is per org.
keySchema.index({ orgId: 1, ownerId: 1 });
keySchema.index({ orgId: 1, _id: 1 });

export const registerKeyModel = (connection: Connection): Model<KeyDoc> =>
  (connection.models['ApplicationKey'] as Model<KeyDoc> | undefined) ??
  connection.model<KeyDoc>('ApplicationKey', keySchema, 'application_keys');
