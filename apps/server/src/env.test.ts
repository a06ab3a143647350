import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadServerEnv } from './env.ts';

const dir = mkdtempSync(join(tmpdir(), 'provisio-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const base = {
  MONGODB_URI: 'mongodb://127.0.0.1:1/',
  REDIS_URL: 'redis://127.0.0.1:1',
  PROVISIO_ADMIN_TOKEN: 'x'.repeat(32),
};

describe('SSO_SP_KEY_FILE / SSO_SP_CERT_FILE', () => {
  it('leave AuthnRequests unsigned when unset', () => {
    expect(loadServerEnv(base).spSigning).toBeUndefined();
  });
  it('read the SP key pair from its PEM files', () => {
    const key = file('sp.key', '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n');
    const cert = file('sp.crt', '-----BEGIN CERTIFICATE-----\ndef\n-----END CERTIFICATE-----\n');
    expect(loadServerEnv({ ...base, SSO_SP_KEY_FILE: key, SSO_SP_CERT_FILE: cert }).spSigning).toEqual({
      privateKey: expect.stringContaining('PRIVATE KEY') as string,
      certPem: expect.stringContaining('CERTIFICATE') as string,
    });
  });
  it('stop the start with one clear line when half is set or a file is not PEM', () => {
    const cert = file('only.crt', '-----BEGIN CERTIFICATE-----\n');
    expect(() => loadServerEnv({ ...base, SSO_SP_CERT_FILE: cert })).toThrow(/must be set together/);
    expect(() => loadServerEnv({ ...base, SSO_SP_KEY_FILE: cert, SSO_SP_CERT_FILE: cert })).toThrow(
      /SSO_SP_KEY_FILE .* holds no PEM PRIVATE KEY/,
    );
  });
});
