import type { Collection } from 'mongoose';
import type { Engine } from './ferretdb/companion-plan.ts';

/** Whose password may open a web session: an active admin. Sign-in's query and its indexes share it. */
export const SIGN_IN_ACCOUNT = { status: 'active', role: 'admin' } as const;

/** The keys sign-in looks an email up by, across orgs (a userName, or any of the emails). */
export const SIGN_IN_KEYS = ['userNameKey', 'emailKeys'] as const;

/** An org's admins, whom alerts go to (`orgAdminContacts`): its query and its index share it. */
export const ORG_ADMIN = { role: 'admin' } as const;

export type PartialIndex = {
  collection: string;
  key: Record<string, 1>;
  name: string;
  partialFilterExpression: Record<string, string>;
};

/**
 * Indexes MongoDB gets beside the declared ones, partial on who is an admin: only admins have
 * entries, so no other user's write touches them. MongoDB uses one for a query whose
 * predicates include its filter, which each reader builds from the same constant.
 * - Sign-in, the one read of `users` across orgs: every declared `users` index starts with
 *   `orgId`, so each attempt at that unauthenticated endpoint scanned the collection.
 * - An org's admins (deprovision-brake and revoked-key alerts): read through the org's index,
 *   every user of the org was fetched to find its few admins.
 * None on FerretDB, which refuses partial indexes ("not implemented"); its GIN indexes serve
 * sign-in's equalities, and an org's admins are filtered in PostgreSQL.
 */
export function partialIndexes(engine: Engine): PartialIndex[] {
  if (engine.kind !== 'mongodb') return [];
  return [
    ...SIGN_IN_KEYS.map((key) => ({
      collection: 'users',
      key: { [key]: 1 as const },
      name: `sign_in_${key}`,
      partialFilterExpression: { ...SIGN_IN_ACCOUNT },
    })),
    { collection: 'users', key: { orgId: 1 }, name: 'org_admins', partialFilterExpression: { ...ORG_ADMIN } },
  ];
}

/** Creates `partialIndexes` (idempotent), one round trip per collection; a failure is one warning, never a failed start. */
export async function ensurePartialIndexes(
  collection: (name: string) => Collection,
  engine: Engine,
  warn: (message: string, err?: unknown) => void,
): Promise<void> {
  const byCollection = new Map<string, Array<Omit<PartialIndex, 'collection'>>>();
  for (const { collection: name, ...spec } of partialIndexes(engine))
    byCollection.set(name, [...(byCollection.get(name) ?? []), spec]);
  for (const [name, specs] of byCollection) {
    try {
      await collection(name).createIndexes(specs);
    } catch (err) {
      warn(`partial indexes of ${name} not created: their reads scan instead`, err);
    }
  }
}
