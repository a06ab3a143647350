import { beforeAll, describe, expect, it } from 'vitest';
import { spEndpoints } from './sp-endpoints.ts';
import { SamlRefusal } from './saml-problem.ts';
import type { SamlRefusalReason } from './saml-problem.ts';
import { verifySamlResponse } from './verify-response.ts';
import type { AcsStores } from './verify-response.ts';
import {
  newTestKeyPair,
  signElement,
  testAssertionXml,
  testResponseXml,
  testSamlResponse,
} from './testing/test-idp.ts';
import type { TestKeyPair, TestResponseOptions } from './testing/test-idp.ts';

const sp = spEndpoints('https://provisio.example', 'org-a');
const idpEntityId = 'https://idp.example/realm';
let key: TestKeyPair;
let otherKey: TestKeyPair;

beforeAll(() => {
  key = newTestKeyPair();
  otherKey = newTestKeyPair();
});

/** In-memory stand-ins for the shared stores (the integration test uses the real ones). */
function memoryStores(issued: string[] = []): AcsStores & { seen: Set<string> } {
  const requests = new Set(issued);
  const seen = new Set<string>();
  return {
    seen,
    takeRequest: (id) => Promise.resolve(requests.delete(id)),
    rememberAssertion: (id) => Promise.resolve(seen.has(id) ? false : (seen.add(id), true)),
  };
}

const base = (over: Partial<TestResponseOptions> = {}): TestResponseOptions => ({
  sp,
  idpEntityId,
  key,
  email: 'ada@acme.example',
  inResponseTo: '_req1',
  ...over,
});

function verify(samlResponse: string, stores = memoryStores(['_req1']), idpInitiated = false) {
  return verifySamlResponse({
    sp,
    idp: { entityId: idpEntityId, ssoUrl: 'https://idp.example/sso', certificates: [key.der] },
    mapping: { email: 'nameId', givenName: 'firstName', familyName: null, displayName: null, groups: 'groups' },
    idpInitiated,
    stores,
    samlResponse,
    now: new Date(),
  });
}

async function refusalOf(promise: Promise<unknown>): Promise<SamlRefusalReason> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SamlRefusal);
  return (err as SamlRefusal).reason;
}

const b64 = (xml: string) => Buffer.from(xml).toString('base64');

describe('verifySamlResponse accepts', () => {
  it('an assertion signed alone (Entra default) answering our request, with its attributes', async () => {
    const result = await verify(
      testSamlResponse(base({ attributes: { firstName: ['Ada'], groups: ['Engineering', 'Admins'] } })),
    );
    expect(result.identity).toMatchObject({
      email: 'ada@acme.example',
      givenName: 'Ada',
      groups: ['Engineering', 'Admins'],
    });
    expect(result.inResponseTo).toBe('_req1');
  });

  it('a signed response and signed assertion (Okta default)', async () => {
    const result = await verify(testSamlResponse(base({ sign: { assertion: true, response: true } })));
    expect(result.identity.email).toBe('ada@acme.example');
  });

  it('a signed response around an unsigned assertion (Keycloak default)', async () => {
    const result = await verify(testSamlResponse(base({ sign: { assertion: false, response: true } })));
    expect(result.identity.email).toBe('ada@acme.example');
  });

  it('an IdP-initiated response when the org allows it', async () => {
    const result = await verify(testSamlResponse(base({ inResponseTo: null })), memoryStores(), true);
    expect(result.inResponseTo).toBeNull();
  });
});

