import { describe, expect, it } from 'vitest';
import { loggablePath } from './loggable-path.ts';

const token = 'dGhpcyBpcyBhIDI1Ni1iaXQgaW52aXRlIHRva2VuIQ';

describe('loggablePath', () => {
  it.each([
    [`/invite/${token}`, '/invite/[redacted]'],
    [`/invite/${token}/`, '/invite/[redacted]/'],
    [`/INVITE/${token}?utm=mail`, '/INVITE/[redacted]'],
    [`/invite/${token}#top`, '/invite/[redacted]'],
  ])('redacts the invite token of %s', (url, expected) => {
    expect(loggablePath(url)).toBe(expected);
  });

  it('drops the query string and keeps paths without secrets as they are', () => {
    expect(loggablePath('/scim/v2/Users?filter=userName eq "ada@example.com"')).toBe('/scim/v2/Users');
    expect(loggablePath('/trpc/users.list,users.get?batch=1')).toBe('/trpc/users.list,users.get');
    expect(loggablePath('/scim/v2/Users/0193a0b4-7c1e-7000-8000-000000000001')).toBe(
      '/scim/v2/Users/0193a0b4-7c1e-7000-8000-000000000001',
    );
    expect(loggablePath('/invitations')).toBe('/invitations');
  });
});
