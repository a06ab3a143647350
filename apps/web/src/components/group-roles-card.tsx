import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { errorMessage, useTRPC } from '../api/trpc.ts';
import type { Outputs } from '../api/trpc.ts';
import { formText } from '../lib/form-text.ts';
import { ROLE_LABELS } from '../lib/user-labels.ts';
import { ConfirmButton } from './confirm-button.tsx';
import { Notice } from './notice.tsx';
import { DataTable } from './data-table.tsx';

type Setup = Outputs['roles']['list'];
const BUILT_IN = ['admin', 'standard', 'read_only'] as const;

/** IdP groups → roles. A member's role changes the moment the mapping or their membership does. */
export function GroupRolesCard({ setup }: { setup: Setup }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const groups = useQuery(trpc.groups.list.queryOptions({ sortBy: 'displayName', count: 200 }));
  // A mapping or a rank moves users' roles: their pages read again too.
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: trpc.roles.pathKey() }),
      client.invalidateQueries({ queryKey: trpc.users.pathKey() }),
    ]);
  const map = useMutation(trpc.roles.mapGroup.mutationOptions({ onSuccess: refresh }));
  const unmap = useMutation(trpc.roles.unmapGroup.mutationOptions({ onSuccess: refresh }));
  const roleName = new Map(setup.roles.map((r) => [r.id, r.name]));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const groupId = formText(data, 'group');
    const target = formText(data, 'role');
    const builtIn = BUILT_IN.find((r) => r === target);
    map.mutate(builtIn ? { groupId, role: builtIn } : { groupId, orgRoleId: target });
  };
  return (
    <section className="card" aria-labelledby="group-roles-title">
      <h2 id="group-roles-title">Group mappings</h2>
      <p className="muted">
        Members of a mapped group get its role, over any role the SCIM <code>roles</code> attribute or an admin set.
        Mapping a group to Admin lets your identity provider make admins: only do it for a group you control.
      </p>
      {map.error ? <Notice tone="error">{errorMessage(map.error)}</Notice> : null}
      {unmap.error ? <Notice tone="error">{errorMessage(unmap.error)}</Notice> : null}
      {map.isSuccess ? (
        <Notice tone="success">Mapping saved; the group&apos;s members have their new role.</Notice>
      ) : null}
      {setup.mappings.length === 0 ? <p className="muted">No group is mapped.</p> : null}
      <DataTable
        rows={setup.mappings}
        rowKey={(m) => m.groupId}
        columns={[
          { header: 'Group', cell: (m) => m.groupName ?? <span className="muted">(deleted group)</span> },
          {
            header: 'Role',
            cell: (m) => (m.orgRoleId ? (roleName.get(m.orgRoleId) ?? m.orgRoleId) : ROLE_LABELS[m.role]),
          },
        ]}
        actions={(m) => (
          <ConfirmButton
            label="Unmap"
            confirmLabel="Confirm unmap"
            name={`group ${m.groupName ?? m.groupId}`}
            busy={unmap.isPending}
            onConfirm={() => unmap.mutate({ groupId: m.groupId })}
          />
        )}
      />
      <form className="form-row" onSubmit={submit} aria-label="Map a group">
        <div className="field">
          <label htmlFor="map-group">Group</label>
          <select id="map-group" name="group" required>
            {groups.data?.items.map((g) => (
              <option key={g.id} value={g.id}>
                {g.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="map-role">Role</label>
          <select id="map-role" name="role" required>
            {BUILT_IN.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
            {setup.roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} (org role)
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={map.isPending}>
          Map group
        </button>
      </form>
    </section>
  );
}
