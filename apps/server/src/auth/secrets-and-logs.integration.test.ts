import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createAccessTestApp, deactivateOp, keySecretOf, scimUser } from './testing/access-test-app.ts';
import type { AccessTestApp } from './testing/access-test-app.ts';

let app: AccessTestApp;
const tokens: string[] = [];

/** The secret part of `pvk_<id>_<secret>`: what must never be stored or logged. */

beforeAll(async () => {
  app = await createAccessTestApp({ captureLogs: true });
  // A run that uses keys everywhere: creation, SCIM, tRPC, revocation, deprovisioning, bad tokens.
  const org = await app.newOrg();
  tokens.push(org.scimToken, org.adminToken, ADMIN_TOKEN);
  const owner = await app.scim('post', '/Users', org.scimToken).send(scimUser('keyholder@example.com'));
  const made = await app.trpc(org.adminToken, 'keys.create', { name: 'personal', ownerType: 'user', ownerId: owner.body.id, scopes: ['scim'] });
  const personal = (made.data as { token: string }).token;
  const spare = await app.trpc(org.adminToken, 'keys.create', { name: 'spare', ownerType: 'service_account', ownerId: org.serviceAccountId, scopes: ['users:read'] });
  tokens.push(personal, (spare.data as { token: string }).token);
  await app.scim('get', '/Users?filter=userName eq "keyholder@example.com"', personal);
  await app.trpc((spare.data as { token: string }).token, 'users.list', {}, 'query');
  await app.scim('patch', `/Users/${owner.body.id}`, personal).send(deactivateOp);
  await app.scim('get', '/Users', personal);
  await app.scim('get', '/Users', `${personal}x`);
  await app.trpc(`${org.adminToken.slice(0, -1)}A`, 'keys.list', undefined, 'query');
  await new Promise((r) => setTimeout(r, 200));
});
afterAll(async () => {
  await app.cleanup();
});

describe('secrets', () => {
  it('stores no raw secret: the keys collection holds only hashes', async () => {
    const raw = await app.deps.db.models.keys.collection.find({}).toArray();
    expect(raw.length).toBeGreaterThanOrEqual(4);
    const dump = JSON.stringify(raw);
    for (const token of tokens.slice(0, 2).concat(tokens.slice(3))) {
      expect(dump).not.toContain(keySecretOf(token));
      expect(dump).not.toContain(token);
    }
    expect(raw.every((k) => typeof k['secretHash'] === 'string' && /^[0-9a-f]{64}$/.test(k['secretHash']))).toBe(true);
  });

  it('writes no token into the audit ledger either', async () => {
    const dump = JSON.stringify(await app.deps.db.models.auditEvents.collection.find({}).toArray());
    for (const token of tokens) expect(dump).not.toContain(token.startsWith('pvk_') ? keySecretOf(token) : token);
  });
});

describe('logs', () => {
  it('captures the log lines of the run and finds no token in any of them', () => {
    expect(app.logLines.length).toBeGreaterThan(10);
    const all = app.logLines.join('\n');
    for (const token of tokens) {
      expect(all).not.toContain(token);
      if (token.startsWith('pvk_')) expect(all).not.toContain(keySecretOf(token));
    }
    expect(all).not.toMatch(/Bearer /);
  });
});
