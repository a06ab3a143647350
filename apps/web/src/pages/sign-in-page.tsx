import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { sessionQuery, SessionError, signIn } from '../api/session.ts';
import { Notice } from '../components/notice.tsx';
import { formText } from '../lib/form-text.ts';

type Mode = 'admin' | 'platform';

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
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name);
    if (mode === 'platform') mutation.mutate({ adminToken: text('adminToken') });
    else
      mutation.mutate({
        email: text('email'),
        password: text('password'),
        ...(text('orgId') ? { orgId: text('orgId') } : {}),
      });
  };
  const error =
    mutation.error && !(mutation.error instanceof SessionError && mutation.error.orgs) ? mutation.error.message : null;

  return (
    <main className="center">
      <form className="card sign-in" onSubmit={submit} aria-labelledby="sign-in-title">
        <span className="brand brand-large">Provisio</span>
        <h1 id="sign-in-title">{mode === 'admin' ? 'Sign in to your organisation' : 'Platform admin sign-in'}</h1>
        {error ? <Notice tone="error">{error}</Notice> : null}
        {mode === 'admin' ? (
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
        <button type="submit" className="button button-primary button-wide" disabled={mutation.isPending}>
          {mutation.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            mutation.reset();
            setOrgChoices(null);
            setMode(mode === 'admin' ? 'platform' : 'admin');
          }}
        >
          {mode === 'admin' ? 'Sign in as the platform admin' : 'Sign in as an org admin'}
        </button>
      </form>
    </main>
  );
}
