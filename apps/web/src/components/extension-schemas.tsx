import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage, useTRPC } from '../api/trpc.ts';
import type { Outputs } from '../api/trpc.ts';
import { formText } from '../lib/form-text.ts';
import { ConfirmButton } from './confirm-button.tsx';
import { Notice } from './notice.tsx';

type Schema = Outputs['orgSchemas']['list'][number];
type Attribute = Schema['attributes'][number];

const EXAMPLE = JSON.stringify(
  {
    urn: 'urn:ietf:params:scim:schemas:extension:acme:2.0:User',
    name: 'Acme',
    attributes: [{ name: 'costCode', type: 'string' }],
  },
  null,
  2,
);

/** Retiring keeps the values (invisible) unless the admin asks to delete them too. */
const RETIRE_CHOICES = [
  { label: 'Retire', deleteData: false },
  { label: 'Retire and delete values', deleteData: true },
] as const;

const typeOf = (a: Attribute) => `${a.type}${a.multiValued ? '[]' : ''}${a.uniqueness === 'server' ? ', unique' : ''}`;

/** The org's User extension schemas: what the IdP may send beside the core attributes. */
export function ExtensionSchemas() {
  const textId = useId();
  const client = useQueryClient();
  const trpc = useTRPC();
  const list = useQuery(trpc.orgSchemas.list.queryOptions());
  const refresh = { onSuccess: () => client.invalidateQueries(trpc.orgSchemas.list.queryFilter()) };
  const register = useMutation(trpc.orgSchemas.register.mutationOptions(refresh));
  const change = useMutation(trpc.orgSchemas.change.mutationOptions(refresh));
  const retire = useMutation(trpc.orgSchemas.retire.mutationOptions(refresh));
  const [parseError, setParseError] = useState<string | null>(null);
  const busy = register.isPending || change.isPending || retire.isPending;
  const error =
    parseError ?? [register.error, change.error, retire.error].map((e) => e && errorMessage(e)).find(Boolean);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    let definition: unknown;
    try {
      definition = JSON.parse(formText(new FormData(element), 'definition'));
    } catch {
      setParseError('The definition is not valid JSON.');
      return;
    }
    setParseError(null);
    register.mutate(definition as Parameters<typeof register.mutate>[0], { onSuccess: () => element.reset() });
  };
  const setAttributes = (s: Schema, attributes: Attribute[], deleteData?: string[]) =>
    change.mutate({ id: s.id, ifMatchVersion: s.version, attributes, ...(deleteData ? { deleteData } : {}) });

  return (
    <>
      <p className="muted small">
        Custom attributes your identity provider maps into an extension (in Okta: Profile Editor → the app → add
        attribute, external namespace = the URN). Hiding an attribute or retiring a schema keeps its stored values.
        Deleting with values removes them from every user: they disappear from the directory at once, and a background
        task erases them from storage about a minute later.
      </p>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {(list.data ?? []).map((s) => (
        <div key={s.id} role="group" aria-label={s.urn} className="card-inner">
          <p>
            <strong>{s.name}</strong> <span className="mono small">{s.urn}</span>{' '}
            {RETIRE_CHOICES.map(({ label, deleteData }) => (
              <ConfirmButton
                key={label}
                label={label}
                confirmLabel={`Confirm ${label.toLowerCase()}`}
                name={`schema ${s.name}`}
                busy={retire.isPending}
                disabled={busy}
                onConfirm={() => retire.mutate({ id: s.id, deleteData })}
              />
            ))}
          </p>
          <ul className="list-plain" aria-label={`Attributes of ${s.name}`}>
            {s.attributes.map((a) => (
              <li key={a.name}>
                <span className="mono">{a.name}</span> <span className="muted small">{typeOf(a)}</span>{' '}
                <button
                  type="button"
                  className="button"
                  disabled={busy || s.attributes.length === 1}
                  aria-label={`Hide ${a.name}`}
                  onClick={() =>
                    setAttributes(
                      s,
                      s.attributes.filter((x) => x !== a),
                    )
                  }
                >
                  Hide
                </button>{' '}
                <ConfirmButton
                  label="Delete with values"
                  confirmLabel="Confirm delete with values"
                  name={a.name}
                  disabled={busy || s.attributes.length === 1}
                  onConfirm={() =>
                    setAttributes(
                      s,
                      s.attributes.filter((x) => x !== a),
                      [a.name],
                    )
                  }
                />
              </li>
            ))}
            {s.hiddenAttributes.map((a) => (
              <li key={a.name}>
                <span className="mono">{a.name}</span> <span className="muted small">hidden, values kept</span>{' '}
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  aria-label={`Show ${a.name}`}
                  onClick={() => setAttributes(s, [...s.attributes, a])}
                >
                  Show
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {list.data?.length === 0 ? <p className="muted small">No extension schema yet.</p> : null}
      <form onSubmit={submit} aria-label="Register an extension schema">
        <div className="field">
          <label htmlFor={textId}>Schema definition (JSON)</label>
          <textarea id={textId} name="definition" rows={8} required className="mono" defaultValue={EXAMPLE} />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          Register schema
        </button>
      </form>
    </>
  );
}
