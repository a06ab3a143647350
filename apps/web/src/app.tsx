import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useSession } from './api/session.ts';
import type { Session } from './api/session.ts';
import { isSignedOutError } from './api/trpc.ts';
import { forgetSession } from './api/use-sign-out.ts';
import { QueryState } from './components/query-state.tsx';
import { Shell } from './components/shell.tsx';
import { OrgPickerPage } from './pages/org-picker-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';

/** A `next` that stays on this site (never `//elsewhere`). */
const safeNext = (next: string | undefined) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/users');

/**
 * Where the URL must go for this session (undefined: not known yet), or null to stay:
 * signed out → sign-in (remembering the page); signed in at sign-in → the remembered page.
 */
function redirectFor(current: Session | null | undefined, path: string, next: string | undefined): string | null {
  if (current === undefined) return null;
  if (!current)
    return path === '/sign-in' ? null : `/sign-in${path === '/' ? '' : `?next=${encodeURIComponent(path)}`}`;
  if (!current.org) return null;
  return path === '/sign-in' ? safeNext(next) : path === '/' ? '/users' : null;
}

/** The root route: signed out → sign-in; platform admin without an org → the org picker; otherwise the shell and the page. */
export function App() {
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { pathname: path, search } = useLocation();

  // Any 401 from /trpc means the session ended: drop cached data and show sign-in.
  useEffect(() => {
    return client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && isSignedOutError(event.query.state.error)) {
        forgetSession(client);
      }
    });
  }, [client]);

  // Navigating is a side effect: it runs after render, never during it.
  const current = session.data;
  const next = 'next' in search ? search.next : undefined;
  const redirect = redirectFor(current, path, next);
  useEffect(() => {
    if (redirect) void navigate({ href: redirect, replace: true });
  }, [redirect, navigate]);

  if (session.isPending || session.error)
    return (
      <main className="center">
        <QueryState isPending={session.isPending} error={session.error} label="your session" />
      </main>
    );
  if (!current) return <SignInPage />;
  if (!current.org || (current.kind === 'platform' && path === '/switch-org'))
    return <OrgPickerPage session={current} />;
  return (
    <Shell session={current}>
      <Outlet />
    </Shell>
  );
}
