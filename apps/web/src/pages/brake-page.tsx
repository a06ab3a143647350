import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { errorMessage, useTRPC } from '../api/trpc.ts';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { Notice } from '../components/notice.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { formatDate } from '../lib/format.ts';
import { formText } from '../lib/form-text.ts';

/** The mass-deprovision brake: its state, the users it holds, release, thresholds. */
export function BrakePage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.brake.status.queryOptions());
  const held = useQuery(trpc.brake.held.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.brake.pathKey() });
  const release = useMutation(trpc.brake.release.mutationOptions({ onSuccess: refresh }));
  const configure = useMutation(trpc.brake.configure.mutationOptions({ onSuccess: refresh }));
  const state = status.data?.state;
  const settings = status.data?.settings;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    configure.mutate({ percent: Number(formText(data, 'percent')), count: Number(formText(data, 'count')) });
  };

  return (
    <>
      <PageHeader
        title="Deprovision brake"
        description="A wrong assignment rule in the identity provider can deactivate a whole company in minutes. Past the threshold, further SCIM deactivations and deletions are held (answered 429, which identity providers retry) until an admin decides."
      />
      <section className="card" aria-labelledby="brake-state-title">
        <h2 id="brake-state-title">State</h2>
        <QueryState isPending={status.isPending} error={status.error} label="the brake" />
        {release.error ? <Notice tone="error">{errorMessage(release.error)}</Notice> : null}
        {release.isSuccess ? (
          <Notice tone="success">
            Brake released: {release.data.released.length} held deprovision(s) will succeed when the identity provider
            retries them.
          </Notice>
        ) : null}
        {state?.braked ? (
          <>
            <p>
              <strong>Braked</strong> since {state.brakedAt ? formatDate(state.brakedAt) : '—'}. Release it if these
              users should go; otherwise keep it and fix the identity provider: nothing further is deprovisioned
              meanwhile.
            </p>
            <ConfirmButton
              label="Release"
              confirmLabel="Confirm release"
              name="the deprovision brake"
              busy={release.isPending}
              onConfirm={() => release.mutate()}
            />
          </>
        ) : state ? (
          <p>Not braked{state.releasedAt ? `; last released ${formatDate(state.releasedAt)}` : ''}.</p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="brake-held-title">
        <h2 id="brake-held-title">{held.data?.braked === false ? 'Released last time' : 'Held users'}</h2>
        <QueryState isPending={held.isPending} error={held.error} label="held users" />
        {held.data && held.data.items.length === 0 ? <p className="muted">None.</p> : null}
        {held.data && held.data.items.length > 0 ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Request</th>
                  <th scope="col">First held</th>
                  <th scope="col">Attempts</th>
                </tr>
              </thead>
              <tbody>
                {held.data.items.map((h) => (
                  <tr key={h.userId}>
                    <td>{h.userName}</td>
                    <td>{h.action === 'delete' ? 'Delete' : 'Deactivate'}</td>
                    <td>{formatDate(h.firstAt)}</td>
                    <td>{h.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section className="card" aria-labelledby="brake-settings-title">
        <h2 id="brake-settings-title">Threshold</h2>
        <p className="muted">
          Brake when, within 10 minutes, more than this many users or this share of active users are deactivated or
          deleted. 0 turns a rule off; both 0 turn the brake off.
        </p>
        {configure.error ? <Notice tone="error">{errorMessage(configure.error)}</Notice> : null}
        {configure.isSuccess ? <Notice tone="success">Threshold saved.</Notice> : null}
        {settings ? (
          <form className="form-row" onSubmit={submit} key={`${settings.percent}-${settings.count}`}>
            <div className="field">
              <label htmlFor="brake-count">Users</label>
              <input
                id="brake-count"
                name="count"
                type="number"
                min={0}
                max={100000}
                defaultValue={settings.count}
                required
              />
            </div>
            <div className="field">
              <label htmlFor="brake-percent">Percent of active users</label>
              <input
                id="brake-percent"
                name="percent"
                type="number"
                min={0}
                max={100}
                defaultValue={settings.percent}
                required
              />
            </div>
            <button type="submit" className="button" disabled={configure.isPending}>
              Save threshold
            </button>
          </form>
        ) : null}
      </section>
    </>
  );
}
