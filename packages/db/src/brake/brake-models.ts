import { DEPROVISION_ACTIONS } from '@provisio/core/brake';
import type { DeprovisionAction } from '@provisio/core/brake';
import { Schema } from 'mongoose';
import type { Connection } from 'mongoose';

/** An org's thresholds; no document means the defaults. */
export type BrakeSettingsDoc = { _id: string; percent: number; count: number; updatedAt: Date };

/** An org's brake; no document means generation 0, not braked. Written only after a claimed transition. */
export type BrakeStateDoc = {
  _id: string;
  generation: number;
  braked: boolean;
  brakedAt: Date | null;
  releasedAt: Date | null;
};

/** One user deprovisioned in a generation: `_id` is `<org>:<generation>:<user>`, so a user counts once. */
export type BrakeMarkDoc = { _id: string; orgId: string; generation: number; at: Date };

/** One held user in a generation (same `_id` form): what the admin reviews. */
export type BrakeHoldDoc = {
  _id: string;
  orgId: string;
  generation: number;
  userId: string;
  userName: string;
  action: DeprovisionAction;
  firstAt: Date;
  lastAt: Date;
  attempts: number;
};

const settingsSchema = new Schema<BrakeSettingsDoc>(
  {
    _id: { type: String, required: true },
    percent: { type: Number, required: true },
    count: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const stateSchema = new Schema<BrakeStateDoc>(
  {
    _id: { type: String, required: true },
    generation: { type: Number, required: true },
    braked: { type: Boolean, required: true },
    brakedAt: { type: Date, default: null },
    releasedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

const markSchema = new Schema<BrakeMarkDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    generation: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
markSchema.index({ orgId: 1, generation: 1 });
// For the retention sweep (FerretDB 1.x has no TTL indexes).
markSchema.index({ at: 1 });

const holdSchema = new Schema<BrakeHoldDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    generation: { type: Number, required: true },
    userId: { type: String, required: true },
    userName: { type: String, required: true },
    action: { type: String, enum: DEPROVISION_ACTIONS, required: true },
    firstAt: { type: Date, required: true },
    lastAt: { type: Date, required: true },
    attempts: { type: Number, required: true },
  },
  { versionKey: false },
);
holdSchema.index({ orgId: 1, generation: 1 });

export const registerBrakeModels = (connection: Connection) => ({
  brakeSettings: connection.model<BrakeSettingsDoc>('BrakeSettings', settingsSchema, 'brake_settings'),
  brakeStates: connection.model<BrakeStateDoc>('BrakeState', stateSchema, 'brake_states'),
  brakeMarks: connection.model<BrakeMarkDoc>('BrakeMark', markSchema, 'brake_marks'),
  brakeHolds: connection.model<BrakeHoldDoc>('BrakeHold', holdSchema, 'brake_holds'),
});

export type BrakeModels = ReturnType<typeof registerBrakeModels>;
