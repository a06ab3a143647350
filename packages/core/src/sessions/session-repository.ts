import type { SessionKind, SessionRecord } from './session-record.ts';

/** Storage of browser sessions (keyed by the hash of their id; no raw id is ever stored). */
export interface SessionRepository {
  insert(session: SessionRecord): Promise<void>;
  find(idHash: string): Promise<SessionRecord | null>;
  /** Moves `lastSeenAt` to `now` (only forward). */
  touch(idHash: string, now: Date): Promise<void>;
  /** A platform session picks (or switches) the org it acts in. */
  setOrg(idHash: string, orgId: string): Promise<void>;
  delete(idHash: string): Promise<void>;
  /** Signs a user out everywhere; returns how many sessions ended. */
  deleteForUser(orgId: string, userId: string): Promise<number>;
  /** Removes sessions past `expiresAt <= now`, or of a kind idle since before that kind's `idleBefore`. */
  deleteExpired(now: Date, idleBefore: Record<SessionKind, Date>): Promise<number>;
}

/** One org account a password may belong to (an email can be an admin in several orgs). */
export type SignInCandidate = {
  orgId: string;
  orgName: string;
  userId: string;
  passwordHash: string;
  /** The user's version, read with the hash: a rehash is written only at this version. */
  version: number;
};

/** What sign-in reads about users and orgs, across orgs. */
export interface SignInDirectory {
  /** Active admin users whose userName or email is `emailKey` (NFC, lower-cased), with a password. */
  candidates(emailKey: string): Promise<SignInCandidate[]>;
  /** Orgs for the platform admin's picker, by name. */
  orgs(): Promise<Array<{ id: string; name: string; plan: string }>>;
}
