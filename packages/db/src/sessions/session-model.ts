import { SESSION_KINDS } from '@provisio/core/sessions';
import type { SessionKind } from '@provisio/core/sessions';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/** A browser session; `_id` is the sha256 of the session id (the id itself is never stored). */
export type SessionDoc = {
  _id: string;
  /** Null until a platform session picks an org. */
  orgId: string | null;
  kind: SessionKind;
  userId: string | null;
  /** Platform sessions: SHA-256 of the admin token they were opened with. */
  platformTokenHash: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
};

const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, default: null },
    kind: { type: String, enum: SESSION_KINDS, required: true },
    userId: { type: String, default: null },
    platformTokenHash: { type: String, default: null },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// Signing a deprovisioned user out everywhere. Expiry is swept by a scan (no TTL index on FerretDB).
sessionSchema.index({ orgId: 1, userId: 1 });

export const registerSessionModel = (connection: Connection): Model<SessionDoc> =>
  connection.model<SessionDoc>('WebSession', sessionSchema, 'web_sessions');
