import { readFile } from 'node:fs/promises';
import type { RouterInputs, RouterOutputs } from '@provisio/client';
import type { Command } from '../command.ts';
import { json, onOffField, optionalString, requireString, UsageError } from '../command.ts';

type SsoView = RouterOutputs['sso']['get'];
type Mapping = SsoView['connection']['mapping'];

const onOffText = (on: boolean) => (on ? 'on' : 'off');

/** The connection as lines: our side to paste into the IdP, the IdP, settings, mapping, domains, warnings. */
export function ssoLines(v: SsoView): string[] {
  const { idp, mapping } = v.connection;
  return [
    'Paste into the IdP:',
    `  entity id     ${v.sp.entityId}`,
    `  ACS URL       ${v.sp.acsUrl}`,
    `  SP metadata   ${v.sp.metadataUrl}`,
    `  sign-in URL   ${v.sp.signInUrl}`,
    ...(idp
      ? [
          'IdP:',
          `  entity id     ${idp.entityId}`,
          `  SSO URL       ${idp.ssoUrl}`,
          ...(idp.metadataUrl ? [`  metadata URL  ${idp.metadataUrl}`] : []),
          ...idp.certificates.map((c) => `  certificate   ${c.fingerprint} until ${c.notAfter.slice(0, 10)}`),
        ]
      : ['IdP: not set up (pnpm cli sso set-idp --metadata-url …)']),
    `Settings: jit ${onOffText(v.jitEnabled)}  sso-required ${onOffText(v.ssoRequired)}  idp-initiated ${onOffText(v.connection.idpInitiated)}  break-glass ${v.connection.breakGlassAdminIds.join(', ') || 'none'}`,
    `Mapping: email ${mapping.email}  given-name ${mapping.givenName ?? 'none'}  family-name ${mapping.familyName ?? 'none'}  display-name ${mapping.displayName ?? 'none'}  groups ${mapping.groups ?? 'none'}`,
    `Domains: ${v.domains.map((d) => `${d.domain} (${d.verifiedAt ? 'verified' : 'not verified'})`).join(', ') || 'none'}`,
    `Last sign-in: ${v.connection.lastSignInAt ?? 'never'}`,
    ...(v.warnings.length ? v.warnings.map((w) => `Warning: ${w.message}`) : ['No warnings.']),
  ];
}

const output = (view: SsoView) => ({ json: view, lines: ssoLines(view) });

const ssoShow: Command = {
  path: ['sso', 'show'],
  summary: "Show the org's SAML connection: what to paste into the IdP, the IdP, settings, mapping, warnings",
  example: 'pnpm cli sso show',
  credential: 'org',
  options: { json },
  async run(client) {
    return output(await client.sso.get.query());
  },
};

const ssoSetIdp: Command = {
  path: ['sso', 'set-idp'],
  summary: 'Load the IdP side from its metadata URL (fetched by the server) or an XML file',
  example: 'pnpm cli sso set-idp --metadata-url https://acme.okta.com/app/…/sso/saml/metadata',
  credential: 'org',
  options: {
    'metadata-url': { type: 'string', description: 'http(s) URL the server fetches the metadata from' },
    'metadata-file': { type: 'string', description: 'a metadata XML file (e.g. downloaded from Entra)' },
    json,
  },
  async run(client, values) {
    const url = optionalString(values, 'metadata-url');
    const file = optionalString(values, 'metadata-file');
    if (Boolean(url) === Boolean(file)) throw new UsageError('give exactly one of --metadata-url and --metadata-file');
    const input = url
      ? { metadataUrl: url }
      : { metadataXml: await readFile(file ?? '', 'utf8').catch(() => raise(`cannot read ${file ?? ''}`)) };
    return output(await client.sso.setIdp.mutate(input));
  },
};

function raise(message: string): never {
  throw new UsageError(message);
}

/** `--groups none` clears an optional attribute; absent leaves it. */
function mappingChange(values: Record<string, unknown>, current: Mapping): Mapping | undefined {
  const names = {
    email: 'email',
    givenName: 'given-name',
    familyName: 'family-name',
    displayName: 'display-name',
    groups: 'groups',
  } as const;
  let changed = false;
  const next = { ...current };
  for (const [field, option] of Object.entries(names) as [keyof Mapping, string][]) {
    const value = optionalString(values, option);
    if (value === undefined) continue;
    changed = true;
    if (field === 'email') next.email = value;
    else next[field] = value === 'none' ? null : value;
  }
  return changed ? next : undefined;
}

