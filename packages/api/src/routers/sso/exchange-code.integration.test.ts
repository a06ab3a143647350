import { randomUUID } from 'node:crypto';
import { systemClock, uuidV7 } from '@provisio/core';
import type { Clock } from '@provisio/core';
import { issueSignInCode, SIGN_IN_CODE_TTL_MS } from '@provisio/core/sso';
import { createTestDb, createTestOrg, testPrincipal } from '@provisio/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../../testing/test-caller.ts';

// sso.exchangeCode: the product's backend redeems a hand-off code with a `users:read` key of
// the code's org. The codes are issued as the ACS issues them (issueSignInCode).
let db: Awaited<ReturnType<typeof createTestDb>>;
const RETURN_URL = 'https://app.example/sso/callback';
let offset = 0;
const clock: Clock = { now: () => new Date(systemClock.now().getTime() + offset) };

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.drop());

async function signedIn() {
  const name = `Acme ${randomUUID().slice(0, 8)}`;
  const { orgId } = await createTestOrg(db, { name });
  const now = clock.now();
  const user = await db.users.insert(orgId, {
    id: uuidV7(),
    attributes: {
      userName: 'ada@acme.example',
      active: true,
      emails: [{ value: 'ada@acme.example', primary: true }],
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      displayName: 'Ada Lovelace',
    },
    status: 'active',
    source: 'scim',
    role: 'standard',
    acceptedAt: now,
    now,
  });
  const code = await issueSignInCode({ sso: db.sso, clock }, { orgId, userId: user.id, returnUrl: RETURN_URL });
  const product = callerFor(db, testPrincipal(orgId, ['users:read']), clock);
  return { orgId, name, user, code, product };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code?: string; message: string },
  );

describe('sso.exchangeCode', () => {
  it('gives the user and org once, for the return URL with or without its query', async () => {
    const { orgId, name, user, code, product } = await signedIn();
    const answer = await product.sso.exchangeCode({ code, returnUrl: `${RETURN_URL}?code=${code}&org=${orgId}` });
    expect(answer).toEqual({
      org: { id: orgId, name },
      user: {
        id: user.id,
        userName: 'ada@acme.example',
        email: 'ada@acme.example',
        displayName: 'Ada Lovelace',
        givenName: 'Ada',
        familyName: 'Lovelace',
        role: 'standard',
        groups: [],
      },
    });
    // Reused: refused, as any code it never issued is.
    expect(await refusal(product.sso.exchangeCode({ code, returnUrl: RETURN_URL }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('unknown, used or expired'),
    });
  });

  it('refuses an expired code (60 s) and an unknown one', async () => {
    const { code, product } = await signedIn();
    offset += SIGN_IN_CODE_TTL_MS;
    try {
      expect(await refusal(product.sso.exchangeCode({ code, returnUrl: RETURN_URL }))).toMatchObject({
        code: 'BAD_REQUEST',
      });
    } finally {
      offset -= SIGN_IN_CODE_TTL_MS;
    }
    expect(await refusal(product.sso.exchangeCode({ code: 'x'.repeat(43), returnUrl: RETURN_URL }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('refuses another return URL and another org’s key, and those attempts do not use the code up', async () => {
    const { code, product, orgId } = await signedIn();
    const other = await createTestOrg(db);
    const otherProduct = callerFor(db, testPrincipal(other.orgId, ['users:read']), clock);
    for (const attempt of [
      () => product.sso.exchangeCode({ code, returnUrl: 'https://other-deployment.example/sso/callback' }),
      () => product.sso.exchangeCode({ code, returnUrl: 'https://app.example/sso/callback/extra' }),
      () => product.sso.exchangeCode({ code, returnUrl: 'not a url' }),
      () => otherProduct.sso.exchangeCode({ code, returnUrl: RETURN_URL }),
    ])
      expect(await refusal(attempt())).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await product.sso.exchangeCode({ code, returnUrl: RETURN_URL })).org.id).toBe(orgId);
  });

  it('needs an org key: no credential and the platform token are refused, and do not use the code up', async () => {
    const { code, product } = await signedIn();
    const anonymous = callerFor(db, null, clock);
    const platform = callerFor(db, { kind: 'platform' }, clock);
    expect(await refusal(anonymous.sso.exchangeCode({ code, returnUrl: RETURN_URL }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(await refusal(platform.sso.exchangeCode({ code, returnUrl: RETURN_URL }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await product.sso.exchangeCode({ code, returnUrl: RETURN_URL })).user.userName).toBe('ada@acme.example');
  });
});
