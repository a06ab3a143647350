import { describe, expect, it } from 'vitest';
import type { Scope } from '../auth/principal.ts';
import { fixedClock } from '../testing/fixed-clock.ts';
import { memoryKeys } from '../testing/memory-keys.ts';
import { hashKeySecret } from './key-token.ts';
import { revokeOwnerKeys, SCIM_KEY_RECENT_MS } from './revoke-owner-keys.ts';

const DAY = 24 * 3600_000;

async function setup() {
  const keys = memoryKeys();
  const clock = fixedClock();
  const alerts: { orgId: string; keyId: string }[] = [];
  const add = (id: string, ownerId: string, scopes: Scope[]) =>
    keys.repo.insert('org-1', {
      id,
      name: id,
      ownerType: 'user',
      ownerId,
      scopes,
      secretHash: hashKeySecret(id),
      now: clock.now(),
    });
  await add('scim-recent', 'ann', ['scim']);
  await add('scim-stale', 'ann', ['scim']);
  await add('admin-key', 'ann', ['admin']);
  await add('bobs', 'bob', ['scim']);
  keys.stamp('scim-recent', 'lastScimUsedAt', new Date(clock.now().getTime() - DAY));
  keys.stamp('scim-stale', 'lastScimUsedAt', new Date(clock.now().getTime() - SCIM_KEY_RECENT_MS - DAY));
  const deps = {
    keys: keys.repo,
    clock,
    alerts: { keyRevoked: (a: { orgId: string; keyId: string }) => Promise.resolve(void alerts.push(a)) },
  };
  return { keys, clock, alerts, deps };
}

const ids = (keys: { id: string }[]) => keys.map((k) => k.id).sort();

describe('revokeOwnerKeys', () => {
  it('revokes every key of a deprovisioned owner and alerts only for those in SCIM use', async () => {
    const { deps, alerts, keys } = await setup();
    const { revoked, alerted } = await revokeOwnerKeys(deps, {
      orgId: 'org-1',
      ownerId: 'ann',
      reason: 'owner_deactivated',
    });
    expect(ids(revoked)).toEqual(['admin-key', 'scim-recent', 'scim-stale']);
    expect(revoked.every((k) => k.revokedReason === 'owner_deactivated')).toBe(true);
    expect(ids(alerted)).toEqual(['scim-recent']);
    expect(alerts).toEqual([{ orgId: 'org-1', keyId: 'scim-recent' }]);
    // Another owner's key is untouched.
    expect((await keys.repo.findById('org-1', 'bobs'))?.revokedAt).toBeNull();
  });

  it('counts the key of the SCIM request making the change as in use', async () => {
    const { deps } = await setup();
    const { alerted } = await revokeOwnerKeys(deps, {
      orgId: 'org-1',
      ownerId: 'ann',
      reason: 'owner_deleted',
      activeScimKeyId: 'scim-stale',
    });
    expect(ids(alerted)).toEqual(['scim-recent', 'scim-stale']);
  });

  it('takes only the admin keys of a demoted owner, and alerts for each', async () => {
    const { deps, keys } = await setup();
    const { revoked, alerted } = await revokeOwnerKeys(deps, {
      orgId: 'org-1',
      ownerId: 'ann',
      reason: 'owner_demoted',
    });
    expect(ids(revoked)).toEqual(['admin-key']);
    expect(ids(alerted)).toEqual(['admin-key']);
    expect((await keys.repo.findById('org-1', 'scim-recent'))?.revokedAt).toBeNull();
  });

  it('keeps the revocation when an alert cannot be queued, and reports it', async () => {
    const { deps } = await setup();
    const failed: string[] = [];
    const { revoked } = await revokeOwnerKeys(
      {
        ...deps,
        alerts: { keyRevoked: () => Promise.reject(new Error('queue down')) },
        onAlertError: (_e, key) => failed.push(key.id),
      },
      { orgId: 'org-1', ownerId: 'ann', reason: 'owner_deleted' },
    );
    expect(revoked).toHaveLength(3);
    expect(failed).toEqual(['scim-recent']);
  });
});