function breakGlass(values: Record<string, unknown>): string[] | undefined {
  const ids = values['break-glass'] as string[] | undefined;
  if (!ids) return undefined;
  return ids.includes('none') ? [] : ids;
}

const ssoSettings: Command = {
  path: ['sso', 'settings'],
  summary: 'Change JIT, SSO required (with break-glass admins), IdP-initiated sign-in and the attribute mapping',
  example: 'pnpm cli sso settings --jit off --sso-required on --break-glass 0193… --email nameId --groups groups',
  credential: 'org',
  options: {
    jit: { type: 'string', description: 'on | off: create unknown people at their first sign-in' },
    'sso-required': { type: 'string', description: 'on | off: password sign-in only for break-glass admins' },
    'idp-initiated': { type: 'string', description: 'on | off: accept sign-ins started at the IdP' },
    'break-glass': {
      type: 'string',
      multiple: true,
      description: 'user id of an active admin who keeps password sign-in, repeatable; replaces the list (none: clear)',
    },
    email: { type: 'string', description: 'nameId, or the attribute holding the email' },
    'given-name': { type: 'string', description: 'attribute of the given name (none: not mapped)' },
    'family-name': { type: 'string', description: 'attribute of the family name (none: not mapped)' },
    'display-name': { type: 'string', description: 'attribute of the display name (none: not mapped)' },
    groups: { type: 'string', description: 'attribute of groups or roles, mapped like SCIM roles (none: not mapped)' },
    json,
  },
  async run(client, values) {
    const current = await client.sso.get.query();
    const mapping = mappingChange(values, current.connection.mapping);
    const ids = breakGlass(values);
    const change = {
      ...onOffField(values, 'jit', 'jitEnabled'),
      ...onOffField(values, 'sso-required', 'ssoRequired'),
      ...onOffField(values, 'idp-initiated', 'idpInitiated'),
      ...(ids ? { breakGlassAdminIds: ids } : {}),
      ...(mapping ? { mapping } : {}),
    } satisfies RouterInputs['sso']['update'];
    if (Object.keys(change).length === 0) return output(current);
    return output(await client.sso.update.mutate(change));
  },
};

const ssoAddDomain: Command = {
  path: ['sso', 'add-domain'],
  summary: 'Claim an email domain; it routes sign-ins once the platform admin verified it',
  example: 'pnpm cli sso add-domain acme.example',
  credential: 'org',
  options: { domain: { type: 'string', description: 'e.g. acme.example' }, json },
  positionals: ['domain'],
  async run(client, values) {
    return output(await client.sso.addDomain.mutate({ domain: requireString(values, 'domain') }));
  },
};

const ssoRemoveDomain: Command = {
  path: ['sso', 'remove-domain'],
  summary: 'Give up an email domain (sign-ins from it no longer find this org)',
  example: 'pnpm cli sso remove-domain acme.example',
  credential: 'org',
  options: { domain: { type: 'string', description: 'e.g. acme.example' }, json },
  positionals: ['domain'],
  async run(client, values) {
    return output(await client.sso.removeDomain.mutate({ domain: requireString(values, 'domain') }));
  },
};

const ssoVerifyDomain: Command = {
  path: ['sso', 'verify-domain'],
  summary: "Platform: mark an org's domain verified, after checking the org owns it (its DNS TXT record)",
  example: 'pnpm cli sso verify-domain --org 0193… acme.example',
  credential: 'platform',
  options: {
    org: { type: 'string', description: 'org id' },
    domain: { type: 'string', description: 'the domain' },
    json,
  },
  positionals: ['domain'],
  async run(client, values) {
    const verified = await client.platform.verifySsoDomain.mutate({
      orgId: requireString(values, 'org'),
      domain: requireString(values, 'domain'),
    });
    return { json: verified, lines: [`${verified.domain} verified for org ${verified.orgId}.`] };
  },
};

export const ssoCommands: readonly Command[] = [
  ssoShow,
  ssoSetIdp,
  ssoSettings,
  ssoAddDomain,
  ssoRemoveDomain,
  ssoVerifyDomain,
];
