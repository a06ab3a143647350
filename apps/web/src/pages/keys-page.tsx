import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage, useTRPC } from '../api/trpc.ts';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { CreateKeyForm } from '../components/create-key-form.tsx';
import { KeyTable } from '../components/key-table.tsx';
import { Notice } from '../components/notice.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { formatDate } from '../lib/format.ts';
import { useOwnerNames } from '../lib/use-owner-names.ts';
import { formText } from '../lib/form-text.ts';
import { useRefreshKeys } from '../lib/use-refresh-keys.ts';

/** Service accounts (non-human key owners) and every key of the org. */
export function KeysPage() {
  const trpc = useTRPC();
  const [showRevoked, setShowRevoked] = useState(false);
  const accounts = useQuery(trpc.serviceAccounts.list.queryOptions());
  const keys = useQuery(trpc.keys.list.queryOptions({ includeRevoked: showRevoked }));
  const names = useOwnerNames(keys.data?.items ?? []);
  const refresh = useRefreshKeys();
  const createAccount = useMutation(trpc.serviceAccounts.create.mutationOptions({ onSuccess: refresh }));
  const deleteAccount = useMutation(trpc.serviceAccounts.delete.mutationOptions({ onSuccess: refresh }));
  const liveKeys = (ownerId: string) =>
    (keys.data?.items ?? []).filter((k) => k.ownerId === ownerId && !k.revokedAt).length;

  const submitAccount = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const description = formText(data, 'description').trim();
    createAccount.mutate(
      { name: formText(data, 'name'), ...(description ? { description } : {}) },
      { onSuccess: () => form.reset() },
    );
  };

  return (
    <>
      <PageHeader
        title="Service accounts & keys"
        description="Keys call the API (/trpc) or SCIM (/scim/v2). Give integrations keys owned by a service account: a person's keys die with their account."
      />
      <section className="card" aria-labelledby="accounts-title">
        <h2 id="accounts-title">Service accounts</h2>
        <QueryState isPending={accounts.isPending} error={accounts.error} label="service accounts" />
        {deleteAccount.error ? <Notice tone="error">{errorMessage(deleteAccount.error)}</Notice> : null}
        {deleteAccount.isSuccess ? (
          <Notice tone="success">Service account deleted; its keys were revoked.</Notice>
        ) : null}
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Description</th>
                <th scope="col">Live keys</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.data?.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <strong>{a.name}</strong>
                  </td>
                  <td>{a.description ?? <span className="muted">—</span>}</td>
                  <td>{liveKeys(a.id)}</td>
                  <td>{formatDate(a.created)}</td>
                  <td className="actions">
                    <ConfirmButton
                      label="Delete"
                      confirmLabel="Confirm delete"
                      name={`service account ${a.name}`}
                      busy={deleteAccount.isPending && deleteAccount.variables.id === a.id}
                      onConfirm={() => deleteAccount.mutate({ id: a.id })}
                    />
                  </td>
                </tr>
              ))}
              {accounts.data?.items.length === 0 ? (
                <tr>
                  <td colSpan={5} className="empty">
                    No service accounts yet.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        <form className="form-row mt" onSubmit={submitAccount} aria-label="Create a service account">
          <div className="field">
            <label htmlFor="sa-name">Name</label>
            <input id="sa-name" name="name" required maxLength={100} placeholder="e.g. HR sync" />
          </div>
          <div className="field">
            <label htmlFor="sa-description">Description</label>
            <input id="sa-description" name="description" maxLength={500} placeholder="What it is for" />
          </div>
          <div className="field field-auto">
            <button type="submit" className="button" disabled={createAccount.isPending}>
              Create service account
            </button>
          </div>
        </form>
        {createAccount.error ? <Notice tone="error">{errorMessage(createAccount.error)}</Notice> : null}
      </section>
      <section className="card" aria-labelledby="create-key-title">
        <h2 id="create-key-title">Create a key</h2>
        <CreateKeyForm title="Create a key" defaultName="Internal tool" submitLabel="Create key" />
      </section>
      <section className="card" aria-labelledby="keys-title">
        <div className="section-header">
          <h2 id="keys-title">Keys</h2>
          <label className="checks">
            <input type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} /> Show
            revoked keys
          </label>
        </div>
        <QueryState isPending={keys.isPending} error={keys.error} label="keys" />
        {keys.data ? <KeyTable keys={keys.data.items} ownerNames={names} empty="No keys." /> : null}
      </section>
    </>
  );
}
