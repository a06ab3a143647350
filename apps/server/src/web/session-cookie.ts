import type { Request, Response } from 'express';
import { SESSION_LIFETIMES } from '@provisio/core/sessions';
import type { SessionRecord } from '@provisio/core/sessions';

/** `__Host-` (no Domain, Path=/, Secure) when served over https; plain name on http dev/test. */
export const sessionCookieName = (secure: boolean) => (secure ? '__Host-provisio_session' : 'provisio_session');

/** The session id from the Cookie header, or null. */
export function readSessionCookie(req: Request, secure: boolean): string | null {
  const name = sessionCookieName(secure);
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
    [`${sessionCookieName(secure)}=${token}`, `Max-Age=${maxAge}`, ...attributes(secure)].join('; '),
  );
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.append('Set-Cookie', [`${sessionCookieName(secure)}=`, 'Max-Age=0', ...attributes(secure)].join('; '));
}
