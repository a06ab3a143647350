import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { orgsQuery, pickOrg, sessionQuery } from '../api/session.ts';
import { useSignOut } from '../api/use-sign-out.ts';
import type { Session } from '../api/session.ts';
import { Notice } from '../components/notice.tsx';
import { QueryState } from '../components/query-state.tsx';

/** The platform admin picks the org to administer (the session then acts as that org's admin). */
export function OrgPickerPage({ session }: { session: Session }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const orgs = useQuery(orgsQuery);
  const pick = useMutation({
    mutationFn: pickOrg,
    onSuccess: (next) => {
      // Another org's data must not show: drop everything but the session (kept so App's observer sees the change).
      client.setQueryData(sessionQuery.queryKey, next);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQuery.queryKey[0] });
      void navigate({ to: '/users', replace: true });
    },
  });
  const out = useSignOut();
  return (
    <main className="center">
      <section className="card picker" aria-labelledby="picker-title">
        <span className="brand brand-large">Provisio</span>
        <h1 id="picker-title">Pick an organisation</h1>
        <p className="muted">
          Signed in as the platform admin ({session.kind}). You act as an admin of the org you pick.
        </p>
        {pick.error ? <Notice tone="error">{pick.error.message}</Notice> : null}
        {out.error ? <Notice tone="error">Could not sign out: {out.error.message}</Notice> : null}
        <QueryState isPending={orgs.isPending} error={orgs.error} label="organisations" />
        {orgs.data?.items.length === 0 ? <p>No organisations yet: create one with `pnpm cli org create`.</p> : null}
        <ul className="org-list">
          {orgs.data?.items.map((org) => (
            <li key={org.id}>
              <button
                type="button"
                className="button button-wide"
                onClick={() => pick.mutate(org.id)}
                disabled={pick.isPending}
              >
                {org.name} <span className="plan">{org.plan}</span>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="link-button" onClick={() => out.mutate()}>
          Sign out
        </button>
      </section>
    </main>
  );
}
