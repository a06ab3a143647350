import { parseXml } from './xml-dom.ts';
import type { XmlElement } from './xml-dom.ts';
import { readCertificate } from './certificate.ts';
import type { IdpCertificate } from './certificate.ts';
import { SamlConfigProblem } from './saml-problem.ts';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

export type IdpMetadata = {
  entityId: string;
  /** Where AuthnRequests go (HTTP-Redirect binding). */
  ssoUrl: string;
  /** Signing certificates; two during a rotation. */
  certificates: IdpCertificate[];
};

const children = (parent: XmlElement, ns: string, name: string): XmlElement[] =>
  Array.from(parent.getElementsByTagNameNS(ns, name));

/** The IdP side of a connection from its metadata XML (an EntityDescriptor with an IDPSSODescriptor). */
export function parseIdpMetadata(xml: string): IdpMetadata {
  const errors: string[] = [];
  const root = parseXml(xml, (m) => errors.push(m));
  if (errors.length > 0 || !root) throw new SamlConfigProblem('the metadata is not well-formed XML');
  if (/<!DOCTYPE/i.test(xml)) throw new SamlConfigProblem('the metadata may not contain a DOCTYPE');
  const entity =
    root.localName === 'EntityDescriptor' && root.namespaceURI === MD
      ? root
      : children(root, MD, 'EntityDescriptor').find((e) => children(e, MD, 'IDPSSODescriptor').length > 0);
  if (!entity) throw new SamlConfigProblem('the metadata has no SAML 2.0 EntityDescriptor');
  const entityId = entity.getAttribute('entityID')?.trim();
  if (!entityId) throw new SamlConfigProblem('the metadata has no entityID');
  const [idp] = children(entity, MD, 'IDPSSODescriptor');
  if (!idp) throw new SamlConfigProblem('the metadata describes no identity provider (no IDPSSODescriptor)');
  const services = children(idp, MD, 'SingleSignOnService');
  const sso = services.find((s) => s.getAttribute('Binding') === REDIRECT);
  const ssoUrl = sso?.getAttribute('Location')?.trim();
  if (!ssoUrl || !/^https?:\/\//.test(ssoUrl))
    throw new SamlConfigProblem('the metadata has no http(s) SingleSignOnService with the HTTP-Redirect binding');
  const signing = children(idp, MD, 'KeyDescriptor').filter((k) => (k.getAttribute('use') ?? 'signing') === 'signing');
  const ders = [
    ...new Set(
      signing.flatMap((k) => children(k, DS, 'X509Certificate').map((c) => (c.textContent ?? '').replace(/\s+/g, ''))),
    ),
  ].filter(Boolean);
  if (ders.length === 0) throw new SamlConfigProblem('the metadata has no signing certificate');
  if (ders.length > 2) throw new SamlConfigProblem('the metadata has more than two signing certificates');
  return { entityId, ssoUrl, certificates: ders.map(readCertificate) };
}
