import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { FormEvent } from 'react';
import { errorMessage, useTRPC } from '../api/trpc.ts';
import type { Outputs } from '../api/trpc.ts';
import { formText } from '../lib/form-text.ts';
import { ROLE_LABELS } from '../lib/user-labels.ts';
import { Notice } from './notice.tsx';

type Mapping = Outputs['org']['get']['settings']['roleMapping'];
type Role = Mapping[number]['role'];

/** Which SCIM `roles` values give which role; only a value listed here gives admin. */
export function RoleMappingForm() {
  const ids = { value: useId(), role: useId() };
  const client = useQueryClient();
  const trpc = useTRPC();
  const org = useQuery(trpc.org.get.queryOptions());
  const save = useMutation(
    trpc.org.updateSettings.mutationOptions({ onSuccess: () => client.invalidateQueries(trpc.org.get.queryFilter()) }),
  );
  const mapping = org.data?.settings.roleMapping ?? [];
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    save.mutate(
      { roleMapping: [...mapping, { value: formText(form, 'value'), role: formText(form, 'role') as Role }] },
      { onSuccess: () => element.reset() },
    );
  };
  return (
    <>
      <p className="muted small">
        Values your identity provider sends in <span className="mono">roles</span>.{' '}
        <span className="mono">standard</span> and <span className="mono">read_only</span> map by name; nothing gives
        Admin unless you list it here. Other values get the default role (
        {org.data ? ROLE_LABELS[org.data.settings.defaultRole] : '…'}) and a note in the activity log.
      </p>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {mapping.length ? (
        <ul className="list-plain" aria-label="Role mapping">
          {mapping.map((entry) => (
            <li key={entry.value}>
              <span className="mono">{entry.value}</span> → {ROLE_LABELS[entry.role]}{' '}
              <button
                type="button"
                className="button"
                disabled={save.isPending}
                onClick={() => save.mutate({ roleMapping: mapping.filter((e) => e !== entry) })}
                aria-label={`Remove ${entry.value}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={add} aria-label="Map a role value" className="form-row">
        <div className="field">
          <label htmlFor={ids.value}>IdP role value</label>
          <input id={ids.value} name="value" required maxLength={256} placeholder="Provisio Admins" />
        </div>
        <div className="field">
          <label htmlFor={ids.role}>Role</label>
          <select id={ids.role} name="role" defaultValue="standard">
            {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          Add mapping
        </button>
      </form>
    </>
  );
}
