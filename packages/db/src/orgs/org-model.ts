import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

export const ORG_PLANS = ['free', 'pro', 'enterprise'] as const;
export type OrgPlan = (typeof ORG_PLANS)[number];

export type OrgDoc = {
  _id: string;
  name: string;
  /** `name` trimmed and lower-cased: uniqueness without collation, which FerretDB lacks. */
  nameKey: string;
  plan: OrgPlan;
  createdAt: Date;
  updatedAt: Date;
};

const orgSchema = new Schema<OrgDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    plan: { type: String, enum: ORG_PLANS, required: true },
  },
  { timestamps: true, versionKey: false },
);
orgSchema.index({ nameKey: 1 }, { unique: true });

export const registerOrgModel = (connection: Connection): Model<OrgDoc> =>
  connection.model<OrgDoc>('Org', orgSchema, 'orgs');
