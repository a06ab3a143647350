import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { errorMessage, useTRPC, useTRPCClient } from '../api/trpc.ts';
import type { Outputs, TrpcClient } from '../api/trpc.ts';
import { ConfirmButton } from './confirm-button.tsx';
import { Notice } from './notice.tsx';
import { TokenPanel } from './token-panel.tsx';
import { scimOwnerOf } from '../lib/scim-owner.ts';
import { useRefreshKeys } from '../lib/use-refresh-keys.ts';

type Warning = Outputs['org']['scimStatus']['warnings'][number];
type ScimKey = Outputs['org']['scimStatus']['scimKeys'][number];

const TITLES: Record<Warning['code'], string> = {
  scim_unavailable: 'SCIM is not available',
  no_scim_key: 'No SCIM key',
  scim_key_owned_by_user: 'A person owns the SCIM key',
  saml_jit_with_scim: 'SAML just-in-time provisioning is on',
  scim_key_unused: 'Unused SCIM key',
};

/** A `scim` key owned by the provisioning service account (a new "SCIM provisioning" one if there is none). */
async function createServiceAccountKey(client: TrpcClient) {
  const accounts = await client.serviceAccounts.list.query();
  const owner =
    scimOwnerOf(accounts.items) ??
    (await client.serviceAccounts.create.mutate({
      name: 'SCIM provisioning',
      description: 'Owns the key the identity provider uses',
    }));
  return client.keys.create.mutate({
    name: 'SCIM (service account)',
    ownerType: 'service_account',
    ownerId: owner.id,
    scopes: ['scim'],
  });
}

/** `org.scimStatus` warnings, each with the fix it calls for, one click away. */
/** The server's message, with key and owner names in place of ids where we know them. */
function messageOf(w: Warning, keys: ScimKey[], names: Map<string, string>): string {
  const key = keys.find((k) => k.id === w.keyId);
  if (!key) return w.message;
  if (w.code === 'scim_key_owned_by_user') {
    return `“${key.name}” belongs to ${names.get(key.ownerId) ?? 'a user'}, a person: deprovisioning them revokes the key and stops provisioning. Give your identity provider a key owned by a service account, then revoke this one.`;
  }
  if (w.code === 'scim_key_unused')
    return `“${key.name}” has not been used for SCIM in 30 days: check the provisioning settings of your identity provider, or revoke the key.`;
  return w.message;
}

export function ScimWarnings({
  warnings,
  planAllowsScim,
  keys,
  names,
}: {
  warnings: Warning[];
  planAllowsScim: boolean;
  keys: ScimKey[];
  names: Map<string, string>;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefreshKeys();
  const newKey = useMutation({ mutationFn: () => createServiceAccountKey(client), onSuccess: refresh });
  const settings = useMutation(trpc.org.updateSettings.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.keys.revoke.mutationOptions({ onSuccess: refresh }));
  const error = newKey.error ?? settings.error ?? revoke.error;

  const fixFor = (w: Warning) => {
    switch (w.code) {
      case 'no_scim_key':
      case 'scim_key_owned_by_user':
        return (
          <button
            type="button"
            className="button button-primary"
            onClick={() => newKey.mutate()}
            disabled={newKey.isPending}
          >
            Create a service-account key
          </button>
        );
      case 'saml_jit_with_scim':
        // The setting lives on the SSO page: a link to it next to the one-click fix.
        return (
          <>
            <button
              type="button"
              className="button button-primary"
              onClick={() => settings.mutate({ samlJitEnabled: false })}
              disabled={settings.isPending}
            >
              Turn off SAML JIT
            </button>{' '}
            <Link to="/sso" className="button">
              Single sign-on settings
            </Link>
          </>
        );
      case 'scim_key_unused':
        return w.keyId ? (
          <ConfirmButton
            label="Revoke"
            confirmLabel="Confirm revoke"
            name={`unused key ${w.keyId}`}
            busy={revoke.isPending}
            onConfirm={() => revoke.mutate({ id: w.keyId ?? '' })}
          />
        ) : null;
      case 'scim_unavailable':
        return planAllowsScim ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => settings.mutate({ scimEnabled: true })}
            disabled={settings.isPending}
          >
            Enable SCIM
          </button>
        ) : null;
    }
  };

  return (
    <>
      {error ? <Notice tone="error">{errorMessage(error)}</Notice> : null}
      {settings.isSuccess ? <Notice tone="success">Settings saved.</Notice> : null}
      {newKey.data ? (
        <TokenPanel token={newKey.data.token} keyName={newKey.data.key.name} onDone={() => newKey.reset()} />
      ) : null}
      {warnings.length === 0 ? (
        <Notice tone="success" title="No warnings">
          Provisioning is set up the recommended way.
        </Notice>
      ) : null}
      {warnings.map((w) => (
        <div
          key={`${w.code}-${w.keyId ?? ''}`}
          className="notice notice-warning warning-item"
          role="group"
          aria-label={TITLES[w.code]}
        >
          <div>
            <strong className="notice-title">{TITLES[w.code]}</strong>
            <div className="small">{messageOf(w, keys, names)}</div>
          </div>
          <div>{fixFor(w)}</div>
        </div>
      ))}
    </>
  );
}
