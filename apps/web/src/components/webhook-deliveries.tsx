import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, useTRPC } from '../api/trpc.ts';
import { formatDate } from '../lib/format.ts';
import { Notice } from './notice.tsx';
import { QueryState } from './query-state.tsx';
import { DataTable } from './data-table.tsx';

/** One endpoint's delivery log (polled: the worker fills it), with a redeliver button per attempt. */
export function WebhookDeliveries({ endpointId, url }: { endpointId: string; url: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const log = useQuery({ ...trpc.webhooks.deliveries.queryOptions({ id: endpointId }), refetchInterval: 2_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.pathKey() });
  const redeliver = useMutation(trpc.webhooks.redeliver.mutationOptions({ onSuccess: refresh }));
  return (
    <section className="card" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Deliveries to {url}</h2>
      <QueryState isPending={log.isPending} error={log.error} label="deliveries" />
      {redeliver.error ? <Notice tone="error">{errorMessage(redeliver.error)}</Notice> : null}
      {log.data && log.data.length === 0 ? <p className="muted">No deliveries yet.</p> : null}
      <DataTable
        rows={log.data ?? []}
        rowKey={(d) => d.id}
        columns={[
          { header: 'When', cell: (d) => formatDate(d.at) },
          { header: 'Event', cell: (d) => `${d.type}${d.kind === 'redelivery' ? ' (redelivery)' : ''}` },
          { header: 'Result', cell: (d) => (d.status === 'failed' && d.error ? `failed: ${d.error}` : d.status) },
          { header: 'Response', cell: (d) => d.responseStatus ?? '—' },
          { header: 'Duration', cell: (d) => (d.durationMs === null ? '—' : `${d.durationMs} ms`) },
        ]}
        actions={(d) =>
          d.kind !== 'ping' ? (
            <button
              type="button"
              className="button button-quiet"
              aria-label={`Redeliver ${d.type} of ${formatDate(d.at)}`}
              disabled={redeliver.isPending}
              onClick={() => redeliver.mutate({ deliveryId: d.id })}
            >
              Redeliver
            </button>
          ) : null
        }
      />
    </section>
  );
}
