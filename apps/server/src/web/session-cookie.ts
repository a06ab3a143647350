import type { Request, Response } from 'express';
import { SESSION_LIFETIMES } from '@provisio/core/sessions';
import type { SessionRecord } from '@provisio/core/sessions';

/** Which cookie: the admin app's session, or a member's account page session (kept apart, so neither passes for the other). */
export type CookieJar = 'admin' | 'account';

/** `__Host-` (no Domain, Path=/, Secure) when served over https; plain name on http dev/test. */
export const sessionCookieName = (secure: boolean, jar: CookieJar = 'admin') => {
  const name = jar === 'admin' ? 'provisio_session' : 'provisio_account';
  return secure ? `__Host-${name}` : name;
};

const jarOf = (kind: SessionRecord['kind']): CookieJar => (kind === 'member' ? 'account' : 'admin');

/** The session id from the Cookie header, or null. */
export function readSessionCookie(req: Request, secure: boolean, jar: CookieJar = 'admin'): string | null {
  const name = sessionCookieName(secure, jar);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

const attributes = (secure: boolean) => ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])];

/** httpOnly (no script reads it), SameSite=Strict (no cross-site request carries it); lives as long as its kind of session may. */
export function setSessionCookie(
  res: Response,
  { token, kind }: { token: string; kind: SessionRecord['kind'] },
  secure: boolean,
): void {
  const maxAge = SESSION_LIFETIMES[kind].absoluteMs / 1000;
  res.append(
    'Set-Cookie',
    [`${sessionCookieName(secure, jarOf(kind))}=${token}`, `Max-Age=${maxAge}`, ...attributes(secure)].join('; '),
  );
}

export function clearSessionCookie(res: Response, secure: boolean, jar: CookieJar = 'admin'): void {
  res.append('Set-Cookie', [`${sessionCookieName(secure, jar)}=`, 'Max-Age=0', ...attributes(secure)].join('; '));
}
