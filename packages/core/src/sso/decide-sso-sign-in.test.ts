import { describe, expect, it } from 'vitest';
import { decideSsoSignIn } from './decide-sso-sign-in.ts';

describe('decideSsoSignIn', () => {
  it('signs in an active user', () => {
    expect(decideSsoSignIn([{ id: 'u1', status: 'active' }], false)).toEqual({ kind: 'sign_in', userId: 'u1' });
  });
  it('accepts an invited user’s invite', () => {
    expect(decideSsoSignIn([{ id: 'u1', status: 'invited' }], false)).toEqual({ kind: 'accept_invite', userId: 'u1' });
  });
  it('refuses a deactivated user, whatever JIT says', () => {
    expect(decideSsoSignIn([{ id: 'u1', status: 'deactivated' }], true)).toEqual({
      kind: 'refuse',
      reason: 'deactivated',
    });
  });
  it('creates an unknown user only when JIT is on', () => {
    expect(decideSsoSignIn([], true)).toEqual({ kind: 'create_jit' });
    expect(decideSsoSignIn([], false)).toEqual({ kind: 'refuse', reason: 'not_assigned' });
  });
  it('counts one user found by both userName and email once, and refuses two', () => {
    const same = { id: 'u1', status: 'active' as const };
    expect(decideSsoSignIn([same, same], false)).toEqual({ kind: 'sign_in', userId: 'u1' });
    expect(decideSsoSignIn([same, { id: 'u2', status: 'active' }], true)).toEqual({
      kind: 'refuse',
      reason: 'ambiguous',
    });
  });
});
