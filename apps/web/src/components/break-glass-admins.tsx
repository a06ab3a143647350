import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage, useTRPC, useTRPCClient } from '../api/trpc.ts';
import { formText } from '../lib/form-text.ts';
import { displayNameOf } from '../lib/user-labels.ts';
import { Notice } from './notice.tsx';

/**
 * The admins who keep password sign-in while SSO is required (for when the IdP is down), named
 * by email; the server checks each is an active admin of the org.
 */
export function BreakGlassAdmins({
  ids,
  busy,
  onSave,
}: {
  ids: readonly string[];
  busy: boolean;
  onSave: (ids: string[]) => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [problem, setProblem] = useState<string | null>(null);
  const users = useQueries({ queries: ids.map((id) => trpc.users.get.queryOptions({ id }, { retry: false })) });
  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const email = formText(new FormData(element), 'breakGlassEmail').trim();
    try {
      const { items } = await client.users.list.query({ email, status: 'active', limit: 2 });
      const [user] = items;
      if (!user || items.length > 1) return setProblem(`No single active user has the email ${email}.`);
      setProblem(null);
      element.reset();
      if (!ids.includes(user.id)) onSave([...ids, user.id]);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <div className="field">
      <p className="small">Break-glass admins (keep password sign-in while SSO is required):</p>
      <ul aria-label="Break-glass admins">
        {ids.length === 0 ? <li className="muted">none</li> : null}
        {ids.map((id, i) => (
          <li key={id}>
            {users[i]?.data ? displayNameOf(users[i].data) : <span className="mono">{id}</span>}{' '}
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => onSave(ids.filter((other) => other !== id))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <form onSubmit={(e) => void add(e)}>
        <label htmlFor="breakGlassEmail">Add an admin by email</label>{' '}
        <input id="breakGlassEmail" name="breakGlassEmail" type="email" required placeholder="admin@acme.example" />{' '}
        <button type="submit" className="button" disabled={busy}>
          Add break-glass admin
        </button>
      </form>
    </div>
  );
}
