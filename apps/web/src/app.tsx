import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSession } from './api/session.ts';
import type { Session } from './api/session.ts';
import { isSignedOutError } from './api/trpc.ts';
import { forgetSession } from './api/use-sign-out.ts';
import { QueryState } from './components/query-state.tsx';
import { Shell } from './components/shell.tsx';
import { navigate, useLocation } from './lib/router.tsx';
import { OrgPickerPage } from './pages/org-picker-page.tsx';
import { Routes } from './routes.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';

/** Signed out → sign-in; platform admin without an org → the org picker; otherwise the app. */
/** Where the URL must go for this session (undefined: not known yet), or null to stay. */
function redirectFor(current: Session | null | undefined, path: string): string | null {
  if (current === undefined) return null;
  if (!current) return path === '/sign-in' ? null : `/sign-in${path === '/' ? '' : `?next=${encodeURIComponent(path)}`}`;
  return current.org && (path === '/sign-in' || path === '/') ? '/users' : null;
}

export function App() {
  const session = useSession();
  const client = useQueryClient();
  const { path } = useLocation();

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
  const redirect = redirectFor(current, path);
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  if (session.isPending || session.error) return <main className="center"><QueryState isPending={session.isPending} error={session.error} label="your session" /></main>;
  if (!current) return <SignInPage />;
  if (!current.org || (current.kind === 'platform' && path === '/switch-org')) return <OrgPickerPage session={current} />;
  return (
    <Shell session={current}>
      <Routes path={path} />
    </Shell>
  );
}
