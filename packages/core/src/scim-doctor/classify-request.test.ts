import { describe, expect, it } from 'vitest';
import { idpOf, operationOf, routeOf, shapesOf } from './classify-request.ts';

const request = (over: Partial<Parameters<typeof shapesOf>[0]>) =>
  shapesOf({
    method: 'POST',
    path: '/Users',
    userAgent: null,
    body: undefined,
    status: 201,
    rateLimited: false,
    ...over,
  });

describe('operationOf and routeOf', () => {
  it.each([
    ['GET', '/Users', 'users-list'],
    ['post', '/users', 'users-create'],
    ['PATCH', '/Users/0193abc', 'users-patch'],
    ['DELETE', '/Groups/x', 'groups-delete'],
    ['POST', '/Users/.search', 'search'],
    ['POST', '/.search', 'search'],
    ['POST', '/Bulk', 'bulk'],
    ['GET', '/ServiceProviderConfig', 'discovery'],
    ['GET', '/Users/a/b', 'other'],
    ['PUT', '/Users', 'other'],
  ])('%s %s → %s', (method, path, operation) => expect(operationOf(method, path)).toBe(operation));

  it('names routes, never ids', () => {
    expect(routeOf('/Users/0193-abc')).toBe('/Users/{id}');
    expect(routeOf('/Groups/g1')).toBe('/Groups/{id}');
    expect(routeOf('/Users/.search')).toBe('/Users/.search');
    expect(routeOf('/Users')).toBe('/Users');
  });
});

describe('shapesOf', () => {
  it('sees empty emails in a create, a filtered-path PATCH and a path-less PATCH', () => {
    expect(request({ body: { userName: 'a', emails: [{ value: '', type: 'work' }] } })).toEqual(['empty-email']);
    const patch = (op: object) =>
      request({ method: 'PATCH', path: '/Users/1', status: 200, body: { Operations: [op] } });
    expect(patch({ op: 'replace', path: 'emails[type eq "work"].value', value: ' ' })).toEqual(['empty-email']);
    expect(patch({ op: 'replace', value: { emails: [{ value: '' }] } })).toEqual(['empty-email']);
    expect(request({ body: { userName: 'a', emails: [{ value: 'a@b.c' }] } })).toEqual([]);
  });

  it('sees string booleans in bodies and in PATCH values', () => {
    expect(request({ body: { userName: 'a', active: 'True' } })).toEqual(['string-boolean']);
    expect(request({ body: { userName: 'a', roles: [{ value: 'x', primary: 'False' }] } })).toEqual(['string-boolean']);
    expect(
      request({
        method: 'PATCH',
        path: '/Users/1',
        body: { Operations: [{ op: 'replace', path: 'active', value: false }] },
      }),
    ).toEqual([]);
  });

  it('counts 409s on User writes and 429s of the key limit only', () => {
    expect(request({ status: 409 })).toEqual(['username-conflict']);
    expect(request({ path: '/Groups', status: 409 })).toEqual([]);
    expect(request({ status: 429, rateLimited: true })).toEqual(['rate-limited']);
    expect(request({ status: 429, rateLimited: false })).toEqual([]);
  });

  it('looks at no more than the first 50 PATCH operations', () => {
    const ops = [...Array.from({ length: 50 }, () => ({ op: 'add', path: 'title', value: 'x' })), { op: 'Add' }];
    expect(request({ method: 'PATCH', path: '/Users/1', body: { Operations: ops } })).toEqual([]);
  });
});

describe('idpOf', () => {
  it('Okta by its User-Agent, Entra by its forms or a Microsoft agent, otherwise unknown', () => {
    expect(idpOf('Okta SCIM Client 1.0.0', [])).toBe('okta');
    expect(idpOf('OKTA SCIM Integration', ['capitalised-op'])).toBe('okta');
    expect(idpOf(null, ['capitalised-op'])).toBe('entra');
    expect(idpOf('Microsoft.Azure.Provisioning', [])).toBe('entra');
    expect(idpOf('curl/8', ['empty-email'])).toBe('unknown');
  });
});
