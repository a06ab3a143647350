import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/** A claimed key. The unique `_id` is the whole mechanism: one insert wins, the rest get E11000. */
export type ClaimDoc = { _id: string; at: Date };

const claimSchema = new Schema<ClaimDoc>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);
// For the sweeper that prunes old claims (FerretDB 1.x has no TTL indexes).
claimSchema.index({ at: 1 });

export const registerClaimModel = (connection: Connection): Model<ClaimDoc> =>
  connection.model<ClaimDoc>('Claim', claimSchema, 'claims');
