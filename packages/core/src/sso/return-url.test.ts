import { describe, expect, it } from 'vitest';
import { allowedReturnUrl, parseReturnUrlEntry } from './return-url.ts';

const allow = ['https://app.example/sso/callback', 'http://localhost:3000/cb'];

describe('allowedReturnUrl', () => {
  it.each([
    ['https://app.example/sso/callback', 'https://app.example/sso/callback'],
    ['https://app.example/sso/callback?state=abc', 'https://app.example/sso/callback?state=abc'],
    ['https://APP.example:443/sso/callback', 'https://app.example/sso/callback'],
    ['http://localhost:3000/cb', 'http://localhost:3000/cb'],
  ])('allows %s', (candidate, expected) => {
    expect(allowedReturnUrl(candidate, allow)).toBe(expected);
  });

  it.each([
    'https://app.example/sso/callback/',
    'https://app.example/sso/callback/../../admin',
    'https://app.example/sso',
    'https://app.example.evil.test/sso/callback',
    'http://app.example/sso/callback',
    'https://app.example:8443/sso/callback',
    'https://user:pw@app.example/sso/callback',
    'https://app.example/sso/callback#code',
    'javascript:alert(1)//app.example/sso/callback',
    '//app.example/sso/callback',
    '/sso/callback',
    'http://localhost:3001/cb',
    '',
  ])('refuses %s', (candidate) => {
    expect(allowedReturnUrl(candidate, allow)).toBeNull();
  });
});

describe('parseReturnUrlEntry', () => {
  it('keeps origin and path', () => {
    expect(parseReturnUrlEntry(' https://App.example/cb ')).toBe('https://app.example/cb');
    expect(parseReturnUrlEntry('https://app.example')).toBe('https://app.example/');
  });
  it.each(['ftp://app.example/cb', 'https://app.example/cb?x=1', 'https://app.example/cb#x', 'not a url', '/cb'])(
    'refuses %s',
    (entry) => {
      expect(parseReturnUrlEntry(entry)).toBeNull();
    },
  );
});
