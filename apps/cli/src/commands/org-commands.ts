import type { Command } from '../command.ts';
import { json, oneOf, onOffField, optionalString, requireString, UsageError } from '../command.ts';

const PLANS = ['free', 'pro', 'enterprise'] as const;
const ROLES = ['admin', 'standard', 'read_only'] as const;
const DEFAULT_ROLES = ['standard', 'read_only'] as const;

/** `--role-map "IT Admins=admin"` (repeatable) → the whole new mapping; `--role-map none` → an empty one. */
function roleMapping(values: Record<string, unknown>) {
  const raw = values['role-map'];
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  if (raw.length === 1 && raw[0] === 'none') return [];
  return raw.map((entry: string) => {
    const at = entry.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--role-map takes <IdP value>=<role>, e.g. "IT Admins=admin" (got "${entry}")`);
    return { value: entry.slice(0, at), role: oneOf(entry.slice(at + 1).trim(), ROLES, 'role-map role') ?? 'standard' };
  });
}

const orgCreate: Command = {
  path: ['org', 'create'],
  summary: 'Create an org with SCIM enabled, a scim-provisioning service account and its SCIM key (shown once)',
  example: 'pnpm cli org create --name "Acme" --plan enterprise --json',
  credential: 'platform',
  options: {
    name: { type: 'string', description: 'org name (unique)' },
    plan: { type: 'string', description: 'free | pro | enterprise (default enterprise)' },
    json,
  },
  async run(client, values) {
    const plan = oneOf(optionalString(values, 'plan'), PLANS, 'plan') ?? 'enterprise';
    const { org, serviceAccount, scim } = await client.platform.createOrg.mutate({
      name: requireString(values, 'name'),
      plan,
    });
    return {
      json: { org: { id: org.id }, scim: { baseUrl: scim.baseUrl, token: scim.token } },
      lines: [
        `Created org "${org.name}" (${org.id}) on plan ${org.plan}, SCIM ${org.settings.scimEnabled ? 'enabled' : 'disabled'}.`,
        `Service account: ${serviceAccount.name} (${serviceAccount.id})`,
        `SCIM base URL:   ${scim.baseUrl}`,
        `SCIM key:        ${scim.token}`,
        'The key is shown once: paste it into your IdP (Okta "API Token", Entra "Secret Token").',
      ],
    };
  },
};

const orgSetPlan: Command = {
  path: ['org', 'set-plan'],
  summary: "Change an org's plan (SCIM needs enterprise)",
  example: 'pnpm cli org set-plan --org 0193… --plan pro',
  credential: 'platform',
  options: {
    org: { type: 'string', description: 'org id' },
    plan: { type: 'string', description: 'free | pro | enterprise' },
    json,
  },
  async run(client, values) {
    const plan = oneOf(requireString(values, 'plan'), PLANS, 'plan') ?? 'enterprise';
    const org = await client.platform.setOrgPlan.mutate({ orgId: requireString(values, 'org'), plan });
    return { json: org, lines: [`Org ${org.id} is now on plan ${org.plan}.`] };
  },
};

const orgSetRateLimit: Command = {
  path: ['org', 'set-rate-limit'],
  summary: "Set the requests per second each of an org's keys may make (default 50; bursts of twice that)",
  example: 'pnpm cli org set-rate-limit 0193… 500',
  credential: 'platform',
  positionals: ['org', 'per-second'],
  options: {
    org: { type: 'string', description: 'org id' },
    'per-second': { type: 'string', description: 'requests per second per key' },
    json,
  },
  async run(client, values) {
    const raw = requireString(values, 'per-second');
    if (!/^\d+$/.test(raw))
      throw new UsageError(`per-second takes a whole number of requests per second, e.g. 500 (got "${raw}")`);
    // The bounds are the server's: its error names them.
    const org = await client.platform.setOrgKeyRateLimit.mutate({
      orgId: requireString(values, 'org'),
      keyRateLimit: Number(raw),
    });
    return {
      json: org,
      lines: [`Each key of org ${org.id} may now make ${org.settings.keyRateLimit} requests per second.`],
    };
  },
};

const orgAdminKey: Command = {
  path: ['org', 'admin-key'],
  summary: 'Issue an admin key for an org (owned by its org-admin service account; shown once)',
  example: 'pnpm cli org admin-key --org 0193…',
  credential: 'platform',
  options: { org: { type: 'string', description: 'org id' }, json },
  async run(client, values) {
    const { key, token } = await client.platform.createAdminKey.mutate({ orgId: requireString(values, 'org') });
    return { json: { key, token }, lines: [`Admin key ${key.id} (shown once): ${token}`, 'Use it as PROVISIO_TOKEN.'] };
  },
};

const orgSettings: Command = {
  path: ['org', 'settings'],
  summary: "Show the org's plan and settings, or change them",
  example:
    'pnpm cli org settings --default-role read_only --role-map "Provisio Admins=admin" --role-map "Staff=standard"',
  credential: 'org',
  options: {
    scim: { type: 'string', description: 'on | off' },
    'saml-jit': { type: 'string', description: 'on | off' },
    'default-role': { type: 'string', description: 'standard | read_only (never admin)' },
    'role-map': {
      type: 'string',
      multiple: true,
      description:
        'IdP roles value=role, repeatable; replaces the mapping (none: clear it). Only a value mapped here gives admin',
    },
    json,
  },
  async run(client, values) {
    const mapping = roleMapping(values);
    const change = {
      ...onOffField(values, 'scim', 'scimEnabled'),
      ...onOffField(values, 'saml-jit', 'samlJitEnabled'),
      ...(optionalString(values, 'default-role')
        ? { defaultRole: oneOf(optionalString(values, 'default-role'), DEFAULT_ROLES, 'default-role') }
        : {}),
      ...(mapping ? { roleMapping: mapping } : {}),
    };
    const org = Object.keys(change).length
      ? await client.org.updateSettings.mutate(change)
      : await client.org.get.query();
    const s = org.settings;
    const map = s.roleMapping.length
      ? s.roleMapping.map((e) => `${JSON.stringify(e.value)}=${e.role}`).join(', ')
      : 'none (only "standard" and "read_only" map, by name)';
    return {
      json: org,
      lines: [
        `${org.name} (${org.id}), plan ${org.plan}`,
        `scim: ${s.scimEnabled ? 'on' : 'off'}  saml-jit: ${s.samlJitEnabled ? 'on' : 'off'}  default-role: ${s.defaultRole}`,
        `role-map: ${map}`,
      ],
    };
  },
};

const orgStatus: Command = {
  path: ['org', 'status'],
  summary: 'Is SCIM working, which keys drive it, and what could break it',
  example: 'pnpm cli org status',
  credential: 'org',
  options: { json },
  async run(client) {
    const status = await client.org.scimStatus.query();
    const keys = status.scimKeys.map(
      (k) =>
        `  key ${k.id} "${k.name}" owned by ${k.ownerType} ${k.ownerId}, last SCIM use ${k.lastScimUsedAt ?? 'never'}`,
    );
    const warnings = status.warnings.map((w) => `  warning [${w.code}]: ${w.message}`);
    return {
      json: status,
      lines: [`SCIM ${status.available ? 'available' : 'unavailable'} at ${status.scimBaseUrl}`, ...keys, ...warnings],
    };
  },
};

export const orgCommands = [orgCreate, orgSetPlan, orgSetRateLimit, orgAdminKey, orgSettings, orgStatus];
