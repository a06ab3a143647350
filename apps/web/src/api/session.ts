import { AuthOrgs, AuthRefusal, AuthSession, SignedOut, SsoStart } from '@provisio/api/web-auth';
import type { PickOrgInput, SignInInput, SsoStartInput } from '@provisio/api/web-auth';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { csrfHeaders, setCsrfToken } from './trpc.ts';

export type Session = AuthSession;

export class SessionError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly orgs?: Array<{ id: string; name: string }>,
  ) {
    super(message);
  }
}

/** One `/auth` call; its answer is parsed with the contract the server writes it by (`@provisio/api/web-auth`). */
async function call<T>(
  answer: { parse: (data: unknown) => T },
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<T> {
  const res = await fetch(`/auth/${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...csrfHeaders() },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const refusal = AuthRefusal.safeParse(body);
    throw new SessionError(refusal.data?.error ?? `Request failed (${res.status})`, res.status, refusal.data?.orgs);
  }
  return answer.parse(body);
}

const remember = (session: Session | null) => {
  setCsrfToken(session?.csrfToken ?? '');
  return session;
};

/** A 401 means signed out already: no session, not an error. */
const signedOutOn401 = (error: unknown) => {
  if (error instanceof SessionError && error.status === 401) return remember(null);
  throw error;
};

/** The current session, or null when signed out. */
export const fetchSession = () => call(AuthSession, 'session').then(remember, signedOutOn401);

/** The session query (read once, then kept in the cache), for the app and any page that needs it; its key is typed by its data. */
export const sessionQuery = queryOptions({ queryKey: ['session'], queryFn: fetchSession, staleTime: Infinity });
export const useSession = () => useQuery(sessionQuery);

/** The orgs the platform admin may pick. */
export const orgsQuery = queryOptions({ queryKey: ['auth-orgs'], queryFn: () => call(AuthOrgs, 'orgs') });

export const signIn = (body: SignInInput) => call(AuthSession, 'sign-in', { method: 'POST', body }).then(remember);
/** Ends the session; one that had already ended (401) counts as signed out. Any other failure is the caller's to show. */
export const signOut = () =>
  call(SignedOut, 'sign-out', { method: 'POST', body: {} }).then(() => remember(null), signedOutOn401);
export const pickOrg = (orgId: PickOrgInput['orgId']) =>
  call(AuthSession, 'org', { method: 'POST', body: { orgId } satisfies PickOrgInput }).then(remember);
/** Where the SSO sign-in of a work email's org starts (404 when no org verified its domain). */
export const startSso = (body: SsoStartInput) => call(SsoStart, 'sso', { method: 'POST', body });