describe('verifySamlResponse refuses', () => {
  it('an unsigned response and assertion', async () => {
    expect(await refusalOf(verify(testSamlResponse(base({ sign: { assertion: false, response: false } }))))).toBe(
      'signature',
    );
  });

  it('a signature by another key', async () => {
    expect(await refusalOf(verify(testSamlResponse(base({ key: otherKey }))))).toBe('signature');
  });

  it('a response whose own signature fails, even around a valid assertion', async () => {
    const xml = testResponseXml(base({ sign: { assertion: true, response: false } }), testAssertionXml(base()));
    const badlySigned = signElement(xml, 'Response', otherKey);
    expect(await refusalOf(verify(b64(badlySigned)))).toBe('signature');
  });

  it('a signed assertion whose content was changed after signing', async () => {
    const xml = testResponseXml(base(), testAssertionXml(base())).replace('ada@acme.example', 'eve@acme.example');
    expect(await refusalOf(verify(b64(xml)))).toBe('signature');
  });

  it('signature wrapping: an unsigned assertion in front, the signed one hidden inside it', async () => {
    const signed = signElement(testAssertionXml(base({ assertionId: '_good' })), 'Assertion', key);
    const evil = testAssertionXml(base({ assertionId: '_evil', email: 'eve@acme.example' })).replace(
      '</saml:Issuer>',
      `</saml:Issuer><saml:Advice>${signed}</saml:Advice>`,
    );
    const xml = testResponseXml(base({ sign: { assertion: false, response: false } }), evil);
    expect(await refusalOf(verify(b64(xml)))).toBe('signature');
  });

  it('signature wrapping: the signed assertion beside an unsigned one', async () => {
    const signed = signElement(testAssertionXml(base({ assertionId: '_good' })), 'Assertion', key);
    const evil = testAssertionXml(base({ assertionId: '_evil', email: 'eve@acme.example' }));
    const xml = testResponseXml(base({ sign: { assertion: false, response: false } }), evil + signed);
    expect(await refusalOf(verify(b64(xml)))).toBe('signature');
  });

  it('another audience', async () => {
    expect(await refusalOf(verify(testSamlResponse(base({ audience: 'https://other.example/sp' }))))).toBe('audience');
  });

  it('another issuer, even signed with the configured key', async () => {
    expect(await refusalOf(verify(testSamlResponse(base({ issuer: 'https://evil.example' }))))).toBe('issuer');
  });

  it('another Destination', async () => {
    expect(await refusalOf(verify(testSamlResponse(base({ destination: 'https://other.example/acs' }))))).toBe(
      'destination',
    );
  });

  it('another Recipient', async () => {
    expect(await refusalOf(verify(testSamlResponse(base({ recipient: 'https://other.example/acs' }))))).toBe(
      'recipient',
    );
  });

  it('a foreign org: a valid assertion for org B arriving at org A', async () => {
    const orgB = spEndpoints('https://provisio.example', 'org-b');
    expect(await refusalOf(verify(testSamlResponse(base({ sp: orgB }))))).toBe('audience');
  });

  it('an expired assertion (beyond the 2 minutes of skew)', async () => {
    const expired = base({ notBeforeMs: -20 * 60_000, notOnOrAfterMs: -3 * 60_000 });
    expect(await refusalOf(verify(testSamlResponse(expired)))).toBe('expired');
  });

  it('an assertion not yet valid (beyond the 2 minutes of skew)', async () => {
    expect(await refusalOf(verify(testSamlResponse(base({ notBeforeMs: 3 * 60_000 }))))).toBe('not_yet_valid');
  });

  it('accepts 1 minute of skew either way', async () => {
    await expect(verify(testSamlResponse(base({ notBeforeMs: 60_000 })))).resolves.toBeTruthy();
  });

  it('a replayed assertion', async () => {
    const stores = memoryStores(['_req1', '_req2']);
    const response = testSamlResponse(base({ assertionId: '_once' }));
    await verify(response, stores);
    const again = testSamlResponse(base({ assertionId: '_once', inResponseTo: '_req2' }));
    expect(await refusalOf(verify(again, stores))).toBe('replayed');
  });

  it('an InResponseTo this server never issued', async () => {
    expect(await refusalOf(verify(testSamlResponse(base({ inResponseTo: '_forged' }))))).toBe('in_response_to');
  });

  it('a second answer to the same request', async () => {
    const stores = memoryStores(['_req1']);
    await verify(testSamlResponse(base()), stores);
    expect(await refusalOf(verify(testSamlResponse(base()), stores))).toBe('in_response_to');
  });

  it('an IdP-initiated response when the org has it off (the default)', async () => {
    expect(await refusalOf(verify(testSamlResponse(base({ inResponseTo: null })), memoryStores()))).toBe(
      'idp_initiated',
    );
  });

  it('an assertion without a usable email', async () => {
    expect(await refusalOf(verify(testSamlResponse(base({ email: 'not-an-email' }))))).toBe('no_email');
  });

  it('something that is not SAML', async () => {
    expect(await refusalOf(verify(b64('<html>hello</html>')))).toBe('malformed');
  });
});
