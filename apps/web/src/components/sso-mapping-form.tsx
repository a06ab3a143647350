import type { FormEvent } from 'react';
import type { Outputs } from '../api/trpc.ts';
import { formText } from '../lib/form-text.ts';

type Mapping = Outputs['sso']['get']['connection']['mapping'];

const OPTIONAL = [
  ['givenName', 'Given name attribute', 'firstName'],
  ['familyName', 'Family name attribute', 'lastName'],
  ['displayName', 'Display name attribute', 'displayName'],
  ['groups', 'Groups or roles attribute', 'groups'],
] as const;

/** The mapping from the form: the email from the NameID or a named attribute; an empty field maps nothing. */
function mappingOf(form: FormData): Mapping {
  const optional = (name: string) => formText(form, name).trim() || null;
  return {
    email: formText(form, 'emailFrom') === 'attribute' ? formText(form, 'emailAttribute').trim() : 'nameId',
    givenName: optional('givenName'),
    familyName: optional('familyName'),
    displayName: optional('displayName'),
    groups: optional('groups'),
  };
}

/** Which assertion attribute fills which user field, as the ACS reads it at every sign-in. */
export function SsoMappingForm({
  mapping,
  busy,
  onSave,
}: {
  mapping: Mapping;
  busy: boolean;
  onSave: (mapping: Mapping) => void;
}) {
  const fromNameId = mapping.email === 'nameId';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSave(mappingOf(new FormData(event.currentTarget)));
  };
  // Keyed by the saved mapping: the fields show what was saved after each change.
  return (
    <form onSubmit={submit} key={JSON.stringify(mapping)} aria-label="Attribute mapping">
      <fieldset className="field">
        <legend>Email</legend>
        <label>
          <input type="radio" name="emailFrom" value="nameId" defaultChecked={fromNameId} /> From the NameID (Okta’s and
          Entra’s default)
        </label>{' '}
        <label>
          <input type="radio" name="emailFrom" value="attribute" defaultChecked={!fromNameId} /> From the attribute
        </label>{' '}
        <input
          aria-label="Email attribute"
          name="emailAttribute"
          defaultValue={fromNameId ? '' : mapping.email}
          placeholder="email"
        />
      </fieldset>
      {OPTIONAL.map(([name, label, placeholder]) => (
        <div className="field" key={name}>
          <label htmlFor={`mapping-${name}`}>{label}</label>
          <input
            id={`mapping-${name}`}
            name={name}
            defaultValue={mapping[name] ?? ''}
            placeholder={`e.g. ${placeholder} (empty: not mapped)`}
          />
        </div>
      ))}
      <p className="muted small">
        Groups are mapped to roles through the org’s role mapping, as SCIM roles are: a group gives admin only when the
        mapping says so.
      </p>
      <button type="submit" className="button" disabled={busy}>
        Save mapping
      </button>
    </form>
  );
}
