import type { SignInCodeRecord } from './sign-in-code.ts';
import type { SsoConnection, SsoConnectionChanges, SsoDomain } from './sso-connection.ts';

/** Storage of SAML connections, their email domains, issued requests and seen assertions. */
export interface SsoRepository {
  /** The org's connection (an empty one when none was set up). */
  get(orgId: string): Promise<SsoConnection>;
  update(orgId: string, changes: SsoConnectionChanges, now: Date): Promise<SsoConnection>;
  /** Stamps a successful sign-in (for the "no sign-in in 30 days" warning). */
  signedIn(orgId: string, now: Date): Promise<void>;
  domains(orgId: string): Promise<SsoDomain[]>;
  /** @throws AppError CONFLICT when another org claimed the domain. */
  addDomain(orgId: string, domain: string, now: Date): Promise<void>;
  removeDomain(orgId: string, domain: string): Promise<boolean>;
  /** False when the org never claimed the domain. */
  verifyDomain(orgId: string, domain: string, now: Date): Promise<boolean>;
  /** The org that verified this domain, if any. */
  orgOfVerifiedDomain(domain: string): Promise<string | null>;
  /** Remembers an AuthnRequest id we sent, for the ACS (shared by every replica), with where the code hand-off goes, if anywhere. */
  saveRequest(orgId: string, requestId: string, request: SamlRequestRecord): Promise<void>;
  /** Uses up a request id of this org that has not expired; null when there is none (never issued, used, expired, other org). */
  takeRequest(orgId: string, requestId: string, now: Date): Promise<SamlRequestRecord | null>;
  /** Records an assertion id of this org; false when it was already recorded (a replay). */
  rememberAssertion(orgId: string, assertionId: string, until: Date): Promise<boolean>;
  saveCode(record: SignInCodeRecord): Promise<void>;
  /**
   * Uses up an unexpired code of this org and return URL: its user id for exactly one of
   * concurrent callers (every replica), else null. A refused attempt leaves the code usable.
   */
  claimCode(query: { codeHash: string; orgId: string; returnUrl: string; now: Date }): Promise<string | null>;
  /** Deletes expired requests, remembered assertions and hand-off codes and remembered assertions (FerretDB has no TTL indexes). */
  sweep(now: Date): Promise<number>;
}

/** An AuthnRequest we issued: until when it may be answered, and the hand-off URL (null: the web app). */
export type SamlRequestRecord = { expiresAt: Date; returnUrl: string | null };
