import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchSession } from './api/session.ts';
import { isSignedOutError } from './api/trpc.ts';
import { forgetSession } from './api/use-sign-out.ts';
import { QueryState } from './components/query-state.tsx';
import { Shell } from './components/shell.tsx';
import { navigate, useLocation } from './lib/router.tsx';
import { OrgPickerPage } from './pages/org-picker-page.tsx';
import { Routes } from './routes.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';

/** Signed out → sign-in; platform admin without an org → the org picker; otherwise the app. */
export function App() {
  const session = useQuery({ queryKey: ['session'], queryFn: fetchSession, staleTime: Infinity });
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

  if (session.isPending || session.error) return <main className="center"><QueryState isPending={session.isPending} error={session.error} label="your session" /></main>;
  const current = session.data;
  if (!current) {
    if (path !== '/sign-in') navigate(`/sign-in${path === '/' ? '' : `?next=${encodeURIComponent(path)}`}`, { replace: true });
    return <SignInPage />;
  }
  if (!current.org || (current.kind === 'platform' && path === '/switch-org')) return <OrgPickerPage session={current} />;
  if (path === '/sign-in' || path === '/') navigate('/users', { replace: true });
  return (
    <Shell session={current}>
      <Routes path={path} />
    </Shell>
  );
}
