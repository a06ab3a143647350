import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhook } from './verify-webhook.ts';

const body = '{"type":"user.deactivated","data":{"id":"u1"}}';
const now = new Date('2026-12-03T09:30:00Z');
const ts = Math.floor(now.getTime() / 1000);
const sign = (secret: string, t = ts, text = body) =>
  `v1=${createHmac('sha256', secret).update(`${t}.${text}`).digest('hex')}`;
const headers = (signature: string, t = ts) => ({ 'provisio-timestamp': String(t), 'provisio-signature': signature });

describe('verifyWebhook', () => {
  it('accepts a fresh delivery signed with the secret (string or raw bytes, Node or fetch headers)', () => {
    expect(verifyWebhook('whsec_a', headers(sign('whsec_a')), body, { now })).toBe(true);
    expect(verifyWebhook('whsec_a', headers(sign('whsec_a')), Buffer.from(body), { now })).toBe(true);
    expect(verifyWebhook('whsec_a', new Headers(headers(sign('whsec_a'))), body, { now })).toBe(true);
  });

  it('accepts either secret while a rotation overlaps', () => {
    const both = `${sign('whsec_new')},${sign('whsec_old')}`;
    expect(verifyWebhook('whsec_old', headers(both), body, { now })).toBe(true);
    expect(verifyWebhook('whsec_new', headers(both), body, { now })).toBe(true);
  });

  it('refuses another secret, a changed body, a stale timestamp and missing headers', () => {
    expect(verifyWebhook('whsec_b', headers(sign('whsec_a')), body, { now })).toBe(false);
    expect(verifyWebhook('whsec_a', headers(sign('whsec_a')), `${body} `, { now })).toBe(false);
    const old = ts - 301;
    expect(verifyWebhook('whsec_a', headers(sign('whsec_a', old), old), body, { now })).toBe(false);
    expect(verifyWebhook('whsec_a', { 'provisio-signature': sign('whsec_a') }, body, { now })).toBe(false);
    expect(verifyWebhook('whsec_a', headers('v0=abc'), body, { now })).toBe(false);
  });
});
