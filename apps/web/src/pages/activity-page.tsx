import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useSession } from '../api/session.ts';
import { useTRPC, useTRPCClient } from '../api/trpc.ts';
import { AuditEventRow } from '../components/audit-event-row.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { formText } from '../lib/form-text.ts';

type Filters = {
  resourceType?: string;
  outcome?: 'success' | 'failure';
  actorId?: string;
  resourceId?: string;
  from?: string;
  to?: string;
  ledger?: 'platform';
};

const RESOURCE_TYPES = ['User', 'Group', 'ApplicationKey', 'ServiceAccount', 'Org'];
const PAGE = 50;

/** Form values → procedure filters; dates are whole UTC days. */
function filtersOf(form: FormData): Filters {
  const text = (name: string) => formText(form, name).trim();
  const outcome = text('outcome');
  return {
    ...(text('resourceType') ? { resourceType: text('resourceType') } : {}),
    ...(outcome === 'success' || outcome === 'failure' ? { outcome } : {}),
    ...(text('actorId') ? { actorId: text('actorId') } : {}),
    ...(text('resourceId') ? { resourceId: text('resourceId') } : {}),
    ...(text('from') ? { from: `${text('from')}T00:00:00.000Z` } : {}),
    ...(text('to') ? { to: `${text('to')}T23:59:59.999Z` } : {}),
    ...(text('ledger') === 'platform' ? { ledger: 'platform' as const } : {}),
  };
}

/** The provisioning ledger: every SCIM request, admin change and failed sign-in, newest first, 90 days kept. */
export function ActivityPage() {
  const [filters, setFilters] = useState<Filters>({});
  const isPlatform = useSession().data?.kind === 'platform';
  const trpc = useTRPC();
  const client = useTRPCClient();
  // audit.list pages by `before` (not tRPC's `cursor`), so the pages are fetched here, under the procedure's own key.
  const events = useInfiniteQuery({
    queryKey: [...trpc.audit.list.pathKey(), { input: filters, type: 'infinite' }],
    queryFn: ({ pageParam }) =>
      client.audit.list.query({ ...filters, limit: PAGE, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilters(filtersOf(new FormData(event.currentTarget)));
  };
  return (
    <>
      <PageHeader
        title="Activity"
        description="Every SCIM request, admin change and failed sign-in, with what each changed. Kept for 90 days."
      />
      <form className="filters" onSubmit={apply} aria-label="Filter activity">
        {isPlatform ? (
          <div className="field">
            <label htmlFor="f-ledger">Ledger</label>
            <select id="f-ledger" name="ledger" defaultValue="org">
              <option value="org">This organisation</option>
              <option value="platform">
                Platform: failed sign-ins of no org (unknown accounts, admin tokens, limited)
              </option>
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="f-type">Resource</label>
          <select id="f-type" name="resourceType" defaultValue="">
            <option value="">All</option>
            {RESOURCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-outcome">Outcome</label>
          <select id="f-outcome" name="outcome" defaultValue="">
            <option value="">All</option>
            <option value="success">Success</option>
            <option value="failure">Failure</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-actor">Actor (key, owner or user id, or a sign-in's account)</label>
          <input id="f-actor" name="actorId" className="mono" />
        </div>
        <div className="field">
          <label htmlFor="f-resource">Resource id</label>
          <input id="f-resource" name="resourceId" className="mono" />
        </div>
        <div className="field">
          <label htmlFor="f-from">From</label>
          <input id="f-from" name="from" type="date" />
        </div>
        <div className="field">
          <label htmlFor="f-to">To</label>
          <input id="f-to" name="to" type="date" />
        </div>
        <button type="submit" className="button button-primary">
          Apply filters
        </button>
      </form>
      <QueryState isPending={events.isPending} error={events.error} label="activity" />
      {events.data ? (
        <div className="list-card" aria-label="Events" role="list">
          {items.map((e) => (
            <div role="listitem" key={e.id}>
              <AuditEventRow event={e} />
            </div>
          ))}
          {items.length === 0 ? <p className="empty">No events match.</p> : null}
        </div>
      ) : null}
      {events.hasNextPage ? (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => void events.fetchNextPage()}
            disabled={events.isFetchingNextPage}
          >
            {events.isFetchingNextPage ? 'Loading…' : 'Load older events'}
          </button>
        </p>
      ) : null}
    </>
  );
}
