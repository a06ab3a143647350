import { hasScope } from '../auth/principal.ts';
import type { Scope } from '../auth/principal.ts';
import { AppError } from '../errors/app-error.ts';
import { uuidV7 } from '../ids/uuid-v7.ts';
import type { KeyDeps } from './key-deps.ts';
import type { KeyOwnerType, KeyRecord } from './key-record.ts';
import { formatKeyToken, generateKeySecret, hashKeySecret } from './key-token.ts';

export type CreateKeyOptions = {
  orgId: string;
  /** A label for humans ("okta-scim"). */
  name: string;
  ownerType: KeyOwnerType;
  ownerId: string;
  scopes: readonly Scope[];
  /** The scopes of the key or session issuing this one; absent when the platform admin does. */
  issuerScopes?: readonly Scope[];
};

/** The token is returned here and only here: storage keeps its SHA-256. */
export type CreatedKey = { key: KeyRecord; token: string };

async function assertOwner(deps: KeyDeps, { orgId, ownerType, ownerId, scopes }: CreateKeyOptions): Promise<void> {
  if (ownerType === 'service_account') {
    if (await deps.serviceAccounts.findById(orgId, ownerId)) return;
    throw new AppError('NOT_FOUND', { message: `service account ${ownerId} not found` });
  }
  const user = await deps.users.findById(orgId, ownerId);
  if (!user) throw new AppError('NOT_FOUND', { message: `user ${ownerId} not found` });
  // A deprovisioned person's keys are revoked; a new one would outlive the decision.
  if (user.status === 'deactivated')
    throw new AppError('BAD_REQUEST', { message: `user ${ownerId} is deactivated and cannot own a key` });
  // A demotion revokes a person's admin keys; a new one would outlive it.
  if (scopes.includes('admin') && user.role !== 'admin') {
    throw new AppError('BAD_REQUEST', { message: `user ${ownerId} is not an admin and cannot own an 'admin' key` });
  }
}

/** A key never grants more than its issuer holds. */
function assertGrantable({ scopes, issuerScopes }: CreateKeyOptions): void {
  const beyond = issuerScopes ? scopes.filter((scope) => !hasScope(issuerScopes, scope)) : [];
  if (beyond.length)
    throw new AppError('FORBIDDEN', { message: `a key cannot grant scopes its issuer lacks: ${beyond.join(', ')}` });
}

/**
 * Issues an application key owned by a user or a service account of the org: never with
 * a scope its issuer lacks, and an `admin` key only for a user who is an admin.
 */
export async function createKey(deps: KeyDeps, options: CreateKeyOptions): Promise<CreatedKey> {
  if (options.scopes.length === 0) throw new AppError('BAD_REQUEST', { message: 'a key needs at least one scope' });
  assertGrantable(options);
  await assertOwner(deps, options);
  const now = deps.clock.now();
  const id = uuidV7(now.getTime());
  const secret = generateKeySecret();
  const key = await deps.keys.insert(options.orgId, {
    id,
    name: options.name,
    ownerType: options.ownerType,
    ownerId: options.ownerId,
    scopes: [...new Set(options.scopes)],
    secretHash: hashKeySecret(secret),
    now,
  });
  return { key, token: formatKeyToken(id, secret) };
}
