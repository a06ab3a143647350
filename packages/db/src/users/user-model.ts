import { USER_ROLES, USER_SOURCES, USER_STATUSES } from '@provisio/core';
import type { UserAttributes, UserRole, UserSource, UserStatus } from '@provisio/core';
import type { RoleGrant } from '@provisio/core/roles';
import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/** Stored user. `attributes` holds UserAttributes without `active` (derived from `status`). */
export type UserDoc = {
  _id: string;
  orgId: string;
  userName: string;
  /** NFC + lower-cased userName: case-insensitive uniqueness and filters without collation. */
  userNameKey: string;
  externalId?: string;
  attributes: Omit<UserAttributes, 'active'>;
  /** `attributes` with case-insensitive strings normalised: what filters and sorts read. */
  search: Record<string, unknown>;
  /** Every email normalised, top level: the index-served form of an email lookup (see email-keys.ts). */
  emailKeys: string[];
  /** Word prefixes a users-page search matches, top level (see search-keys.ts). */
  searchKeys: string[];
  /** Org extension string values, normalised and prefixed by where they live, top level (see extension-keys.ts). */
  extKeys?: string[];
  status: UserStatus;
  source: UserSource;
  role: UserRole;
  /** The mapped group that gave `role`, written in the same update as the role. */
  roleGrant?: RoleGrant;
  version: number;
  passwordHash?: string;
  acceptedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
};

const userSchema = new Schema<UserDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    userName: { type: String, required: true },
    userNameKey: { type: String, required: true },
    externalId: { type: String },
    attributes: { type: Schema.Types.Mixed, required: true },
    search: { type: Schema.Types.Mixed, required: true },
    emailKeys: { type: [String], default: undefined },
    searchKeys: { type: [String], default: undefined },
    extKeys: { type: [String], default: undefined },
    status: { type: String, enum: USER_STATUSES, required: true },
    source: { type: String, enum: USER_SOURCES, required: true },
    role: { type: String, enum: USER_ROLES, required: true, default: 'standard' },
    roleGrant: { type: Schema.Types.Mixed },
    version: { type: Number, required: true },
    // Never mapped out by toUser. (No `select: false`: FerretDB 1.x refuses projections on findAndModify.)
    passwordHash: { type: String },
    acceptedAt: { type: Date },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  // Timestamps come from the injected Clock, not mongoose, so tests can move time.
  { versionKey: false, minimize: false },
);
userSchema.index({ orgId: 1, userNameKey: 1 }, { unique: true });
userSchema.index({ orgId: 1, externalId: 1 });
userSchema.index({ orgId: 1, _id: 1 });
userSchema.index({ orgId: 1, emailKeys: 1 });
userSchema.index({ orgId: 1, searchKeys: 1 });
userSchema.index({ orgId: 1, extKeys: 1 });
// The mass-deprovision brake counts an org's active users up to a bound: an index count that stops there.
userSchema.index({ orgId: 1, status: 1 });

export const registerUserModel = (connection: Connection): Model<UserDoc> =>
  connection.model<UserDoc>('User', userSchema, 'users');
