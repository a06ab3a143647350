import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTRPC } from '../api/trpc.ts';
import { PageHeader } from '../components/page-header.tsx';
import { Pager } from '../components/pager.tsx';
import { QueryState } from '../components/query-state.tsx';
import { formatDate } from '../lib/format.ts';

const PAGE_SIZE = 50;

/** One group and its members, 50 a page (groups can have tens of thousands). */
export function GroupPage({ id }: { id: string }) {
  const [page, setPage] = useState(1);
  const trpc = useTRPC();
  const group = useQuery(trpc.groups.get.queryOptions({ id, includeMembers: false }));
  const members = useQuery(
    trpc.groups.listMembers.queryOptions(
      { id, startIndex: (page - 1) * PAGE_SIZE + 1, count: PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );
  const g = group.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/groups" activeOptions={{ exact: true }}>
          Groups
        </Link>{' '}
        /
      </p>
      <PageHeader title={g?.displayName ?? 'Group'} description="Read-only: managed by your identity provider." />
      <QueryState isPending={group.isPending} error={group.error} label="the group" />
      {g ? (
        <section className="card" aria-labelledby="group-details-title">
          <h2 id="group-details-title">Details</h2>
          <dl className="details">
            <div>
              <dt>External id</dt>
              <dd className="mono small">{g.attributes.externalId ?? '—'}</dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd>{formatDate(g.created)}</dd>
            </div>
            <div>
              <dt>Last change</dt>
              <dd>{formatDate(g.lastModified)}</dd>
            </div>
            <div>
              <dt>Id</dt>
              <dd className="mono small">{g.id}</dd>
            </div>
          </dl>
        </section>
      ) : null}
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <QueryState isPending={members.isPending} error={members.error} label="members" />
        {members.data ? (
          <>
            <ul className="plain-list">
              {members.data.items.map((m) => (
                <li key={m.value}>
                  <Link to="/users/$id" params={{ id: m.value }}>
                    {m.display ?? m.value}
                  </Link>
                </li>
              ))}
            </ul>
            {members.data.items.length === 0 ? <p className="muted">No members.</p> : null}
            <Pager
              page={page}
              pageSize={PAGE_SIZE}
              total={members.data.totalResults}
              onPage={setPage}
              label="Members"
            />
          </>
        ) : null}
      </section>
    </>
  );
}
