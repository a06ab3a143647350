import { ORG_SCHEMA_STATUSES } from '@provisio/core/org-schemas';
import type { OrgAttribute, OrgSchemaStatus } from '@provisio/core/org-schemas';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/** A stored org extension schema. The URN is a value here, never a key (it holds dots). */
export type OrgSchemaDoc = {
  _id: string;
  orgId: string;
  urn: string;
  /**
   * The lower-cased URN while active, `retired:<id>` after: one active schema per URN and
   * org under a plain unique index (FerretDB 1.24 has no partial indexes).
   */
  urnSlot: string;
  name: string;
  description?: string;
  resourceType: 'User';
  storageKey: string;
  attributes: OrgAttribute[];
  hiddenAttributes: OrgAttribute[];
  purgedAttributeNames: string[];
  status: OrgSchemaStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const orgSchemaSchema = new Schema<OrgSchemaDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    urn: { type: String, required: true },
    urnSlot: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String },
    resourceType: { type: String, enum: ['User'], required: true },
    storageKey: { type: String, required: true },
    attributes: { type: Schema.Types.Mixed, required: true },
    hiddenAttributes: { type: Schema.Types.Mixed, required: true },
    purgedAttributeNames: { type: [String], default: [] },
    status: { type: String, enum: ORG_SCHEMA_STATUSES, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
orgSchemaSchema.index({ orgId: 1, urnSlot: 1 }, { unique: true });
orgSchemaSchema.index({ orgId: 1, storageKey: 1 }, { unique: true });

export const registerOrgSchemaModel = (connection: Connection): Model<OrgSchemaDoc> =>
  connection.model<OrgSchemaDoc>('OrgSchema', orgSchemaSchema, 'org_schemas');
