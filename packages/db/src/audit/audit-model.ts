import type { AuditChange, AuditOutcome } from '@provisio/core/audit';
import { AUDIT_OUTCOMES, AUDIT_SURFACES } from '@provisio/core/audit';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/** One ledger entry. `_id` is a UUIDv7, so `_id` order is time order. */
export type AuditEventDoc = {
  _id: string;
  orgId: string;
  at: Date;
  surface: (typeof AUDIT_SURFACES)[number];
  /** An AuditActor, or an older event's shape (read through `readStoredActor`). */
  actor: unknown;
  userAgent: string | null;
  /** Absent on events written before it existed. */
  address?: string | null;
  method: string | null;
  path: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  status: number | null;
  outcome: AuditOutcome;
  /** Attribute paths are values here, never keys, so `.` in them is safe to store. */
  changes: AuditChange[];
  notes: string[];
  requestId: string | null;
  durationMs: number | null;
};

const schema = new Schema<AuditEventDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    at: { type: Date, required: true },
    surface: { type: String, enum: AUDIT_SURFACES, required: true },
    actor: { type: Schema.Types.Mixed, required: true },
    userAgent: { type: String, default: null },
    address: { type: String, default: null },
    method: { type: String, default: null },
    path: { type: String, default: null },
    action: { type: String, required: true },
    resourceType: { type: String, default: null },
    resourceId: { type: String, default: null },
    status: { type: Number, default: null },
    outcome: { type: String, enum: AUDIT_OUTCOMES, required: true },
    changes: { type: Schema.Types.Mixed, default: [] },
    notes: { type: [String], default: [] },
    requestId: { type: String, default: null },
    durationMs: { type: Number, default: null },
  },
  { versionKey: false, minimize: false },
);
schema.index({ orgId: 1, _id: -1 });
schema.index({ orgId: 1, resourceType: 1, _id: -1 });
schema.index({ orgId: 1, resourceId: 1, _id: -1 });
schema.index({ orgId: 1, 'actor.keyId': 1, _id: -1 });
// No `at` index: the retention sweep deletes by `_id`, which is time-ordered (deleteOldest).

export const registerAuditEventModel = (connection: Connection): Model<AuditEventDoc> =>
  (connection.models['AuditEvent'] as Model<AuditEventDoc> | undefined) ??
  connection.model<AuditEventDoc>('AuditEvent', schema, 'audit_events');
