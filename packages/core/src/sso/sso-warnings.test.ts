import { describe, expect, it } from 'vitest';
import { emptySsoConnection } from './sso-connection.ts';
import type { SsoConnection } from './sso-connection.ts';
import { ssoWarnings } from './sso-warnings.ts';

const now = new Date('2026-06-01T00:00:00Z');
const day = 86_400_000;
const cert = (daysLeft: number) => ({
  der: 'x',
  fingerprint: 'AB:CD:EF:01:23',
  subject: 'CN=idp',
  notAfter: new Date(now.getTime() + daysLeft * day).toISOString(),
});
const connection = (over: Partial<SsoConnection>): SsoConnection => ({
  ...emptySsoConnection('o'),
  idp: { entityId: 'e', ssoUrl: 'https://idp/sso', certificates: [cert(365)], metadataUrl: null },
  lastSignInAt: new Date(now.getTime() - day).toISOString(),
  lastModified: new Date(now.getTime() - 100 * day).toISOString(),
  ...over,
});
const codes = (c: SsoConnection) => ssoWarnings(c, now).map((w) => w.code);

describe('ssoWarnings', () => {
  it('says nothing for a healthy connection, or for none', () => {
    expect(codes(connection({}))).toEqual([]);
    expect(codes(emptySsoConnection('o'))).toEqual([]);
  });
  it('warns about a certificate ending within 30 days, and one already ended', () => {
    const idp = { entityId: 'e', ssoUrl: 'https://idp/sso', certificates: [cert(29), cert(-1)], metadataUrl: null };
    expect(codes(connection({ idp }))).toEqual(['certificate_expiring', 'certificate_expired']);
    expect(codes(connection({ idp: { ...idp, certificates: [cert(31)] } }))).toEqual([]);
  });
  it('warns when nobody signed in for 30 days, or since a set-up 30 days old', () => {
    expect(codes(connection({ lastSignInAt: new Date(now.getTime() - 31 * day).toISOString() }))).toEqual([
      'no_recent_sign_in',
    ]);
    expect(codes(connection({ lastSignInAt: null }))).toEqual(['no_recent_sign_in']);
    expect(
      codes(connection({ lastSignInAt: null, lastModified: new Date(now.getTime() - day).toISOString() })),
    ).toEqual([]);
  });
});
