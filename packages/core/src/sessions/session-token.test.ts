import { describe, expect, it } from 'vitest';
import { principalOf } from './resolve-session.ts';
import { sessionEndsAt, SESSION_LIFETIMES } from './session-record.ts';
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
  const hour = 3600_000;
  const base = {
    idHash: 'h',
    kind: 'user' as const,
    orgId: 'o',
    userId: 'u',
    platformTokenHash: null,
    createdAt: created,
    expiresAt: new Date(created.getTime() + 7 * 24 * hour),
  };
  it('ends 12 hours after the last request, never past 7 days, for an org admin', () => {
    expect(SESSION_LIFETIMES.user).toEqual({ idleMs: 12 * hour, absoluteMs: 7 * 24 * hour });
    expect(sessionEndsAt({ ...base, lastSeenAt: created }).getTime()).toBe(created.getTime() + 12 * hour);
    const late = new Date(created.getTime() + 7 * 24 * hour - hour);
    expect(sessionEndsAt({ ...base, lastSeenAt: late })).toEqual(base.expiresAt);
  });

  it('ends 15 minutes after the last request, never past 1 hour, for the platform admin', () => {
    expect(SESSION_LIFETIMES.platform).toEqual({ idleMs: 15 * 60_000, absoluteMs: hour });
    const platform = {
      ...base,
      kind: 'platform' as const,
      userId: null,
      platformTokenHash: 'x',
      expiresAt: new Date(created.getTime() + hour),
    };
    expect(sessionEndsAt({ ...platform, lastSeenAt: created }).getTime()).toBe(created.getTime() + 15 * 60_000);
    expect(sessionEndsAt({ ...platform, lastSeenAt: new Date(created.getTime() + 55 * 60_000) })).toEqual(
      platform.expiresAt,
    );
  });

  it('resolves to an org admin principal naming its session; platform sessions only once an org is picked', () => {
    expect(principalOf({ ...base, lastSeenAt: created })).toEqual({
      kind: 'org',
      orgId: 'o',
      scopes: ['admin'],
      sessionIdHash: 'h',
      session: { kind: 'user', userId: 'u' },
    });
    expect(principalOf({ ...base, kind: 'platform', orgId: null, userId: null, lastSeenAt: created })).toBeNull();
    expect(principalOf({ ...base, kind: 'platform', userId: null, lastSeenAt: created })).toEqual({
      kind: 'org',
      orgId: 'o',
      scopes: ['admin'],
      sessionIdHash: 'h',
      session: { kind: 'platform' },
    });
  });
});
