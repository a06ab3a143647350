import type { Collection } from 'mongoose';
import type { Engine } from '../ferretdb/companion-plan.ts';

/** Whose password may open a web session: an active admin. Sign-in's query and its indexes share it. */
export const SIGN_IN_ACCOUNT = { status: 'active', role: 'admin' } as const;

/** The keys sign-in looks an email up by, across orgs (a userName, or any of the emails). */
export const SIGN_IN_KEYS = ['userNameKey', 'emailKeys'] as const;

/**
 * MongoDB's indexes for sign-in, the one read of `users` across orgs: every declared index of
 * `users` starts with `orgId`, so MongoDB scanned the whole collection on each attempt at an
 * unauthenticated endpoint. Partial on SIGN_IN_ACCOUNT (the query names both fields, so the
 * planner may use them): only admins have entries, and no other user's write touches them.
 * None on FerretDB, which refuses partial indexes ("not implemented") and serves the lookup
 * from the companion's GIN indexes of the same fields.
 */
export function signInIndexSpecs(engine: Engine) {
  if (engine.kind !== 'mongodb') return [];
  return SIGN_IN_KEYS.map((key) => ({
    key: { [key]: 1 },
    name: `sign_in_${key}`,
    partialFilterExpression: { ...SIGN_IN_ACCOUNT },
  }));
}

/** Creates `signInIndexSpecs` (idempotent); a failure is one warning, never a failed start. */
export async function ensureSignInIndexes(
  users: Collection,
  engine: Engine,
  warn: (message: string, err?: unknown) => void,
): Promise<void> {
  const specs = signInIndexSpecs(engine);
  if (!specs.length) return;
  try {
    await users.createIndexes(specs);
  } catch (err) {
    warn('sign-in indexes not created: each password sign-in scans users', err);
  }
}
