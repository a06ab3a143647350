import { createProvisioClient } from '@provisio/client';
import type { ProvisioClient } from '@provisio/client';

/**
 * The typed client as the admin web app calls: with a session cookie and its CSRF token
 * instead of a bearer token (queries, mutations and the event stream alike).
 */
export function sessionClient({ url, cookie, csrf }: { url: string; cookie: string; csrf: string }): ProvisioClient {
  const withSession: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.delete('authorization');
    headers.set('cookie', cookie);
    headers.set('x-csrf-token', csrf);
    return fetch(input, { ...init, headers });
  };
  return createProvisioClient({ url, token: 'none', fetch: withSession });
}
