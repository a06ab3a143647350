import { createHmac } from 'node:crypto';
import { expect, it } from 'vitest';
import { signWebhook } from './sign-webhook.ts';

const body = '{"type":"user.created","data":{"id":"u1"}}';
const now = new Date('2026-12-03T09:30:00Z');
const ts = 1_796_290_200;

it('signs <timestamp>.<body> with HMAC-SHA256 and says when', () => {
  const expected = createHmac('sha256', 'whsec_a').update(`${ts}.${body}`).digest('hex');
  expect(signWebhook(['whsec_a'], body, now)).toEqual({
    'provisio-timestamp': String(ts),
    'provisio-signature': `v1=${expected}`,
  });
});

it('signs with every live secret while a rotation overlaps', () => {
  const header = signWebhook(['whsec_new', 'whsec_old'], body, now)['provisio-signature'] ?? '';
  expect(header.split(',')).toHaveLength(2);
  expect(header).toContain(createHmac('sha256', 'whsec_old').update(`${ts}.${body}`).digest('hex'));
});

it('refuses to sign without a secret', () => {
  expect(() => signWebhook([], body, now)).toThrow(/live secret/);
});
