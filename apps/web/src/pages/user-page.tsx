import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { errorMessage, useTRPC } from '../api/trpc.ts';
import { Badge } from '../components/badge.tsx';
import { InviteState } from '../components/invite-state.tsx';
import { KeyTable } from '../components/key-table.tsx';
import { Notice } from '../components/notice.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { formatDate, show } from '../lib/format.ts';
import { useRoleSetup } from '../lib/use-role-setup.ts';
import type { RoleShown } from '../lib/use-role-setup.ts';
import { displayNameOf, emailOf, SOURCE_LABELS } from '../lib/user-labels.ts';
import type { UserRecord } from '../lib/user-labels.ts';

/** The attributes worth a row, in the order admins read them. */
function attributeRows(u: UserRecord, role: RoleShown): Array<[string, string]> {
  const a = u.attributes;
  return [
    ['User name', u.userName],
    ['Display name', show(a.displayName)],
    ['Given name', show(a.name?.givenName)],
    ['Family name', show(a.name?.familyName)],
    [
      'Emails',
      a.emails?.map((e) => `${e.value}${e.type ? ` (${e.type})` : ''}${e.primary ? ' · primary' : ''}`).join(', ') ||
        '—',
    ],
    ['Title', show(a.title)],
    ['Department', show(a.enterprise?.department)],
    ['Manager', show(a.enterprise?.manager?.displayName ?? a.enterprise?.manager?.value)],
    ['External id', show(a.externalId)],
    ['Role', `${role.label} (${role.why})`],
    ['Source', SOURCE_LABELS[u.source]],
    ['Created', formatDate(u.created)],
    ['Last modified', formatDate(u.lastModified)],
    ['First sign-in', formatDate(u.acceptedAt)],
    ['Id', u.id],
  ];
}

export function UserPage({ id }: { id: string }) {
  const client = useQueryClient();
  const trpc = useTRPC();
  const user = useQuery(trpc.users.get.queryOptions({ id }));
  const { roleOf } = useRoleSetup();
  const invite = useQuery(trpc.invites.status.queryOptions({ userId: id }));
  const keys = useQuery(trpc.keys.list.queryOptions({ ownerId: id, includeRevoked: true }));
  const resend = useMutation(
    trpc.invites.resend.mutationOptions({
      onSuccess: (status) => client.setQueryData(trpc.invites.status.queryKey({ userId: id }), status),
    }),
  );
  const u = user.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/users" activeOptions={{ exact: true }}>
          Users
        </Link>{' '}
        /
      </p>
      <PageHeader
        title={u ? displayNameOf(u) : 'User'}
        description={
          u ? (
            <>
              {emailOf(u)} · <Badge value={u.status} />
            </>
          ) : undefined
        }
      />
      <QueryState isPending={user.isPending} error={user.error} label="the user" />
      {u ? (
        <div className="grid-2">
          <section className="card" aria-labelledby="attributes-title">
            <h2 id="attributes-title">Attributes</h2>
            <dl className="details">
              {attributeRows(u, roleOf(u)).map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd className={label === 'Id' || label === 'User name' ? 'mono small' : undefined}>{value}</dd>
                </div>
              ))}
            </dl>
          </section>
          <div className="stack">
            <section className="card" aria-labelledby="invite-title">
              <h2 id="invite-title">Invite</h2>
              <QueryState isPending={invite.isPending} error={invite.error} label="the invite" />
              {invite.data !== undefined ? (
                <dl className="details">
                  <div>
                    <dt>State</dt>
                    <dd>
                      <InviteState invite={invite.data} />
                    </dd>
                  </div>
                  <div>
                    <dt>Sent</dt>
                    <dd>{formatDate(invite.data?.sentAt)}</dd>
                  </div>
                  <div>
                    <dt>Expires</dt>
                    <dd>{formatDate(invite.data?.expiresAt)}</dd>
                  </div>
                </dl>
              ) : null}
              {resend.isSuccess ? (
                <Notice tone="success">
                  A new invite is on its way to {emailOf(u)}. Earlier links no longer work.
                </Notice>
              ) : null}
              {resend.error ? <Notice tone="error">{errorMessage(resend.error)}</Notice> : null}
              {u.status === 'invited' ? (
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => resend.mutate({ userId: id })}
                  disabled={resend.isPending}
                >
                  {resend.isPending ? 'Sending…' : 'Resend invite'}
                </button>
              ) : (
                <p className="muted small">
                  {u.status === 'active' ? 'This user has accepted their invite.' : 'Deactivated users get no invites.'}
                </p>
              )}
            </section>
            <section className="card" aria-labelledby="groups-title">
              <h2 id="groups-title">Groups</h2>
              {u.groups.length ? (
                <ul className="plain-list">
                  {u.groups.map((g) => (
                    <li key={g.value}>
                      <Link to="/groups/$id" params={{ id: g.value }}>
                        {g.display ?? g.value}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Not in any group.</p>
              )}
            </section>
          </div>
          <section className="card span-2" aria-labelledby="keys-title">
            <h2 id="keys-title">Keys this user owns</h2>
            <p className="muted small">A user's keys are revoked when the user is deactivated or deleted.</p>
            <QueryState isPending={keys.isPending} error={keys.error} label="keys" />
            {keys.data ? (
              <KeyTable
                keys={keys.data.items}
                ownerNames={new Map([[u.id, displayNameOf(u)]])}
                empty="This user owns no keys."
              />
            ) : null}
          </section>
        </div>
      ) : null}
    </>
  );
}
