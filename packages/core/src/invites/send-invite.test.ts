import { describe, expect, it } from 'vitest';
import { inviteWorld } from '../testing/invite-world.ts';
import { inviteRow } from '../testing/memory-invites.ts';
import { PermanentDeliveryError } from './invite-ports.ts';
import { hashInviteToken } from './invite-token.ts';
import { CLAIM_TIMEOUT_MS, sendInvite, USER_ARRIVAL_WINDOW_MS } from './send-invite.ts';

const HOUR = 3_600_000;
const pending = () => [inviteRow({ id: 'i1', userId: 'ann' })];
const tokenOf = (link: string) => link.split('/').at(-1) ?? '';

describe('sendInvite', () => {
  it('mails one link that works for 48 hours, stores only its hash, and sends once', async () => {
    const world = inviteWorld({ rows: pending() });
    await expect(sendInvite(world.deps, { orgId: 'o', inviteId: 'i1' })).resolves.toEqual({ outcome: 'sent' });
    expect(world.mails).toHaveLength(1);
    const [mail] = world.mails;
    expect(mail).toMatchObject({ to: 'ann@example.com', recipientName: 'Ann Example', orgName: 'Acme' });
    expect(mail?.link).toMatch(/^https:\/\/app\.example\/invite\/[A-Za-z0-9_-]{43}$/);
    const expiresAt = new Date(world.clock.now().getTime() + 48 * HOUR);
    expect(mail?.expiresAt).toEqual(expiresAt);
    expect(world.rows[0]).toMatchObject({
      state: 'sent',
      tokenHash: hashInviteToken(tokenOf(mail?.link ?? '')),
      expiresAt,
    });
    expect(JSON.stringify(world.rows)).not.toContain(tokenOf(mail?.link ?? ''));

    await expect(sendInvite(world.deps, { orgId: 'o', inviteId: 'i1' })).resolves.toEqual({ outcome: 'skipped' });
    expect(world.mails).toHaveLength(1);
  });

  it('releases its claim and rethrows on a transient failure, so the retry sends', async () => {
    const world = inviteWorld({ rows: pending() });
    world.refuseWith(new Error('connection reset'));
    await expect(sendInvite(world.deps, { orgId: 'o', inviteId: 'i1' })).rejects.toThrow('connection reset');
    expect(world.rows[0]).toMatchObject({ state: 'pending', lastError: 'connection reset' });
    world.refuseWith(null);
    await expect(sendInvite(world.deps, { orgId: 'o', inviteId: 'i1' })).resolves.toEqual({ outcome: 'sent' });
    expect(world.mails).toHaveLength(1);
  });

  it('records a permanent refusal as failed and does not retry it', async () => {
    const world = inviteWorld({ rows: pending() });
    world.refuseWith(new PermanentDeliveryError('550 no such mailbox'));
    await expect(sendInvite(world.deps, { orgId: 'o', inviteId: 'i1' })).resolves.toEqual({
      outcome: 'failed',
      reason: '550 no such mailbox',
    });
    expect(world.rows[0]).toMatchObject({ state: 'failed', failedReason: '550 no such mailbox' });
    await expect(sendInvite(world.deps, { orgId: 'o', inviteId: 'i1' })).resolves.toEqual({ outcome: 'skipped' });
  });

  it('mails nobody who is no longer waiting for an invite', async () => {
    const world = inviteWorld({ rows: pending() });
    const ann = world.people.get('ann');
    if (ann) world.people.set('ann', { ...ann, status: 'deactivated' });
    await expect(sendInvite(world.deps, { orgId: 'o', inviteId: 'i1' })).resolves.toEqual({
      outcome: 'failed',
      reason: 'the user is deactivated, not waiting for an invite',
    });
    expect(world.mails).toEqual([]);
  });

  it('leaves an invite whose user is still being created for the sweep, and fails it once that user cannot come', async () => {
    const world = inviteWorld({
      rows: [inviteRow({ id: 'i1', userId: 'bob', createdAt: new Date('2026-01-01T00:00:00Z') })],
    });
    await expect(sendInvite(world.deps, { orgId: 'o', inviteId: 'i1' })).resolves.toEqual({ outcome: 'skipped' });
    expect(world.rows[0]?.state).toBe('pending');
    world.clock.advance(USER_ARRIVAL_WINDOW_MS);
    await expect(sendInvite(world.deps, { orgId: 'o', inviteId: 'i1' })).resolves.toEqual({
      outcome: 'failed',
      reason: 'the user no longer exists',
    });
    expect(world.mails).toEqual([]);
  });

  it('leaves a live claim of another worker alone and retakes one older than the claim timeout', async () => {
    const world = inviteWorld();
    world.rows.push(
      inviteRow({ id: 'i1', userId: 'ann', state: 'sending', tokenHash: 'theirs', claimedAt: world.clock.now() }),
    );
    world.clock.advance(CLAIM_TIMEOUT_MS - 1);
    await expect(sendInvite(world.deps, { orgId: 'o', inviteId: 'i1' })).resolves.toEqual({ outcome: 'skipped' });
    expect(world.mails).toEqual([]);
    world.clock.advance(2);
    await expect(sendInvite(world.deps, { orgId: 'o', inviteId: 'i1' })).resolves.toEqual({ outcome: 'sent' });
    expect(world.rows[0]?.tokenHash).not.toBe('theirs');
  });

  it('keeps recording a sent mail through a database outage while its claim holds, so nobody mails twice', async () => {
    const world = inviteWorld({ rows: pending() });
    const backAt = world.clock.now().getTime() + 20_000;
    const invites = world.deps.invites;
    const deps = {
      ...world.deps,
      pause: (ms: number) => Promise.resolve(void world.clock.advance(ms)),
      invites: {
        ...world.deps.invites,
        markSent: (...args: Parameters<typeof invites.markSent>) =>
          world.clock.now().getTime() < backAt
            ? Promise.reject(new Error('connection closed'))
            : invites.markSent(...args),
      },
    };
    await expect(sendInvite(deps, { orgId: 'o', inviteId: 'i1' })).resolves.toEqual({ outcome: 'sent' });
    expect(world.rows[0]?.state).toBe('sent');
    // Nothing to retake: a later job (or the sweep past the claim timeout) mails nobody.
    world.clock.advance(CLAIM_TIMEOUT_MS + 1);
    await expect(sendInvite(deps, { orgId: 'o', inviteId: 'i1' })).resolves.toEqual({ outcome: 'skipped' });
    expect(world.mails).toHaveLength(1);
  });

  it('gives up recording before its claim goes stale when the database stays away (the job retries)', async () => {
    const world = inviteWorld({ rows: pending() });
    const claimedAt = world.clock.now().getTime();
    const deps = {
      ...world.deps,
      pause: (ms: number) => Promise.resolve(void world.clock.advance(ms)),
      invites: { ...world.deps.invites, markSent: () => Promise.reject(new Error('connection closed')) },
    };
    await expect(sendInvite(deps, { orgId: 'o', inviteId: 'i1' })).rejects.toThrow('connection closed');
    expect(world.clock.now().getTime()).toBeLessThan(claimedAt + CLAIM_TIMEOUT_MS);
  });
});
