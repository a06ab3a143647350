import { describe, expect, it } from 'vitest';
import { inviteWorld } from '../testing/invite-world.ts';
import { inviteRow } from '../testing/memory-invites.ts';
import { acceptInvite } from './accept-invite.ts';
import { generateInviteToken } from './invite-token.ts';

const HOUR = 3_600_000;
const PASSWORD = 'correct horse battery';

/** Ann's invite, mailed: the token is what the link carries, the row holds its hash. */
function mailed(options: { ssoEnabled?: boolean } = {}) {
  const { token, tokenHash } = generateInviteToken();
  const world = inviteWorld(options);
  world.rows.push(
    inviteRow({
      id: 'i1',
      userId: 'ann',
      state: 'sent',
      tokenHash,
      expiresAt: new Date(world.clock.now().getTime() + 48 * HOUR),
    }),
  );
  return { token, ...world };
}

describe('acceptInvite', () => {
  it('uses the token once: Ann becomes active with a hashed password, a second click reads "used"', async () => {
    const world = mailed();
    await expect(acceptInvite(world.deps, { token: world.token, password: PASSWORD })).resolves.toEqual({
      ok: true,
      orgId: 'o',
      userId: 'ann',
      signIn: 'password',
    });
    expect(world.rows[0]?.state).toBe('accepted');
    const ann = world.people.get('ann');
    expect(ann?.status).toBe('active');
    expect(ann?.passwordHash).toBeDefined();
    expect(ann?.passwordHash).not.toContain(PASSWORD);
    await expect(acceptInvite(world.deps, { token: world.token, password: PASSWORD })).resolves.toEqual({
      ok: false,
      problem: 'used',
    });
  });

  it('refuses a missing or weak password without using the token', async () => {
    const world = mailed();
    await expect(acceptInvite(world.deps, { token: world.token })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(acceptInvite(world.deps, { token: world.token, password: 'short' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(world.rows[0]?.state).toBe('sent');
    expect(world.people.get('ann')?.status).toBe('invited');
  });

  it('reads "expired" after 48 hours and changes nothing', async () => {
    const world = mailed();
    world.clock.advance(48 * HOUR);
    await expect(acceptInvite(world.deps, { token: world.token, password: PASSWORD })).resolves.toEqual({
      ok: false,
      problem: 'expired',
    });
    expect(world.rows[0]?.state).toBe('sent');
    expect(world.people.get('ann')?.status).toBe('invited');
  });

  it('reads "superseded" once a newer invite was issued', async () => {
    const world = mailed();
    world.rows.push(inviteRow({ id: 'i2', userId: 'ann', version: 2 }));
    await expect(acceptInvite(world.deps, { token: world.token, password: PASSWORD })).resolves.toEqual({
      ok: false,
      problem: 'superseded',
    });
  });

  it('needs no password where the org signs in through SSO, and stores none', async () => {
    const world = mailed({ ssoEnabled: true });
    await expect(acceptInvite(world.deps, { token: world.token })).resolves.toMatchObject({ ok: true, signIn: 'sso' });
    expect(world.people.get('ann')).toMatchObject({ status: 'active' });
    expect(world.people.get('ann')?.passwordHash).toBeUndefined();
  });

  it('reads "unknown" for a token that was never issued', async () => {
    const world = mailed();
    await expect(acceptInvite(world.deps, { token: generateInviteToken().token, password: PASSWORD })).resolves.toEqual(
      {
        ok: false,
        problem: 'unknown',
      },
    );
  });
});
