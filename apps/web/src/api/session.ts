import { useQuery } from '@tanstack/react-query';
import { csrfHeaders, setCsrfToken } from './trpc.ts';

export type Session = {
  kind: 'user' | 'platform';
  csrfToken: string;
  endsAt: string;
  org: { id: string; name: string; plan: string } | null;
  user: { id: string; userName: string; displayName: string; email: string } | null;
};

export class SessionError extends Error {
  constructor(message: string, readonly status: number, readonly orgs?: Array<{ id: string; name: string }>) {
    super(message);
  }
}

async function call<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`/auth/${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...csrfHeaders() },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body = (await res.json().catch(() => ({}))) as { error?: string; orgs?: Array<{ id: string; name: string }> };
  if (!res.ok) throw new SessionError(body.error ?? `Request failed (${res.status})`, res.status, body.orgs);
  return body as T;
}

const remember = (session: Session | null) => {
  setCsrfToken(session?.csrfToken ?? '');
  return session;
};

/** The current session, or null when signed out. */
export const fetchSession = () =>
  call<Session>('session').then(remember, (error: unknown) => {
    if (error instanceof SessionError && error.status === 401) return remember(null);
    throw error;
  });

/** The current session, or null when signed out: one query (read once, then kept in the cache), for the app and any page that needs it. */
export const useSession = () => useQuery({ queryKey: ['session'], queryFn: fetchSession, staleTime: Infinity });

export const signIn = (body: { email: string; password: string; orgId?: string } | { adminToken: string }) => call<Session>('sign-in', { method: 'POST', body }).then(remember);
/** Ends the session; one that had already ended (401) counts as signed out. Any other failure is the caller's to show. */
export const signOut = () =>
  call<{ ok: true }>('sign-out', { method: 'POST', body: {} }).then(
    () => remember(null),
    (error: unknown) => {
      if (error instanceof SessionError && error.status === 401) return remember(null);
      throw error;
    },
  );
export const listOrgs = () => call<{ items: Array<{ id: string; name: string; plan: string }> }>('orgs');
export const pickOrg = (orgId: string) => call<Session>('org', { method: 'POST', body: { orgId } }).then(remember);
