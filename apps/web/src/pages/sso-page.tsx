import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { errorMessage, useTRPC } from '../api/trpc.ts';
import { BreakGlassAdmins } from '../components/break-glass-admins.tsx';
import { CopyField } from '../components/copy-field.tsx';
import { Notice } from '../components/notice.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SsoDomains } from '../components/sso-domains.tsx';
import { SsoMappingForm } from '../components/sso-mapping-form.tsx';
import { formText } from '../lib/form-text.ts';

type Setting = 'jitEnabled' | 'ssoRequired' | 'idpInitiated';
const settingChange = (name: Setting, value: boolean): Partial<Record<Setting, boolean>> => ({ [name]: value });

/** SAML single sign-on: the IdP's metadata in, our SP side out, the settings, and what needs attention. */
export function SsoPage() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const view = useQuery(trpc.sso.get.queryOptions());
  const onSuccess = () => client.invalidateQueries(trpc.sso.get.queryFilter());
  const setIdp = useMutation(trpc.sso.setIdp.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.sso.update.mutationOptions({ onSuccess }));
  const v = view.data;
  const loadMetadata = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const url = formText(form, 'metadataUrl');
    setIdp.mutate(url ? { metadataUrl: url } : { metadataXml: formText(form, 'metadataXml') });
  };
  const error = setIdp.error ?? update.error;
  return (
    <>
      <PageHeader
        title="Single sign-on"
        description="People sign in through your identity provider (SAML 2.0). Set up the IdP with the values below, then load its metadata."
      />
      <QueryState isPending={view.isPending} error={view.error} label="the SSO connection" />
      {error ? <Notice tone="error">{errorMessage(error)}</Notice> : null}
      {v ? (
        <>
          {v.warnings.map((w) => (
            <Notice key={w.code + w.message} tone="warning">
              {w.message}
            </Notice>
          ))}
          <section className="card" aria-labelledby="sp-title">
            <h2 id="sp-title">Paste into your identity provider</h2>
            <CopyField label="Entity ID (Audience URI, Identifier)" value={v.sp.entityId} />
            <CopyField label="ACS URL (Single sign-on URL, Reply URL)" value={v.sp.acsUrl} />
            <CopyField label="SP metadata URL" value={v.sp.metadataUrl} />
            <dl className="details">
              <div>
                <dt>In Okta</dt>
                <dd className="small">
                  Applications → Create App Integration → SAML 2.0: the ACS URL as “Single sign-on URL”, the entity ID
                  as “Audience URI”, Name ID format EmailAddress. Then copy the app’s metadata URL here.
                </dd>
              </div>
              <div>
                <dt>In Entra ID</dt>
                <dd className="small">
                  Enterprise application → Single sign-on → SAML: the entity ID as “Identifier”, the ACS URL as “Reply
                  URL”. Entra’s default (assertion signed) works. Then copy “App Federation Metadata Url” here.
                </dd>
              </div>
            </dl>
          </section>
          <section className="card" aria-labelledby="idp-title">
            <h2 id="idp-title">Identity provider</h2>
            {v.connection.idp ? (
              <dl className="details">
                <div>
                  <dt>Entity ID</dt>
                  <dd className="mono">{v.connection.idp.entityId}</dd>
                </div>
                <div>
                  <dt>SSO URL</dt>
                  <dd className="mono">{v.connection.idp.ssoUrl}</dd>
                </div>
                {v.connection.idp.certificates.map((c) => (
                  <div key={c.fingerprint}>
                    <dt>Signing certificate</dt>
                    <dd className="small">
                      <span className="mono">{c.fingerprint}</span>, until {c.notAfter.slice(0, 10)}
                    </dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="muted">No identity provider yet.</p>
            )}
            <form onSubmit={loadMetadata}>
              <div className="field">
                <label htmlFor="metadataUrl">Metadata URL</label>
                <input id="metadataUrl" name="metadataUrl" type="url" placeholder="https://…" />
              </div>
              <div className="field">
                <label htmlFor="metadataXml">…or the metadata XML</label>
                <textarea id="metadataXml" name="metadataXml" rows={4} />
              </div>
              <button type="submit" className="button button-primary" disabled={setIdp.isPending}>
                Load metadata
              </button>
            </form>
          </section>
          <section className="card" aria-labelledby="settings-title">
            <h2 id="settings-title">Settings</h2>
            {(
              [
                [
                  'jitEnabled',
                  v.jitEnabled,
                  'Create people at their first sign-in (JIT). Keep it off while SCIM is on.',
                ],
                ['ssoRequired', v.ssoRequired, 'Require SSO: password sign-in only for break-glass admins.'],
                ['idpInitiated', v.connection.idpInitiated, 'Accept sign-ins started at the identity provider.'],
              ] as const
            ).map(([name, checked, label]) => (
              <div className="field" key={name}>
                <label>
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={update.isPending}
                    onChange={(e) => update.mutate(settingChange(name, e.currentTarget.checked))}
                  />{' '}
                  {label}
                </label>
              </div>
            ))}
            <BreakGlassAdmins
              ids={v.connection.breakGlassAdminIds}
              busy={update.isPending}
              onSave={(ids) => update.mutate({ breakGlassAdminIds: ids })}
            />
          </section>
          <section className="card" aria-labelledby="mapping-title">
            <h2 id="mapping-title">Attribute mapping</h2>
            {update.isSuccess && update.variables.mapping ? <Notice tone="success">Mapping saved.</Notice> : null}
            <SsoMappingForm
              mapping={v.connection.mapping}
              busy={update.isPending}
              onSave={(mapping) => update.mutate({ mapping })}
            />
          </section>
          <SsoDomains domains={v.domains} />
        </>
      ) : null}
    </>
  );
}
