import { createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authnRequestUrl, spMetadataXml } from './authn-request.ts';
import { spEndpoints } from './sp-endpoints.ts';
import { newTestKeyPair } from './testing/test-idp.ts';

const sp = spEndpoints('https://provisio.test', 'org-1');
const idp = { ssoUrl: 'https://idp.test/sso', certificates: [newTestKeyPair().certPem] };
const spKey = newTestKeyPair();
const signing = { privateKey: spKey.privateKey, certPem: spKey.certPem };

describe('AuthnRequest signing', () => {
  it('sends an unsigned request without an SP key', async () => {
    const url = new URL(await authnRequestUrl(sp, idp, '_r1', '/'));
    expect([...url.searchParams.keys()]).toEqual(['SAMLRequest', 'RelayState']);
  });

  it('signs the HTTP-Redirect query with RSA-SHA256, verifiable with the SP certificate', async () => {
    const url = new URL(await authnRequestUrl(sp, idp, '_r2', '/users', signing));
    const q = url.searchParams;
    expect(q.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    // The signed octets are the query as sent, in this order (SAML bindings §3.4.4.1).
    const signed = url.search
      .slice(1)
      .split('&')
      .filter((p) => !p.startsWith('Signature='))
      .join('&');
    const verify = (octets: string) =>
      createVerify('RSA-SHA256')
        .update(octets)
        .verify(spKey.certPem, q.get('Signature') ?? '', 'base64');
    expect(verify(signed)).toBe(true);
    expect(verify(signed.replace('RelayState=%2Fusers', 'RelayState=%2Fkeys'))).toBe(false);
  });

  it('advertises the signing certificate in the SP metadata only when it signs', () => {
    expect(spMetadataXml(sp)).toContain('AuthnRequestsSigned="false"');
    const signed = spMetadataXml(sp, signing);
    expect(signed).toContain('AuthnRequestsSigned="true"');
    expect(signed).toContain('<KeyDescriptor use="signing">');
    expect(signed).toContain(spKey.der.slice(0, 64));
  });
});
