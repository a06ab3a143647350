import { Schema } from 'mongoose';
import type { Connection } from 'mongoose';
import type { IdpSettings, SsoAttributeMapping } from '@provisio/core/sso';

/** One org's SAML connection; `_id` is the org id. */
export type SsoConnectionDoc = {
  _id: string;
  orgId: string;
  idp: IdpSettings | null;
  mapping: SsoAttributeMapping | null;
  idpInitiated: boolean;
  breakGlassAdminIds: string[];
  /** Legacy: stamps written here before `sso_sign_ins` existed; read as a fallback, never written. */
  lastSignInAt?: Date | null;
  /** When the IdP was first set up (older documents: none; `updatedAt` stands in). */
  connectedAt?: Date | null;
  updatedAt: Date | null;
  rev?: number;
};

/** An org's last successful SSO sign-in (`_id`: org id), apart from the connection so a stamp never races an admin's change. */
export type SsoSignInDoc = { _id: string; at: Date };

/** `_id` is the domain: one org may claim it, whatever its state (unique key, atomic on both engines). */
export type SsoDomainDoc = { _id: string; orgId: string; addedAt: Date; verifiedAt: Date | null };

/** An AuthnRequest we issued, or an assertion we accepted: `_id` is `<org id>:<SAML id>`, kept until `expiresAt`. */
export type SamlIdDoc = { _id: string; orgId: string; expiresAt: Date; returnUrl?: string | null };

/** A code hand-off code: `_id` is its hash; the one exchange that deletes it wins. */
export type SsoCodeDoc = { _id: string; orgId: string; userId: string; returnUrl: string; expiresAt: Date };

const connectionSchema = new Schema<SsoConnectionDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    idp: { type: Schema.Types.Mixed, default: null },
    mapping: { type: Schema.Types.Mixed, default: null },
    idpInitiated: { type: Boolean, default: false },
    breakGlassAdminIds: { type: [String], default: [] },
    lastSignInAt: { type: Date },
    connectedAt: { type: Date, default: null },
    updatedAt: { type: Date, default: null },
    rev: { type: Number },
  },
  { versionKey: false, minimize: false },
);

const signInSchema = new Schema<SsoSignInDoc>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);

const domainSchema = new Schema<SsoDomainDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    addedAt: { type: Date, required: true },
    verifiedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
domainSchema.index({ orgId: 1 });

const samlIdSchema = () => {
  const schema = new Schema<SamlIdDoc>(
    {
      _id: { type: String, required: true },
      orgId: { type: String, required: true },
      expiresAt: { type: Date, required: true },
      returnUrl: { type: String, default: null },
    },
    { versionKey: false },
  );
  // For the sweep (FerretDB 1.x has no TTL indexes).
  schema.index({ expiresAt: 1 });
  return schema;
};

const codeSchema = new Schema<SsoCodeDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    userId: { type: String, required: true },
    returnUrl: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
codeSchema.index({ expiresAt: 1 });

export const registerSsoModels = (connection: Connection) => ({
  ssoConnections: connection.model<SsoConnectionDoc>('SsoConnection', connectionSchema, 'sso_connections'),
  ssoSignIns: connection.model<SsoSignInDoc>('SsoSignIn', signInSchema, 'sso_sign_ins'),
  ssoDomains: connection.model<SsoDomainDoc>('SsoDomain', domainSchema, 'sso_domains'),
  samlRequests: connection.model<SamlIdDoc>('SamlRequest', samlIdSchema(), 'saml_requests'),
  samlAssertions: connection.model<SamlIdDoc>('SamlAssertion', samlIdSchema(), 'saml_assertions'),
  ssoCodes: connection.model<SsoCodeDoc>('SsoCode', codeSchema, 'sso_codes'),
});
export type SsoModels = ReturnType<typeof registerSsoModels>;
