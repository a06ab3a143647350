import { DEFAULT_ROLES, KEY_RATE_LIMIT } from '@provisio/core/orgs';
import type { RoleMapping } from '@provisio/core/roles';
import { USER_ROLES } from '@provisio/core';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

export const ORG_PLANS = ['free', 'pro', 'enterprise'] as const;
export type OrgPlan = (typeof ORG_PLANS)[number];

export type OrgSettings = {
  scimEnabled: boolean;
  /** SAML just-in-time provisioning; should be off while SCIM is on. */
  samlJitEnabled: boolean;
  /** Users sign in through the org's IdP, so accepting an invite sets no password. */
  ssoEnabled: boolean;
  defaultRole: (typeof DEFAULT_ROLES)[number];
  /** IdP role values → roles: an array of `{ value, role }`, never an object keyed by an IdP value. */
  roleMapping: RoleMapping;
  /** How long an invite link works; the product default is 2 days. */
  inviteTtlHours: number;
  /** Requests per second per key; only the platform admin changes it. */
  keyRateLimit: number;
};

export type OrgDoc = {
  _id: string;
  name: string;
  /** `name` trimmed and lower-cased: uniqueness without collation, which FerretDB lacks. */
  nameKey: string;
  plan: OrgPlan;
  settings: OrgSettings;
  createdAt: Date;
  updatedAt: Date;
  /** Counts the writes of this document (see reviseDocument); absent on orgs written before it existed. */
  rev?: number;
};

export const DEFAULT_ORG_SETTINGS: OrgSettings = {
  scimEnabled: true,
  samlJitEnabled: false,
  ssoEnabled: false,
  defaultRole: 'standard',
  roleMapping: [],
  inviteTtlHours: 48,
  keyRateLimit: KEY_RATE_LIMIT.default,
};

const settingsSchema = new Schema<OrgSettings>(
  {
    scimEnabled: { type: Boolean, default: DEFAULT_ORG_SETTINGS.scimEnabled },
    samlJitEnabled: { type: Boolean, default: DEFAULT_ORG_SETTINGS.samlJitEnabled },
    ssoEnabled: { type: Boolean, default: DEFAULT_ORG_SETTINGS.ssoEnabled },
    defaultRole: { type: String, enum: DEFAULT_ROLES, default: DEFAULT_ORG_SETTINGS.defaultRole },
    roleMapping: {
      type: [
        new Schema(
          { value: { type: String, required: true }, role: { type: String, enum: USER_ROLES, required: true } },
          { _id: false },
        ),
      ],
      default: [],
    },
    inviteTtlHours: { type: Number, min: 1, max: 24 * 30, default: DEFAULT_ORG_SETTINGS.inviteTtlHours },
    keyRateLimit: {
      type: Number,
      min: KEY_RATE_LIMIT.min,
      max: KEY_RATE_LIMIT.max,
      default: DEFAULT_ORG_SETTINGS.keyRateLimit,
    },
  },
  { _id: false },
);

const orgSchema = new Schema<OrgDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    plan: { type: String, enum: ORG_PLANS, required: true },
    settings: { type: settingsSchema, default: () => ({}) },
    rev: { type: Number },
  },
  { timestamps: true, versionKey: false },
);
orgSchema.index({ nameKey: 1 }, { unique: true });

export const registerOrgModel = (connection: Connection): Model<OrgDoc> =>
  connection.model<OrgDoc>('Org', orgSchema, 'orgs');
