import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.ts';
import { Badge } from '../components/badge.tsx';
import { CopyField } from '../components/copy-field.tsx';
import { CreateKeyForm } from '../components/create-key-form.tsx';
import { ExtensionSchemas } from '../components/extension-schemas.tsx';
import { KeyTable } from '../components/key-table.tsx';
import { Notice } from '../components/notice.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { RoleMappingForm } from '../components/role-mapping-form.tsx';
import { ScimDoctor } from '../components/scim-doctor.tsx';
import { ScimWarnings } from '../components/scim-warnings.tsx';
import { useOwnerNames } from '../lib/use-owner-names.ts';

/** Everything an admin needs to connect Okta or Entra ID, and what stands in the way. */
export function ScimPage() {
  const trpc = useTRPC();
  const status = useQuery(trpc.org.scimStatus.queryOptions());
  const s = status.data;
  const names = useOwnerNames(s?.scimKeys ?? []);
  // Unavailable while enabled: the plan is what gates it (the warning says which plans include SCIM).
  const planAllowsScim = !s || s.available || !s.scimEnabled;
  return (
    <>
      <PageHeader
        title="SCIM connection"
        description="Connect Okta or Microsoft Entra ID: users and groups are then created, updated and deactivated from your identity provider."
      />
      <QueryState isPending={status.isPending} error={status.error} label="the SCIM connection" />
      {s ? (
        <>
          {!planAllowsScim ? (
            <Notice tone="info" title="SCIM is part of the Enterprise plan">
              Your organisation is on the <strong>{s.plan}</strong> plan, so identity providers get 403 for now. Upgrade
              to connect one; keys and settings are kept meanwhile.
            </Notice>
          ) : null}
          <section className="card" aria-labelledby="connection-title">
            <h2 id="connection-title">Connection</h2>
            <CopyField label="SCIM base URL" value={s.scimBaseUrl} />
            <dl className="details">
              <div>
                <dt>Status</dt>
                <dd>
                  {s.available ? (
                    <Badge value="active" label="Receiving provisioning" />
                  ) : (
                    <Badge value="failed" label="Not available" />
                  )}
                </dd>
              </div>
              <div>
                <dt>SAML JIT</dt>
                <dd>{s.samlJitEnabled ? 'On' : 'Off'}</dd>
              </div>
              <div>
                <dt>In Okta</dt>
                <dd className="small">
                  Provisioning → Integration: paste the base URL as “SCIM connector base URL”, unique identifier{' '}
                  <span className="mono">userName</span>, authentication “HTTP Header”, and a SCIM key as the token.
                </dd>
              </div>
              <div>
                <dt>In Entra ID</dt>
                <dd className="small">
                  Enterprise application → Provisioning → Admin credentials: the base URL is the “Tenant URL”, a SCIM
                  key the “Secret token”.
                </dd>
              </div>
            </dl>
          </section>
          <section className="card" aria-labelledby="warnings-title">
            <h2 id="warnings-title">Warnings</h2>
            <ScimWarnings warnings={s.warnings} planAllowsScim={planAllowsScim} keys={s.scimKeys} names={names} />
          </section>
          <section className="card" aria-labelledby="doctor-title">
            <h2 id="doctor-title">Connection doctor</h2>
            <ScimDoctor />
          </section>
          <section className="card" aria-labelledby="roles-title">
            <h2 id="roles-title">Roles from your identity provider</h2>
            <RoleMappingForm />
          </section>
          <section className="card" aria-labelledby="extensions-title">
            <h2 id="extensions-title">Extension schemas</h2>
            <ExtensionSchemas />
          </section>
          <section className="card" aria-labelledby="new-key-title">
            <h2 id="new-key-title">Create a SCIM key</h2>
            <p className="muted small">
              Owned by a service account, so it survives people leaving. The key can call /scim/v2 only.
            </p>
            <CreateKeyForm
              title="Create a SCIM key"
              fixedScopes={['scim']}
              defaultName="Okta SCIM"
              submitLabel="Create SCIM key"
            />
          </section>
          <section className="card" aria-labelledby="scim-keys-title">
            <h2 id="scim-keys-title">SCIM keys</h2>
            <KeyTable keys={s.scimKeys} ownerNames={names} empty="No live SCIM key." />
          </section>
        </>
      ) : null}
    </>
  );
}
