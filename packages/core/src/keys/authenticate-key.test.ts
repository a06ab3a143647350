import { describe, expect, it } from 'vitest';
import { fixedClock } from '../testing/fixed-clock.ts';
import { memoryKeys } from '../testing/memory-keys.ts';
import { authenticateKey } from './authenticate-key.ts';
import { formatKeyToken, generateKeySecret, hashKeySecret } from './key-token.ts';

const KEY_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

async function setup() {
  const keys = memoryKeys();
  const clock = fixedClock();
  const secret = generateKeySecret();
  await keys.repo.insert('org-1', {
    id: KEY_ID,
    name: 'okta',
    ownerType: 'user',
    ownerId: 'u-1',
    scopes: ['scim'],
    secretHash: hashKeySecret(secret),
    now: clock.now(),
  });
  return { keys, clock, token: formatKeyToken(KEY_ID, secret), deps: { keys: keys.repo, clock } };
}

describe('authenticateKey', () => {
  it('gives the org principal of a live key and stamps its use', async () => {
    const { deps, token, keys, clock } = await setup();
    expect(await authenticateKey(deps, token)).toEqual({
      kind: 'org',
      orgId: 'org-1',
      scopes: ['scim'],
      keyId: KEY_ID,
      ownerId: 'u-1',
    });
    expect(keys.uses).toEqual([{ keyId: KEY_ID, field: 'lastUsedAt', now: clock.now() }]);
  });

  it('answers null for a malformed token, an unknown id and a wrong secret, without stamping', async () => {
    const { deps, keys } = await setup();
    expect(await authenticateKey(deps, 'Bearer nonsense')).toBeNull();
    expect(
      await authenticateKey(deps, formatKeyToken('0190a1b2-c3d4-7e5f-8a9b-000000000000', generateKeySecret())),
    ).toBeNull();
    expect(await authenticateKey(deps, formatKeyToken(KEY_ID, generateKeySecret()))).toBeNull();
    expect(keys.uses).toEqual([]);
  });

  it('tells the holder of the real secret why a revoked key stopped working', async () => {
    const { deps, token, keys, clock } = await setup();
    await keys.repo.revoke('org-1', KEY_ID, { reason: 'owner_deactivated', now: clock.now() });
    await expect(authenticateKey(deps, token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/deactivated/),
    });
    // Without the secret, a revoked key is as unknown as any other.
    expect(await authenticateKey(deps, formatKeyToken(KEY_ID, generateKeySecret()))).toBeNull();
  });

  it('still authenticates when the use stamp fails, and reports the failure', async () => {
    const { deps, token } = await setup();
    const failures: unknown[] = [];
    const failing = { ...deps.keys, noteUse: () => Promise.reject(new Error('usage store down')) };
    expect(
      await authenticateKey({ ...deps, keys: failing, onTouchError: (e) => failures.push(e) }, token),
    ).toMatchObject({ keyId: KEY_ID });
    expect(failures).toHaveLength(1);
  });
});
