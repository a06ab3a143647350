import { X509Certificate } from 'node:crypto';
import { SamlConfigProblem } from './saml-problem.ts';

export type IdpCertificate = {
  /** Base64 DER, as metadata carries it (no PEM armour, no whitespace). */
  der: string;
  /** SHA-256 fingerprint, colon-separated hex (what Okta and Entra show). */
  fingerprint: string;
  subject: string;
  notAfter: string;
};

/** Reads a base64 or PEM certificate; a value that is not one is a SamlConfigProblem. */
export function readCertificate(text: string): IdpCertificate {
  const der = text
    .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
    .replace(/\s+/g, '')
    .trim();
  try {
    const cert = new X509Certificate(Buffer.from(der, 'base64'));
    return {
      der,
      fingerprint: cert.fingerprint256,
      subject: cert.subject.replace(/\n/g, ', '),
      notAfter: new Date(cert.validTo).toISOString(),
    };
  } catch {
    throw new SamlConfigProblem('a signing certificate in the metadata is not a valid X.509 certificate');
  }
}

export const pemOf = (der: string) =>
  `-----BEGIN CERTIFICATE-----\n${der.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----`;
