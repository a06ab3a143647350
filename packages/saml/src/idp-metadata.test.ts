import { describe, expect, it } from 'vitest';
import { parseIdpMetadata } from './idp-metadata.ts';
import { SamlConfigProblem } from './saml-problem.ts';
import { newTestKeyPair, testIdpMetadata } from './testing/test-idp.ts';

describe('parseIdpMetadata', () => {
  const a = newTestKeyPair();
  const b = newTestKeyPair(20);

  it('extracts the entity id, the redirect SSO URL and both certificates of a rotation', () => {
    const parsed = parseIdpMetadata(
      testIdpMetadata('https://idp.example/e', 'https://idp.example/sso', [a.der, b.der]),
    );
    expect(parsed.entityId).toBe('https://idp.example/e');
    expect(parsed.ssoUrl).toBe('https://idp.example/sso');
    expect(parsed.certificates.map((c) => c.der)).toEqual([a.der, b.der]);
    expect(parsed.certificates[0]?.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    // The second certificate was made for 20 days: its end is what the SSO page warns about.
    expect(Date.parse(parsed.certificates[1]?.notAfter ?? '')).toBeLessThan(Date.now() + 21 * 86_400_000);
  });

  it.each([
    ['not XML', 'hello', /not well-formed|EntityDescriptor/],
    ['a DOCTYPE', '<!DOCTYPE x [<!ENTITY e "x">]><x/>', /DOCTYPE|well-formed/],
    [
      'no IdP',
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>',
      /no identity provider/,
    ],
    ['no certificate', testIdpMetadata('x', 'https://idp.example/sso', []), /no signing certificate/],
    [
      'three certificates',
      testIdpMetadata('x', 'https://idp.example/sso', [a.der, b.der, newTestKeyPair().der]),
      /more than two/,
    ],
    ['a javascript: SSO URL', testIdpMetadata('x', 'javascript:alert(1)', [a.der]), /http\(s\) SingleSignOnService/],
    ['a broken certificate', testIdpMetadata('x', 'https://idp.example/sso', ['AAAA']), /not a valid X.509/],
  ])('refuses %s with a reason', (_label, xml, message) => {
    expect(() => parseIdpMetadata(xml)).toThrow(SamlConfigProblem);
    expect(() => parseIdpMetadata(xml)).toThrow(message);
  });
});
