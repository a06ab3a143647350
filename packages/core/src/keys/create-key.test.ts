import { expect, it } from 'vitest';
import { createKey } from './create-key.ts';
import type { KeyDeps } from './key-deps.ts';

it('never grants a scope its issuer lacks, before touching storage', async () => {
  const untouched = new Proxy({}, { get: () => () => Promise.reject(new Error('storage must not be reached')) });
  const deps = {
    keys: untouched,
    users: untouched,
    serviceAccounts: untouched,
    clock: { now: () => new Date() },
  } as unknown as KeyDeps;
  const options = { orgId: 'o', name: 'k', ownerType: 'service_account' as const, ownerId: 's' };
  await expect(createKey(deps, { ...options, scopes: ['admin'], issuerScopes: ['scim'] })).rejects.toMatchObject({
    code: 'FORBIDDEN',
    message: expect.stringMatching(/admin/),
  });
  await expect(
    createKey(deps, { ...options, scopes: ['users:read', 'users:write'], issuerScopes: ['users:read'] }),
  ).rejects.toMatchObject({ message: expect.stringMatching(/users:write$/) });
});
