import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { sessionQuery, SessionError, signIn, startSso } from '../api/session.ts';
import { Notice } from '../components/notice.tsx';
import { formText } from '../lib/form-text.ts';

type Mode = 'admin' | 'platform' | 'sso';

const TITLES: Record<Mode, string> = {
  admin: 'Sign in to your organisation',
  platform: 'Platform admin sign-in',
  sso: 'Sign in with SSO',
};

/** Where to land after an SSO sign-in: the page that sent here (`?next=`), when it is one of ours. */
function nextPath(): string {
  const next = new URLSearchParams(window.location.search).get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Org admins: email + the password set through their invite. The platform admin: the admin token. */
export function SignInPage() {
  const [mode, setMode] = useState<Mode>('admin');
  const [orgChoices, setOrgChoices] = useState<Array<{ id: string; name: string }> | null>(null);
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: signIn,
    // The app then leaves /sign-in for the page that sent here (`next`).
    onSuccess: (session) => client.setQueryData(sessionQuery.queryKey, session),
    onError: (error) => {
      if (error instanceof SessionError && error.orgs) setOrgChoices(error.orgs);
    },
  });
  // SSO: the work email finds the org; the browser then leaves for its IdP (and comes back signed in).
  const sso = useMutation({
    mutationFn: startSso,
    onSuccess: ({ redirect }) => window.location.assign(`${redirect}?next=${encodeURIComponent(nextPath())}`),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name);
    if (mode === 'sso') sso.mutate({ email: text('email') });
    else if (mode === 'platform') mutation.mutate({ adminToken: text('adminToken') });
    else
      mutation.mutate({
        email: text('email'),
        password: text('password'),
        ...(text('orgId') ? { orgId: text('orgId') } : {}),
      });
  };
  const error =
    sso.error?.message ??
    (mutation.error && !(mutation.error instanceof SessionError && mutation.error.orgs)
      ? mutation.error.message
      : null);
  const switchTo = (next: Mode) => {
    mutation.reset();
    sso.reset();
    setOrgChoices(null);
    setMode(next);
  };

  return (
    <main className="center">
      <form className="card sign-in" onSubmit={submit} aria-labelledby="sign-in-title">
        <span className="brand brand-large">Provisio</span>
        <h1 id="sign-in-title">{TITLES[mode]}</h1>
        {error ? <Notice tone="error">{error}</Notice> : null}
        {mode === 'sso' ? (
          <div className="field">
            <label htmlFor="email">Work email</label>
            <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
            <span className="hint">Your organisation’s identity provider (Okta, Entra ID…) signs you in.</span>
          </div>
        ) : mode === 'admin' ? (
          <>
            <div className="field">
              <label htmlFor="email">Email</label>
              <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
            </div>
            <div className="field">
              <label htmlFor="password">Password</label>
              <input id="password" name="password" type="password" autoComplete="current-password" required />
              <span className="hint">The password you chose when you accepted your invite.</span>
            </div>
            {orgChoices ? (
              <div className="field">
                <label htmlFor="orgId">Organisation</label>
                <select id="orgId" name="orgId" required>
                  {orgChoices.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
                <span className="hint">You are an admin of several organisations: pick one.</span>
              </div>
            ) : null}
          </>
        ) : (
          <div className="field">
            <label htmlFor="adminToken">Admin token</label>
            <input id="adminToken" name="adminToken" type="password" autoComplete="off" required autoFocus />
            <span className="hint">PROVISIO_ADMIN_TOKEN of this deployment; `make up` prints it.</span>
          </div>
        )}
        <button
          type="submit"
          className="button button-primary button-wide"
          disabled={mutation.isPending || sso.isPending}
        >
          {mutation.isPending || sso.isPending ? 'Signing in…' : mode === 'sso' ? 'Continue with SSO' : 'Sign in'}
        </button>
        {mode !== 'sso' ? (
          <button type="button" className="link-button" onClick={() => switchTo('sso')}>
            Sign in with SSO
          </button>
        ) : null}
        <button
          type="button"
          className="link-button"
          onClick={() => switchTo(mode === 'platform' ? 'admin' : mode === 'admin' ? 'platform' : 'admin')}
        >
          {mode === 'admin' ? 'Sign in as the platform admin' : 'Sign in as an org admin'}
        </button>
      </form>
    </main>
  );
}
