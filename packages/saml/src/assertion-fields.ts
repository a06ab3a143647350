import { isElement, parseXml } from './xml-dom.ts';
import type { XmlElement } from './xml-dom.ts';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

export type BearerConfirmation = { recipient: string | null; notOnOrAfter: string | null; inResponseTo: string | null };

/** What the ACS checks itself in the assertion the library verified (node-saml leaves these to us). */
export type AssertionFields = {
  id: string | null;
  issuer: string | null;
  confirmations: BearerConfirmation[];
  notOnOrAfter: string | null;
};

const first = (parent: XmlElement, ns: string, name: string): XmlElement | undefined =>
  Array.from(parent.getElementsByTagNameNS(ns, name))[0];

/** Reads the signed assertion's id, issuer and bearer confirmations (only from verified XML). */
export function readAssertionFields(verifiedAssertionXml: string): AssertionFields {
  const assertion = parseXml(verifiedAssertionXml);
  if (!assertion) return { id: null, issuer: null, confirmations: [], notOnOrAfter: null };
  const issuer = Array.from(assertion.childNodes).find(
    (n) => isElement(n) && n.localName === 'Issuer' && n.namespaceURI === SAML,
  );
  const confirmations = Array.from(assertion.getElementsByTagNameNS(SAML, 'SubjectConfirmation'))
    .filter((c) => c.getAttribute('Method') === BEARER)
    .map((c) => {
      const data = first(c, SAML, 'SubjectConfirmationData');
      return {
        recipient: data?.getAttribute('Recipient') || null,
        notOnOrAfter: data?.getAttribute('NotOnOrAfter') || null,
        inResponseTo: data?.getAttribute('InResponseTo') || null,
      };
    });
  return {
    id: assertion.getAttribute('ID') || null,
    issuer: issuer?.textContent?.trim() ?? null,
    confirmations,
    notOnOrAfter: first(assertion, SAML, 'Conditions')?.getAttribute('NotOnOrAfter') || null,
  };
}

/** The unsigned envelope: `Response@Destination`, `Response@InResponseTo` and whether the Response carries its own signature. */
export function readResponseEnvelope(responseXml: string): {
  isResponse: boolean;
  destination: string | null;
  inResponseTo: string | null;
  signed: boolean;
} {
  const response = parseXml(responseXml);
  if (!response || response.localName !== 'Response' || response.namespaceURI !== PROTOCOL)
    return { isResponse: false, destination: null, inResponseTo: null, signed: false };
  const signed = Array.from(response.childNodes).some(
    (n) => isElement(n) && n.localName === 'Signature' && n.namespaceURI === 'http://www.w3.org/2000/09/xmldsig#',
  );
  return {
    isResponse: true,
    destination: response.getAttribute('Destination') || null,
    inResponseTo: response.getAttribute('InResponseTo') || null,
    signed,
  };
}
