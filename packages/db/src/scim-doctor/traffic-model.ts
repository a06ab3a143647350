import type { ScimErrorEntry } from '@provisio/core/scim-doctor';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/**
 * One process's share of one key's hour of SCIM requests: `_id` is
 * `<org>:<key>:<hour ms>:<writer>`. Only that process writes it (FerretDB does not isolate
 * concurrent `$inc`s), so the doctor adds the shares of every replica up when it reads.
 */
export type ScimTrafficDoc = {
  _id: string;
  orgId: string;
  keyId: string;
  writer: string;
  hour: Date;
  /** `<operation>:<status>` → requests (field names hold neither `.` nor `$`). */
  counts?: Record<string, number>;
  shapes?: Record<string, number>;
  idps?: Record<string, number>;
  lastSuccessAt?: Date | null;
  lastErrors?: ScimErrorEntry[];
};

const trafficSchema = new Schema<ScimTrafficDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    keyId: { type: String, required: true },
    writer: { type: String, required: true },
    hour: { type: Date, required: true },
    counts: { type: Schema.Types.Mixed, default: {} },
    shapes: { type: Schema.Types.Mixed, default: {} },
    idps: { type: Schema.Types.Mixed, default: {} },
    lastSuccessAt: { type: Date, default: null },
    lastErrors: { type: Schema.Types.Mixed, default: [] },
  },
  { versionKey: false, minimize: false },
);
// The doctor reads an org's last 24 hours; the worker's sweep deletes by hour.
trafficSchema.index({ orgId: 1, hour: 1 });
trafficSchema.index({ hour: 1 });

export const trafficShareId = (orgId: string, keyId: string, hour: Date, writer: string) =>
  `${orgId}:${keyId}:${hour.getTime()}:${writer}`;

export const registerScimTrafficModel = (connection: Connection): Model<ScimTrafficDoc> =>
  (connection.models['ScimTraffic'] as Model<ScimTrafficDoc> | undefined) ??
  connection.model<ScimTrafficDoc>('ScimTraffic', trafficSchema, 'scim_traffic');
