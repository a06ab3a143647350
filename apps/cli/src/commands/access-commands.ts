import type { Command } from '../command.ts';
import { json, oneOf, optionalString, requireString, UsageError } from '../command.ts';

const SCOPES = ['scim', 'users:read', 'users:write', 'admin'] as const;

const serviceAccountCreate: Command = {
  path: ['service-account', 'create'],
  summary: 'Create a service account (a non-human key owner that deprovisioning never touches)',
  example: 'pnpm cli service-account create --name scim-okta',
  credential: 'org',
  options: {
    name: { type: 'string', description: 'unique in the org' },
    description: { type: 'string', description: 'what it is for' },
    json,
  },
  async run(client, values) {
    const description = optionalString(values, 'description');
    const account = await client.serviceAccounts.create.mutate({
      name: requireString(values, 'name'),
      ...(description ? { description } : {}),
    });
    return { json: account, lines: [`Created service account ${account.name} (${account.id}).`] };
  },
};

const serviceAccountList: Command = {
  path: ['service-account', 'list'],
  summary: "List the org's service accounts",
  example: 'pnpm cli service-account list',
  credential: 'org',
  options: { json },
  async run(client) {
    const { items } = await client.serviceAccounts.list.query();
    return { json: items, lines: items.map((a) => `${a.id}  ${a.name}${a.description ? `  (${a.description})` : ''}`) };
  },
};

const keyCreate: Command = {
  path: ['key', 'create'],
  summary: 'Create an application key for a service account (or --owner-type user); the key is shown once',
  example: 'pnpm cli key create --owner 0193… --scope scim --name okta',
  credential: 'org',
  options: {
    owner: { type: 'string', description: 'service account (or user) id' },
    'owner-type': { type: 'string', description: 'service_account (default) | user' },
    scope: { type: 'string', multiple: true, description: 'scim | users:read | users:write | admin (repeatable)' },
    name: { type: 'string', description: 'a label (default: the first scope)' },
    json,
  },
  async run(client, values) {
    const raw = values['scope'];
    const scopes = (Array.isArray(raw) ? raw : []).map((s) => oneOf(s, SCOPES, 'scope') ?? 'scim');
    if (scopes.length === 0) throw new UsageError('--scope is required (e.g. --scope scim)');
    const ownerType =
      oneOf(optionalString(values, 'owner-type'), ['service_account', 'user'] as const, 'owner-type') ??
      'service_account';
    const name = optionalString(values, 'name') ?? scopes.join('+');
    const { key, token } = await client.keys.create.mutate({
      name,
      ownerType,
      ownerId: requireString(values, 'owner'),
      scopes,
    });
    return {
      json: { key, token },
      lines: [
        `Created key ${key.id} (${key.scopes.join(', ')}) for ${key.ownerType} ${key.ownerId}.`,
        `Key (shown once): ${token}`,
      ],
    };
  },
};

const keyList: Command = {
  path: ['key', 'list'],
  summary: "List the org's keys (never their secrets)",
  example: 'pnpm cli key list --all',
  credential: 'org',
  options: {
    owner: { type: 'string', description: 'only keys of this owner' },
    all: { type: 'boolean', description: 'include revoked keys' },
    json,
  },
  async run(client, values) {
    const owner = optionalString(values, 'owner');
    const { items } = await client.keys.list.query({
      ...(owner ? { ownerId: owner } : {}),
      includeRevoked: values['all'] === true,
    });
    const line = (k: (typeof items)[number]) =>
      `${k.id}  ${k.name}  [${k.scopes.join(',')}]  ${k.ownerType}:${k.ownerId}  last used ${k.lastUsedAt ?? 'never'}${k.revokedAt ? `  REVOKED ${k.revokedAt} (${k.revokedReason})` : ''}`;
    return { json: items, lines: items.map(line) };
  },
};

const keyRevoke: Command = {
  path: ['key', 'revoke'],
  summary: 'Revoke a key; its next request gets 401',
  example: 'pnpm cli key revoke --id 0193…',
  credential: 'org',
  options: { id: { type: 'string', description: 'key id' }, json },
  async run(client, values) {
    const key = await client.keys.revoke.mutate({ id: requireString(values, 'id') });
    return { json: key, lines: [`Revoked key ${key.id} at ${key.revokedAt ?? '?'}.`] };
  },
};

export const accessCommands = [serviceAccountCreate, serviceAccountList, keyCreate, keyList, keyRevoke];
