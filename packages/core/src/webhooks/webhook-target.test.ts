import { describe, expect, it } from 'vitest';
import { isPublicAddress, webhookTargetProblem } from './webhook-target.ts';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('refuses %s', (ip) => expect(isPublicAddress(ip)).toBe(false));
  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (ip) =>
    expect(isPublicAddress(ip)).toBe(true),
  );
  it('refuses what is not an address', () => expect(isPublicAddress('example.com')).toBe(false));
});

describe('webhookTargetProblem', () => {
  const strict = { allowPrivate: false };
  it('accepts a public https URL', () =>
    expect(webhookTargetProblem('https://hooks.example.com/provisio', strict)).toBeNull());
  it.each([
    ['not a url', /not a valid/],
    ['http://hooks.example.com/', /https/],
    ['https://user:pw@hooks.example.com/', /credentials/],
    ['https://localhost:8443/', /this machine/],
    ['https://127.0.0.1/', /private, loopback/],
    ['https://[::1]/', /private, loopback/],
    ['https://169.254.169.254/latest/meta-data', /private, loopback/],
  ])('refuses %s', (url, why) => expect(webhookTargetProblem(url, strict)).toMatch(why));
  it('allows loopback over http when the deployment allows private targets (tests)', () =>
    expect(webhookTargetProblem('http://127.0.0.1:4000/hook', { allowPrivate: true })).toBeNull());
});
