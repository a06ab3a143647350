import { useMutation } from '@tanstack/react-query';
import { errorMessage, useTRPC } from '../api/trpc.ts';
import type { Outputs } from '../api/trpc.ts';
import { formatDate, fromNow } from '../lib/format.ts';
import { Badge } from './badge.tsx';
import { ConfirmButton } from './confirm-button.tsx';
import { Notice } from './notice.tsx';
import { useRefreshKeys } from '../lib/use-refresh-keys.ts';

export type KeyRecord = Outputs['keys']['list']['items'][number];

const REVOKED: Record<NonNullable<KeyRecord['revokedReason']>, string> = {
  revoked: 'Revoked',
  owner_deactivated: 'Owner deactivated',
  owner_deleted: 'Owner deleted',
  owner_demoted: 'Owner no longer admin',
};

/** Keys with scopes, use and a two-step Revoke; every key query refreshes after a revoke. */
export function KeyTable({
  keys,
  ownerNames,
  empty,
}: {
  keys: KeyRecord[];
  ownerNames: Map<string, string>;
  empty: string;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshKeys();
  const revoke = useMutation(trpc.keys.revoke.mutationOptions({ onSuccess: refresh }));
  return (
    <>
      {revoke.error ? <Notice tone="error">{errorMessage(revoke.error)}</Notice> : null}
      {revoke.isSuccess ? (
        <Notice tone="success">Key {revoke.data.name} revoked: it stops working on its next request.</Notice>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Owner</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Last SCIM use</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} data-key-id={k.id}>
                <td>
                  <strong>{k.name}</strong>
                  <div className="mono small muted">{k.hint}</div>
                </td>
                <td>
                  {ownerNames.get(k.ownerId) ?? k.ownerId}
                  <div className="small muted">{k.ownerType === 'user' ? 'User' : 'Service account'}</div>
                </td>
                <td>
                  {k.scopes.map((s) => (
                    <span key={s} className="chip">
                      {s}
                    </span>
                  ))}
                </td>
                <td title={formatDate(k.created)}>{fromNow(k.created, { past: true })}</td>
                <td title={formatDate(k.lastUsedAt)}>
                  {k.lastUsedAt ? fromNow(k.lastUsedAt, { past: true }) : 'Never'}
                </td>
                <td title={formatDate(k.lastScimUsedAt)}>
                  {k.lastScimUsedAt ? fromNow(k.lastScimUsedAt, { past: true }) : 'Never'}
                </td>
                <td>
                  {k.revokedReason ? (
                    <Badge value="revoked" label={REVOKED[k.revokedReason]} />
                  ) : (
                    <Badge value="active" />
                  )}
                </td>
                <td className="actions">
                  {k.revokedAt ? null : (
                    <ConfirmButton
                      label="Revoke"
                      confirmLabel="Confirm revoke"
                      name={`key ${k.name}`}
                      busy={revoke.isPending && revoke.variables.id === k.id}
                      onConfirm={() => revoke.mutate({ id: k.id })}
                    />
                  )}
                </td>
              </tr>
            ))}
            {keys.length === 0 ? (
              <tr>
                <td colSpan={8} className="empty">
                  {empty}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
