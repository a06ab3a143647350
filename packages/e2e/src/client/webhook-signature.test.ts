import { verifyWebhook } from '@provisio/client';
import { signWebhook } from '@provisio/core/webhooks';
import { expect, it } from 'vitest';

it("verifies what the server signs: core's signWebhook and the client's verifyWebhook agree, through a rotation", () => {
  const body = JSON.stringify({ type: 'user.created', data: { id: 'u1', userName: 'ada@example.com' } });
  const now = new Date();
  const headers = signWebhook(['whsec_new', 'whsec_old'], body, now);
  expect(verifyWebhook('whsec_new', headers, body, { now })).toBe(true);
  expect(verifyWebhook('whsec_old', headers, body, { now })).toBe(true);
  expect(verifyWebhook('whsec_other', headers, body, { now })).toBe(false);
});
