import { describe, expect, it } from 'vitest';
import { assertWriteAllowed } from './write-authority.ts';
import type { GuardedState, WriteAuthority } from './write-authority.ts';

const key: WriteAuthority = { admin: false, adminDelegated: false };
const admin: WriteAuthority = { admin: true, adminDelegated: false };
const delegated: WriteAuthority = { admin: false, adminDelegated: true };
const user = (
  over: Partial<GuardedState> = {},
  attributes: Partial<GuardedState['attributes']> = {},
): GuardedState => ({
  role: 'admin',
  status: 'active',
  ...over,
  attributes: { userName: 'Ada@Example.com', emails: [{ value: 'ada@example.com', primary: true }], ...attributes },
});
const forbidden = { code: 'FORBIDDEN', message: expect.stringMatching(/'admin' scope/) };

describe('assertWriteAllowed', () => {
  it('lets a key below admin create and change non-admins, and deprovision or demote admins', () => {
    expect(() => assertWriteAllowed(key, null, user({ role: 'standard' }))).not.toThrow();
    expect(() =>
      assertWriteAllowed(key, user({ role: 'standard' }), user({ role: 'read_only' }, { userName: 'x' })),
    ).not.toThrow();
    expect(() => assertWriteAllowed(key, user(), user({ status: 'deactivated' }))).not.toThrow();
    expect(() =>
      assertWriteAllowed(key, user(), user({ role: 'standard' }, { emails: [{ value: 'new@example.com' }] })),
    ).not.toThrow();
    expect(() =>
      assertWriteAllowed(
        key,
        user(),
        user({}, { userName: 'ADA@example.COM', emails: [{ value: 'Ada@Example.com', primary: true, type: 'work' }] }),
      ),
    ).not.toThrow();
  });

  it('refuses a key below admin making an admin, or moving or reviving one', () => {
    expect(() => assertWriteAllowed(key, null, user())).toThrow(expect.objectContaining(forbidden));
    expect(() => assertWriteAllowed(key, user({ role: 'standard' }), user())).toThrow(
      expect.objectContaining(forbidden),
    );
    expect(() => assertWriteAllowed(key, user(), user({}, { userName: 'mallory' }))).toThrow(
      expect.objectContaining(forbidden),
    );
    expect(() =>
      assertWriteAllowed(key, user(), user({}, { emails: [{ value: 'mallory@evil.example', primary: true }] })),
    ).toThrow(expect.objectContaining(forbidden));
    expect(() =>
      assertWriteAllowed(
        key,
        user(),
        user({}, { emails: [{ value: 'other@example.com', primary: true }, { value: 'ada@example.com' }] }),
      ),
    ).toThrow();
    expect(() => assertWriteAllowed(key, user({ status: 'deactivated' }), user({ status: 'invited' }))).toThrow(
      expect.objectContaining(forbidden),
    );
  });

  it('lets an admin, or a delegated IdP, do all of it', () => {
    for (const authority of [admin, delegated]) {
      expect(() => assertWriteAllowed(authority, null, user())).not.toThrow();
      expect(() =>
        assertWriteAllowed(authority, user({ status: 'deactivated' }), user({}, { userName: 'new' })),
      ).not.toThrow();
    }
  });
});
