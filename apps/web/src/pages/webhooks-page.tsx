import { WEBHOOK_EVENT_TYPES, WEBHOOK_EVENT_WILDCARDS } from '@provisio/core/webhook-event-types';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage, useTRPC } from '../api/trpc.ts';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { CopyField } from '../components/copy-field.tsx';
import { DataTable } from '../components/data-table.tsx';
import { Notice } from '../components/notice.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { WebhookDeliveries } from '../components/webhook-deliveries.tsx';
import { formText } from '../lib/form-text.ts';

/** Webhook endpoints: add one (its secret shown once), ping, rotate, turn on or off, delete; the delivery log. */
export function WebhooksPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({ ...trpc.webhooks.list.queryOptions(), refetchInterval: 5_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
  const create = useMutation(trpc.webhooks.create.mutationOptions({ onSuccess: refresh }));
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.webhooks.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.webhooks.delete.mutationOptions({ onSuccess: refresh }));
  const ping = useMutation(trpc.webhooks.ping.mutationOptions({ onSuccess: refresh }));
  const [selected, setSelected] = useState<string | null>(null);
  const shown = create.data ?? rotate.data;
  const failure = create.error ?? rotate.error ?? update.error ?? remove.error ?? ping.error;
  const endpoints = list.data ?? [];
  const current = endpoints.find((e) => e.id === selected) ?? endpoints[0];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const events = [...WEBHOOK_EVENT_WILDCARDS, ...WEBHOOK_EVENT_TYPES].filter((t) => data.get(t) === 'on');
    rotate.reset();
    create.mutate({ url: formText(data, 'url'), events });
  };

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Provisio POSTs each user, group and membership event to your endpoints, in order, signed with HMAC-SHA256 (verify with verifyWebhook from @provisio/client). At least once: de-duplicate on the event id. A failing endpoint is retried with backoff for 24 hours, then turned off and the org's admins are mailed."
      />
      {failure ? <Notice tone="error">{errorMessage(failure)}</Notice> : null}
      {shown ? (
        <section className="token-panel" aria-labelledby="secret-title">
          <h2 id="secret-title">Copy the signing secret now</h2>
          <p className="small">This is the only time it is shown. Your receiver verifies each delivery with it.</p>
          <CopyField label="Signing secret" value={shown.secret} secret />
          <button type="button" className="button" onClick={() => (create.reset(), rotate.reset())}>
            Done, I have stored it
          </button>
        </section>
      ) : null}
      <section className="card" aria-labelledby="endpoints-title">
        <h2 id="endpoints-title">Endpoints</h2>
        <QueryState isPending={list.isPending} error={list.error} label="endpoints" />
        {list.data && endpoints.length === 0 ? <p className="muted">No endpoints yet.</p> : null}
        <DataTable
          rows={endpoints}
          rowKey={(e) => e.id}
          selected={(e) => e.id === current?.id}
          columns={[
            { header: 'URL', cell: (e) => e.url, className: 'mono' },
            { header: 'Events', cell: (e) => e.events.join(', ') },
            {
              header: 'State',
              cell: (e) =>
                `${e.enabled ? (e.failures ? `failing (${e.failures} attempts)` : 'On') : `Off: ${e.disabledReason ?? ''}`}${e.previousSecretExpiresAt ? ' · rotating' : ''}`,
            },
          ]}
          actionsClassName="actions"
          actions={(e) => (
            <>
              <button type="button" className="button button-quiet" onClick={() => setSelected(e.id)}>
                Deliveries
              </button>
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Ping ${e.url}`}
                onClick={() => (setSelected(e.id), ping.mutate({ id: e.id }))}
              >
                Ping
              </button>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => update.mutate({ id: e.id, enabled: !e.enabled })}
              >
                {e.enabled ? 'Turn off' : 'Turn on'}
              </button>
              <ConfirmButton
                label="Rotate secret"
                confirmLabel="Confirm rotation"
                name={e.url}
                onConfirm={() => (create.reset(), rotate.mutate({ id: e.id, overlapHours: 24 }))}
              />
              <ConfirmButton
                label="Delete"
                confirmLabel="Confirm delete"
                name={e.url}
                onConfirm={() => remove.mutate({ id: e.id })}
              />
            </>
          )}
        />
      </section>
      <section className="card" aria-labelledby="add-endpoint-title">
        <h2 id="add-endpoint-title">Add an endpoint</h2>
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="webhook-url">URL</label>
            <input id="webhook-url" name="url" type="url" required placeholder="https://hooks.example.com/provisio" />
          </div>
          <fieldset>
            <legend>Events</legend>
            <div className="checks">
              {WEBHOOK_EVENT_WILDCARDS.map((t) => (
                <label key={t}>
                  <input type="checkbox" name={t} defaultChecked /> <span className="mono">{t}</span>
                </label>
              ))}
            </div>
            <p className="hint">A wildcard takes every type of its family, later ones too; or pick single types:</p>
            <div className="checks">
              {WEBHOOK_EVENT_TYPES.map((t) => (
                <label key={t}>
                  <input type="checkbox" name={t} /> <span className="mono">{t}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="button" disabled={create.isPending}>
            Add endpoint
          </button>
        </form>
      </section>
      {current ? <WebhookDeliveries key={current.id} endpointId={current.id} url={current.url} /> : null}
    </>
  );
}
