import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import type { SpEndpoints } from '../sp-endpoints.ts';

export type TestKeyPair = { privateKey: string; certPem: string; der: string };

/** A fresh RSA key and self-signed certificate (openssl, as any IdP would make one). */
export function newTestKeyPair(days = 365): TestKeyPair {
  const dir = mkdtempSync(join(tmpdir(), 'provisio-saml-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=test-idp',
        '-days',
        String(days),
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const certPem = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const der = certPem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
    return { privateKey: readFileSync(join(dir, 'key.pem'), 'utf8'), certPem, der };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type TestResponseOptions = {
  sp: SpEndpoints;
  idpEntityId: string;
  key: TestKeyPair;
  email: string;
  inResponseTo?: string | null;
  assertionId?: string;
  audience?: string;
  destination?: string | null;
  recipient?: string;
  issuer?: string;
  /** Offsets from now, in ms. */
  notBeforeMs?: number;
  notOnOrAfterMs?: number;
  attributes?: Record<string, string[]>;
  sign?: { assertion: boolean; response: boolean };
};

const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The assertion XML alone (unsigned), as an IdP would write it. */
export function testAssertionXml(o: TestResponseOptions): string {
  const id = o.assertionId ?? `_a${randomUUID().replace(/-/g, '')}`;
  const irt = o.inResponseTo ? ` InResponseTo="${escape(o.inResponseTo)}"` : '';
  const attributes = Object.entries(o.attributes ?? {})
    .map(
      ([name, values]) =>
        `<saml:Attribute Name="${escape(name)}">${values.map((v) => `<saml:AttributeValue>${escape(v)}</saml:AttributeValue>`).join('')}</saml:Attribute>`,
    )
    .join('');
  return (
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${iso(0)}">` +
    `<saml:Issuer>${escape(o.issuer ?? o.idpEntityId)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${escape(o.email)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData NotOnOrAfter="${iso(o.notOnOrAfterMs ?? 5 * 60_000)}" Recipient="${escape(o.recipient ?? o.sp.acsUrl)}"${irt}/>` +
    `</saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${iso(o.notBeforeMs ?? -5_000)}" NotOnOrAfter="${iso(o.notOnOrAfterMs ?? 5 * 60_000)}">` +
    `<saml:AudienceRestriction><saml:Audience>${escape(o.audience ?? o.sp.entityId)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${iso(0)}" SessionIndex="${id}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:Password</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    (attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : '') +
    `</saml:Assertion>`
  );
}

/** Signs the element `localName` (its first occurrence), placing the signature after its Issuer. */
export function signElement(xml: string, localName: 'Assertion' | 'Response', key: TestKeyPair): string {
  const sig = new SignedXml({
    privateKey: key.privateKey,
    publicCert: key.certPem,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  sig.addReference({
    xpath: `//*[local-name(.)='${localName}']`,
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  sig.computeSignature(xml, {
    location: { reference: `//*[local-name(.)='${localName}']/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return sig.getSignedXml();
}

/** A Response around `assertionXml`, signed as `sign` says; returns the XML (base64 it for the form). */
export function testResponseXml(o: TestResponseOptions, assertionXml: string): string {
  const sign = o.sign ?? { assertion: true, response: false };
  const assertion = sign.assertion ? signElement(assertionXml, 'Assertion', o.key) : assertionXml;
  const irt = o.inResponseTo ? ` InResponseTo="${escape(o.inResponseTo)}"` : '';
  const destination = o.destination === null ? '' : ` Destination="${escape(o.destination ?? o.sp.acsUrl)}"`;
  const response =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomUUID().replace(/-/g, '')}" Version="2.0" IssueInstant="${iso(0)}"${destination}${irt}>` +
    `<saml:Issuer>${escape(o.issuer ?? o.idpEntityId)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    assertion +
    `</samlp:Response>`;
  return sign.response ? signElement(response, 'Response', o.key) : response;
}

/** The `SAMLResponse` form value of a test IdP's answer. */
export const testSamlResponse = (o: TestResponseOptions): string =>
  Buffer.from(testResponseXml(o, testAssertionXml(o))).toString('base64');

/** IdP metadata naming `certs` (base64 DER), as Okta, Entra or Keycloak publish it. */
export function testIdpMetadata(entityId: string, ssoUrl: string, certs: string[]): string {
  const keys = certs
    .map(
      (c) =>
        `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${c}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    )
    .join('');
  return (
    `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${escape(entityId)}">` +
    `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keys}` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escape(ssoUrl)}"/>` +
    `</md:IDPSSODescriptor></md:EntityDescriptor>`
  );
}
