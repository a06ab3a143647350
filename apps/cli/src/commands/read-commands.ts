import type { Command } from '../command.ts';
import { oneOf, optionalString, requireString } from '../command.ts';

const json = { type: 'boolean', description: 'print JSON' } as const;

const userList: Command = {
  path: ['user', 'list'],
  summary: "List the org's users, optionally with a SCIM filter",
  example: 'pnpm cli user list --filter \'userName sw "a"\' --count 20',
  credential: 'org',
  options: { filter: { type: 'string', description: 'SCIM filter' }, count: { type: 'string', description: 'page size' }, start: { type: 'string', description: 'startIndex (1-based)' }, json },
  async run(client, values) {
    const filter = optionalString(values, 'filter');
    const count = optionalString(values, 'count');
    const start = optionalString(values, 'start');
    const page = await client.users.search.query({ ...(filter ? { filter } : {}), ...(count ? { count: Number(count) } : {}), ...(start ? { startIndex: Number(start) } : {}) });
    const lines = page.items.map((u) => `${u.id}  ${u.userName}  ${u.status}  ${u.role}`);
    return { json: page, lines: [...lines, `${page.items.length} of ${page.totalResults}`] };
  },
};

const userGet: Command = {
  path: ['user', 'get'],
  summary: 'Show one user',
  example: 'pnpm cli user get --id 0193…',
  credential: 'org',
  options: { id: { type: 'string', description: 'user id' }, json },
  async run(client, values) {
    const user = await client.users.get.query({ id: requireString(values, 'id') });
    return { json: user, lines: [`${user.id}  ${user.userName}  ${user.status}  role ${user.role}  v${user.version}`, `groups: ${user.groups.map((g) => g.display ?? g.value).join(', ') || '-'}`] };
  },
};

const auditList: Command = {
  path: ['audit', 'list'],
  summary: 'List audit events, newest first, with filters',
  example: 'pnpm cli audit list --resource User --outcome failure --since 2026-01-01T00:00:00Z',
  credential: 'org',
  options: {
    resource: { type: 'string', description: 'User | Group | ApplicationKey | ServiceAccount | Org' },
    'resource-id': { type: 'string', description: 'one resource' },
    actor: { type: 'string', description: 'a key id or its owner id' },
    outcome: { type: 'string', description: 'success | failure' },
    since: { type: 'string', description: 'ISO time (inclusive)' },
    until: { type: 'string', description: 'ISO time (exclusive)' },
    limit: { type: 'string', description: 'at most this many (default 50)' },
    json,
  },
  async run(client, values) {
    const pick = (name: string) => optionalString(values, name);
    const outcome = oneOf(pick('outcome'), ['success', 'failure'] as const, 'outcome');
    const filter = {
      ...(pick('resource') ? { resourceType: pick('resource') } : {}),
      ...(pick('resource-id') ? { resourceId: pick('resource-id') } : {}),
      ...(pick('actor') ? { actorId: pick('actor') } : {}),
      ...(outcome ? { outcome } : {}),
      ...(pick('since') ? { from: pick('since') } : {}),
      ...(pick('until') ? { to: pick('until') } : {}),
      limit: Number(pick('limit') ?? 50),
    };
    const { items } = await client.audit.list.query(filter);
    const line = (e: (typeof items)[number]) =>
      `${e.at}  ${e.outcome === 'success' ? 'ok  ' : 'FAIL'}  ${e.status ?? '-'}  ${e.action}  ${e.resourceType ?? ''}${e.resourceId ? `/${e.resourceId}` : ''}  by ${e.actor.keyId ?? e.actor.type}  ${e.changes.length} change(s)${e.notes.length ? `  note: ${e.notes.join(' | ')}` : ''}`;
    return { json: items, lines: items.map(line) };
  },
};

export const readCommands = [userList, userGet, auditList];
