import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useSignOut } from '../api/use-sign-out.ts';
import type { Session } from '../api/session.ts';
import { Link, useLocation } from '@tanstack/react-router';
import { BrakeBanner } from './brake-banner.tsx';

const NAV = [
  { to: '/users', label: 'Users' },
  { to: '/scim-connection', label: 'SCIM connection' },
  { to: '/sso', label: 'Single sign-on' },
  { to: '/keys', label: 'Service accounts & keys' },
  { to: '/groups', label: 'Groups' },
  { to: '/roles', label: 'Roles' },
  { to: '/activity', label: 'Activity' },
  { to: '/brake', label: 'Deprovision brake' },
  { to: '/webhooks', label: 'Webhooks' },
] as const;

/** Header, navigation and a main region that takes focus on navigation (screen readers hear the new page). */
export function Shell({ session, children }: { session: Session; children: ReactNode }) {
  const path = useLocation({ select: (location) => location.pathname });
  const out = useSignOut();
  useEffect(() => {
    document.getElementById('page-title')?.focus({ preventScroll: true });
  }, [path]);
  const who = session.user ? session.user.displayName : 'Platform admin';
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Provisio</span>
        <span className="org" title={session.org?.id}>
          {session.org?.name}
          {session.org ? <span className="plan">{session.org.plan}</span> : null}
        </span>
        <span className="spacer" />
        <span className="who">{who}</span>
        {session.kind === 'platform' ? (
          <Link to="/switch-org" className="topbar-link">
            Switch org
          </Link>
        ) : null}
        {out.error ? (
          <span role="alert" className="small">
            Could not sign out: {out.error.message}
          </span>
        ) : null}
        <button type="button" className="button button-topbar" onClick={() => out.mutate()} disabled={out.isPending}>
          Sign out
        </button>
      </header>
      <nav className="sidenav" aria-label="Main">
        <ul>
          {/* The router marks the link of the current section (this page or one below it) aria-current="page". */}
          {NAV.map((item) => (
            <li key={item.to}>
              <Link to={item.to}>{item.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content">
        {session.org ? <BrakeBanner /> : null}
        {children}
      </main>
    </div>
  );
}
