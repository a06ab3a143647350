import { INVITE_STATES } from '@provisio/core/invites';
import type { InviteRecord } from '@provisio/core/invites';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/** `rev` counts the writes of this document (see reviseDocument); absent on invites written before it existed. */
export type InviteDoc = Omit<InviteRecord, 'id'> & { _id: string; rev?: number };

const nullableDate = { type: Date, default: null };
const nullableString = { type: String, default: null };

const inviteSchema = new Schema<InviteDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    userId: { type: String, required: true },
    version: { type: Number, required: true },
    state: { type: String, enum: INVITE_STATES, required: true },
    tokenHash: nullableString,
    expiresAt: nullableDate,
    dispatch: { type: Number, default: 0 },
    claims: { type: Number, default: 0 },
    dispatchedAt: nullableDate,
    claimedAt: nullableDate,
    sentAt: nullableDate,
    acceptedAt: nullableDate,
    failedReason: nullableString,
    lastError: nullableString,
    createdAt: { type: Date, required: true },
    rev: { type: Number, default: 0 },
  },
  { versionKey: false },
);
// One version number per user: two concurrent resends cannot both become "latest".
inviteSchema.index({ orgId: 1, userId: 1, version: -1 }, { unique: true });
// Links arrive with only a token; 256-bit hashes never collide, so no unique (nulls abound).
inviteSchema.index({ tokenHash: 1 });
// The sweeper looks across orgs for stuck invites: the one index that does not lead with orgId.
inviteSchema.index({ state: 1, dispatchedAt: 1 });

export const registerInviteModel = (connection: Connection): Model<InviteDoc> =>
  connection.model<InviteDoc>('Invite', inviteSchema, 'invites');
