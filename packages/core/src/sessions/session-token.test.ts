import { describe, expect, it } from 'vitest';
import { principalOf } from './resolve-session.ts';
import { sessionEndsAt, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-record.ts';
import { csrfTokenOf, hashSessionToken, isSessionTokenShape, newSessionToken } from './session-token.ts';

describe('session tokens', () => {
  it('are 256 random bits, and neither the stored hash nor the CSRF token reveals them', () => {
    const token = newSessionToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(isSessionTokenShape(token)).toBe(true);
    expect(newSessionToken()).not.toBe(token);
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(csrfTokenOf(token)).not.toBe(token);
    expect(csrfTokenOf(token)).not.toContain(hashSessionToken(token).slice(0, 16));
    expect(csrfTokenOf(token)).toBe(csrfTokenOf(token));
    expect(isSessionTokenShape('../etc/passwd')).toBe(false);
  });
});

describe('session lifetime', () => {
  const created = new Date('2026-01-01T00:00:00Z');
  const base = { idHash: 'h', kind: 'user' as const, orgId: 'o', userId: 'u', createdAt: created, expiresAt: new Date(created.getTime() + SESSION_ABSOLUTE_MS) };
  it('ends 12 hours after the last request, never past 7 days', () => {
    expect(sessionEndsAt({ ...base, lastSeenAt: created }).getTime()).toBe(created.getTime() + SESSION_IDLE_MS);
    const late = new Date(created.getTime() + SESSION_ABSOLUTE_MS - 3600_000);
    expect(sessionEndsAt({ ...base, lastSeenAt: late })).toEqual(base.expiresAt);
  });

  it('resolves to an org admin principal owned by the user; platform sessions only once an org is picked', () => {
    expect(principalOf({ ...base, lastSeenAt: created })).toEqual({ kind: 'org', orgId: 'o', scopes: ['admin'], ownerId: 'u', sessionIdHash: 'h' });
    expect(principalOf({ ...base, kind: 'platform', orgId: null, userId: null, lastSeenAt: created })).toBeNull();
    expect(principalOf({ ...base, kind: 'platform', userId: null, lastSeenAt: created })).toEqual({ kind: 'org', orgId: 'o', scopes: ['admin'], sessionIdHash: 'h' });
  });
});
