import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { errorMessage, useTRPC } from '../api/trpc.ts';
import { formText } from '../lib/form-text.ts';
import { Notice } from './notice.tsx';

/** The email domains that route "Sign in with SSO" to this org: claim one, or give one up. */
export function SsoDomains({ domains }: { domains: readonly { domain: string; verifiedAt: string | null }[] }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries(trpc.sso.get.queryFilter());
  const add = useMutation(trpc.sso.addDomain.mutationOptions({ onSuccess }));
  const remove = useMutation(trpc.sso.removeDomain.mutationOptions({ onSuccess }));
  const claim = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    add.mutate({ domain: formText(new FormData(element), 'domain') }, { onSuccess: () => element.reset() });
  };
  const error = add.error ?? remove.error;
  return (
    <section className="card" aria-labelledby="domains-title">
      <h2 id="domains-title">Email domains</h2>
      <p className="muted small">
        “Sign in with SSO” finds your organisation from a work email once the platform admin verified its domain
        (publish a DNS TXT record and tell them).
      </p>
      {error ? <Notice tone="error">{errorMessage(error)}</Notice> : null}
      <ul aria-label="Email domains">
        {domains.map((d) => (
          <li key={d.domain}>
            <span className="mono">{d.domain}</span> {d.verifiedAt ? '(verified)' : '(waiting for verification)'}{' '}
            <button
              type="button"
              className="button"
              aria-label={`Remove ${d.domain}`}
              disabled={remove.isPending}
              onClick={() => remove.mutate({ domain: d.domain })}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={claim}>
        <div className="field">
          <label htmlFor="domain">Add a domain</label>
          <input id="domain" name="domain" placeholder="acme.example" required />
        </div>
        <button type="submit" className="button" disabled={add.isPending}>
          Add domain
        </button>
      </form>
    </section>
  );
}
