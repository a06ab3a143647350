import { describe, expect, it } from 'vitest';
import { emptySsoConnection } from './sso-connection.ts';
import type { SsoConnection } from './sso-connection.ts';
import { ssoWarnings } from './sso-warnings.ts';

const now = new Date('2026-06-01T00:00:00Z');
const day = 86_400_000;
const daysAgo = (days: number) => new Date(now.getTime() - days * day).toISOString();
const cert = (daysLeft: number) => ({
  der: 'x',
  fingerprint: 'AB:CD:EF:01:23',
  subject: 'CN=idp',
  notAfter: new Date(now.getTime() + daysLeft * day).toISOString(),
});
const idpWith = (...certificates: ReturnType<typeof cert>[]) => ({
  entityId: 'e',
  ssoUrl: 'https://idp/sso',
  certificates,
  metadataUrl: null,
});
const connection = (over: Partial<SsoConnection>): SsoConnection => ({
  ...emptySsoConnection('o'),
  idp: idpWith(cert(365)),
  lastSignInAt: daysAgo(1),
  connectedAt: daysAgo(100),
  lastModified: daysAgo(100),
  ...over,
});
const codes = (c: SsoConnection) => ssoWarnings(c, now).map((w) => w.code);

describe('ssoWarnings', () => {
  it('says nothing for a healthy connection, or for none', () => {
    expect(codes(connection({}))).toEqual([]);
    expect(codes(emptySsoConnection('o'))).toEqual([]);
  });

  it.each([
    [29, ['certificate_expiring']],
    [30, ['certificate_expiring']],
    [31, []],
    [0.001, ['certificate_expiring']],
    [0, ['certificate_expired']],
    [-1, ['certificate_expired']],
  ])('a certificate with %s days left: %j', (daysLeft, expected) => {
    expect(codes(connection({ idp: idpWith(cert(daysLeft)) }))).toEqual(expected);
  });

  it('warns about each of two certificates (a rotation) on its own, with its day', () => {
    const warnings = ssoWarnings(connection({ idp: idpWith(cert(365), cert(-2)) }), now);
    expect(warnings).toEqual([
      { code: 'certificate_expired', message: expect.stringContaining('expired on 2026-05-30') as string },
    ]);
  });

  it.each([
    [29, []],
    [30, []],
    [31, ['no_recent_sign_in']],
  ])('last sign-in %s days ago: %j', (days, expected) => {
    expect(codes(connection({ lastSignInAt: daysAgo(days) }))).toEqual(expected);
  });

  it('never signed in: warns once the connection is older than 30 days, counted from its first set-up', () => {
    const never = (connectedDaysAgo: number) =>
      connection({ lastSignInAt: null, connectedAt: daysAgo(connectedDaysAgo) });
    expect(codes(never(31))).toEqual(['no_recent_sign_in']);
    expect(ssoWarnings(never(31), now)[0]?.message).toContain('since it was set up on 2026-05-01');
    expect(codes(never(30))).toEqual([]);
    expect(codes(never(1))).toEqual([]);
    // An edit yesterday does not make a 40-day-old connection young.
    expect(codes(connection({ lastSignInAt: null, connectedAt: daysAgo(40), lastModified: daysAgo(1) }))).toEqual([
      'no_recent_sign_in',
    ]);
  });

  it('names the last sign-in day', () => {
    expect(ssoWarnings(connection({ lastSignInAt: daysAgo(45) }), now)[0]?.message).toContain('since 2026-04-17');
  });
});
