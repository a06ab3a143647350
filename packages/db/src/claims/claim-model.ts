import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/**
 * A claimed key. The unique `_id` is the whole mechanism: one insert wins, the rest get E11000.
 * `holder` names the one `take` that inserted it, so a release never drops another's claim.
 */
export type ClaimDoc = { _id: string; at: Date; holder?: string };

const claimSchema = new Schema<ClaimDoc>(
  { _id: { type: String, required: true }, at: { type: Date, required: true }, holder: { type: String } },
  { versionKey: false },
);
// For the sweeper that prunes old claims (FerretDB 1.x has no TTL indexes); with the companion its
// batches are read in SQL on FerretDB's own btree of it (deleteOldest).
claimSchema.index({ at: 1 });

export const registerClaimModel = (connection: Connection): Model<ClaimDoc> =>
  connection.model<ClaimDoc>('Claim', claimSchema, 'claims');
