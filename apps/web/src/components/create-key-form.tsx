import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage, useTRPC, useTRPCClient } from '../api/trpc.ts';
import { Notice } from './notice.tsx';
import { TokenPanel } from './token-panel.tsx';
import { formText } from '../lib/form-text.ts';
import { scimOwnerOf } from '../lib/scim-owner.ts';
import { useRefreshKeys } from '../lib/use-refresh-keys.ts';

type Scope = 'scim' | 'users:read' | 'users:write' | 'admin';
const SCOPES: Array<{ value: Scope; hint: string }> = [
  { value: 'scim', hint: 'for an identity provider: /scim/v2' },
  { value: 'users:read', hint: 'read users and groups over /trpc' },
  { value: 'users:write', hint: 'create and change users' },
  { value: 'admin', hint: 'everything, keys included' },
];
const NEW_ACCOUNT = '__new__';

/**
 * Creates a key owned by a service account (a new one if asked), then shows its token
 * once. `fixedScopes` hides the scope choice (the SCIM page always makes `scim` keys).
 */
export function CreateKeyForm({
  title,
  fixedScopes,
  defaultName,
  submitLabel,
}: {
  title: string;
  fixedScopes?: Scope[];
  defaultName: string;
  submitLabel: string;
}) {
  const ids = { owner: useId(), account: useId(), name: useId() };
  const trpc = useTRPC();
  const client = useTRPCClient();
  const accounts = useQuery(trpc.serviceAccounts.list.queryOptions());
  const refresh = useRefreshKeys();
  const [owner, setOwner] = useState('');
  const list = accounts.data?.items ?? [];
  const chosen = owner || (fixedScopes?.includes('scim') ? scimOwnerOf(list) : list[0])?.id || NEW_ACCOUNT;
  const create = useMutation({
    mutationFn: async (input: { name: string; accountName: string; scopes: Scope[] }) => {
      const ownerId =
        chosen === NEW_ACCOUNT ? (await client.serviceAccounts.create.mutate({ name: input.accountName })).id : chosen;
      return client.keys.create.mutate({
        name: input.name,
        ownerType: 'service_account',
        ownerId,
        scopes: input.scopes,
      });
    },
    onSuccess: refresh,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scopes = fixedScopes ?? (form.getAll('scope').map(String) as Scope[]);
    create.mutate({ name: formText(form, 'name'), accountName: formText(form, 'accountName'), scopes });
  };
  if (create.data)
    return <TokenPanel token={create.data.token} keyName={create.data.key.name} onDone={() => create.reset()} />;
  return (
    <form onSubmit={submit} aria-label={title}>
      {create.error ? <Notice tone="error">{errorMessage(create.error)}</Notice> : null}
      <div className="form-row">
        <div className="field">
          <label htmlFor={ids.owner}>Owner (service account)</label>
          <select id={ids.owner} value={chosen} onChange={(e) => setOwner(e.target.value)}>
            {list.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
            <option value={NEW_ACCOUNT}>New service account…</option>
          </select>
        </div>
        {chosen === NEW_ACCOUNT ? (
          <div className="field">
            <label htmlFor={ids.account}>New service account name</label>
            <input id={ids.account} name="accountName" required defaultValue="SCIM provisioning" maxLength={100} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={ids.name}>Key name</label>
          <input id={ids.name} name="name" required defaultValue={defaultName} maxLength={100} />
        </div>
      </div>
      {fixedScopes ? null : (
        <fieldset>
          <legend>Scopes</legend>
          <div className="checks">
            {SCOPES.map((s) => (
              <label key={s.value}>
                <input type="checkbox" name="scope" value={s.value} defaultChecked={s.value === 'users:read'} />
                <span className="mono">{s.value}</span> <span className="muted small">{s.hint}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : submitLabel}
      </button>
    </form>
  );
}
