import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTRPC } from '../api/trpc.ts';
import { Badge } from '../components/badge.tsx';
import { InviteState } from '../components/invite-state.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Pager } from '../components/pager.tsx';
import { QueryState } from '../components/query-state.tsx';
import { useDebounced } from '../lib/use-debounced.ts';
import { RoleWithReason } from '../components/role-with-reason.tsx';
import { useRoleSetup } from '../lib/use-role-setup.ts';
import { displayNameOf, emailOf, SOURCE_LABELS } from '../lib/user-labels.ts';
import { statusFrom } from './users-search.ts';
import type { UsersSearch } from './users-search.ts';

const PAGE_SIZE = 25;
type StatusChoice = UsersSearch['status'] | '';

/** Every user of the org, searchable and filtered by status, 25 a page; search, status and page live in the URL. */
export function UsersPage() {
  const { roleOf } = useRoleSetup();
  const trpc = useTRPC();
  const search = useSearch({ from: '/users' });
  const navigate = useNavigate({ from: '/users' });
  const page = search.page ?? 1;
  // The URL holds the search; the box only holds what is being typed until it pauses.
  const q = search.q ?? '';
  const status = search.status ?? '';
  const [text, setText] = useState(q);
  const typed = useDebounced(text);
  const go = (next: { q?: string; status?: StatusChoice; page?: number }) => {
    const nextQ = next.q ?? q;
    const nextStatus = next.status ?? status;
    const nextPage = next.page ?? 1;
    void navigate({
      search: {
        ...(nextQ ? { q: nextQ } : {}),
        ...(nextStatus ? { status: nextStatus } : {}),
        ...(nextPage > 1 ? { page: nextPage } : {}),
      },
      replace: true,
    });
  };
  useEffect(() => {
    if (typed !== q) go({ q: typed, page: 1 });
  }, [typed]);

  const users = useQuery(
    trpc.users.search.queryOptions(
      {
        ...(q.trim() ? { text: q.trim() } : {}),
        ...(status ? { status } : {}),
        sortBy: 'userName',
        startIndex: (page - 1) * PAGE_SIZE + 1,
        count: PAGE_SIZE,
      },
      { placeholderData: keepPreviousData },
    ),
  );
  const items = users.data?.items ?? [];
  // Invite state for the invited of the page, in one call; others show accepted or nothing.
  const invitedIds = items.filter((u) => u.status === 'invited').map((u) => u.id);
  const invites = useQuery(
    trpc.invites.statusMany.queryOptions({ userIds: invitedIds }, { enabled: invitedIds.length > 0 }),
  );
  const inviteOf = new Map(invites.data?.map((s) => [s.userId, s.invite]));

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone your identity provider provisioned, plus admins and just-in-time accounts."
      />
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="user-search">Search users</label>
          <input
            id="user-search"
            type="search"
            placeholder="Start of a name, user name or email"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="user-status">Status</label>
          <select id="user-status" value={status} onChange={(e) => go({ status: statusFrom(e.target.value), page: 1 })}>
            <option value="">All</option>
            <option value="invited">Invited (invite pending)</option>
            <option value="active">Active</option>
            <option value="deactivated">Deactivated</option>
          </select>
        </div>
      </div>
      <QueryState isPending={users.isPending} error={users.error} label="users" />
      {users.data ? (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="sr-only">Users</caption>
              <thead>
                <tr>
                  <th scope="col">Name and user name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Source</th>
                  <th scope="col">Invite</th>
                </tr>
              </thead>
              <tbody>
                {items.map((u) => (
                  <tr key={u.id}>
                    <td>
                      <Link to="/users/$id" params={{ id: u.id }} className="nowrap">
                        {displayNameOf(u)}
                      </Link>
                      <div className="mono small muted">{u.userName}</div>
                    </td>
                    <td>{emailOf(u)}</td>
                    <td>
                      <RoleWithReason shown={roleOf(u)} />
                    </td>
                    <td>
                      <Badge value={u.status} />
                    </td>
                    <td>{SOURCE_LABELS[u.source]}</td>
                    <td>
                      {u.status === 'invited' ? (
                        <InviteState invite={inviteOf.get(u.id)} />
                      ) : u.acceptedAt ? (
                        <span className="muted small">Accepted</span>
                      ) : (
                        <span className="muted small">—</span>
                      )}
                    </td>
                  </tr>
                ))}
                {items.length === 0 ? (
                  <tr>
                    <td colSpan={6} className="empty">
                      {q || status
                        ? `No ${status ? `${status} ` : ''}user${q ? ` matches “${q}”` : ''}.`
                        : 'No users yet: connect your identity provider on the SCIM connection page.'}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={users.data.totalResults}
            onPage={(p) => go({ page: p })}
            label="Users"
          />
        </>
      ) : null}
    </>
  );
}
