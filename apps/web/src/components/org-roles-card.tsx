import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { errorMessage, useTRPC } from '../api/trpc.ts';
import type { Outputs } from '../api/trpc.ts';
import { formText } from '../lib/form-text.ts';
import { ConfirmButton } from './confirm-button.tsx';
import { Notice } from './notice.tsx';
import { DataTable } from './data-table.tsx';

type Setup = Outputs['roles']['list'];

/** The org's own roles: define, rank, delete (refused while a group maps to one). */
export function OrgRolesCard({ setup }: { setup: Setup }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  // A mapping or a rank moves users' roles: their pages read again too.
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: trpc.roles.pathKey() }),
      client.invalidateQueries({ queryKey: trpc.users.pathKey() }),
    ]);
  const save = useMutation(trpc.roles.save.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.roles.delete.mutationOptions({ onSuccess: refresh }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const rank = Number(formText(data, 'rank') || 100);
    save.mutate(
      { name: formText(data, 'name'), description: formText(data, 'description'), rank },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <section className="card" aria-labelledby="org-roles-title">
      <h2 id="org-roles-title">Org roles</h2>
      <p className="muted">
        Roles your tools read, beside the built-in ones. In Provisio an org role grants what Standard grants. When a
        user&apos;s groups give several roles, the highest wins: Admin, then org roles by rank (higher first), then
        Standard, then Read only.
      </p>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {remove.error ? <Notice tone="error">{errorMessage(remove.error)}</Notice> : null}
      {setup.roles.length === 0 ? <p className="muted">No org roles yet.</p> : null}
      <DataTable
        rows={setup.roles}
        rowKey={(r) => r.id}
        columns={[
          { header: 'Name', cell: (r) => r.name },
          { header: 'Description', cell: (r) => r.description || '—' },
          { header: 'Rank', cell: (r) => r.rank },
        ]}
        actions={(r) => (
          <ConfirmButton
            label="Delete"
            confirmLabel="Confirm delete"
            name={`role ${r.name}`}
            busy={remove.isPending}
            onConfirm={() => remove.mutate({ id: r.id })}
          />
        )}
      />
      <form className="form-row" onSubmit={submit} aria-label="New org role">
        <div className="field">
          <label htmlFor="role-name">Name</label>
          <input id="role-name" name="name" required maxLength={64} />
        </div>
        <div className="field">
          <label htmlFor="role-description">Description</label>
          <input id="role-description" name="description" maxLength={500} />
        </div>
        <div className="field">
          <label htmlFor="role-rank">Rank</label>
          <input id="role-rank" name="rank" type="number" min={0} max={1000} defaultValue={100} />
        </div>
        <button type="submit" className="button" disabled={save.isPending}>
          Add role
        </button>
      </form>
    </section>
  );
}
