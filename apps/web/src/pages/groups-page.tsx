import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTRPC } from '../api/trpc.ts';
import { PageHeader } from '../components/page-header.tsx';
import { Pager } from '../components/pager.tsx';
import { QueryState } from '../components/query-state.tsx';
import { formatDate } from '../lib/format.ts';
import { useDebounced } from '../lib/use-debounced.ts';

const PAGE_SIZE = 25;

/** Groups exactly as the identity provider pushed them: read-only here. */
export function GroupsPage() {
  const [text, setText] = useState('');
  const q = useDebounced(text).trim();
  // The page belongs to the search it was chosen in: a new search starts at page 1.
  const [paged, setPaged] = useState({ q, page: 1 });
  const page = paged.q === q ? paged.page : 1;
  const trpc = useTRPC();
  const groups = useQuery(
    trpc.groups.list.queryOptions(
      {
        ...(q ? { filter: `displayName co ${JSON.stringify(q)}` } : {}),
        sortBy: 'displayName',
        startIndex: (page - 1) * PAGE_SIZE + 1,
        count: PAGE_SIZE,
      },
      { placeholderData: keepPreviousData },
    ),
  );
  return (
    <>
      <PageHeader
        title="Groups"
        description="What your identity provider pushed over SCIM. Change groups in the identity provider; they sync here."
      />
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="group-search">Search groups</label>
          <input
            id="group-search"
            type="search"
            placeholder="Group name"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      </div>
      <QueryState isPending={groups.isPending} error={groups.error} label="groups" />
      {groups.data ? (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="sr-only">Groups</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">External id</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last change</th>
                </tr>
              </thead>
              <tbody>
                {groups.data.items.map((g) => (
                  <tr key={g.id}>
                    <td>
                      <Link to="/groups/$id" params={{ id: g.id }}>
                        {g.displayName}
                      </Link>
                    </td>
                    <td className="mono small">{g.attributes.externalId ?? '—'}</td>
                    <td>{formatDate(g.created)}</td>
                    <td>{formatDate(g.lastModified)}</td>
                  </tr>
                ))}
                {groups.data.items.length === 0 ? (
                  <tr>
                    <td colSpan={4} className="empty">
                      {q
                        ? `No group matches “${q}”.`
                        : 'No groups yet: assign groups to the app in your identity provider and push them.'}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={groups.data.totalResults}
            onPage={(p) => setPaged({ q, page: p })}
            label="Groups"
          />
        </>
      ) : null}
    </>
  );
}
