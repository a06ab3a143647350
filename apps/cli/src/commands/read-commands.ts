import type { RouterOutputs } from '@provisio/client';
import type { Command } from '../command.ts';
import { json, oneOf, optionalString, requireString } from '../command.ts';

type AuditActor = RouterOutputs['audit']['list']['items'][number]['actor'];

/** `key <id>`, `session <user id>`, `platform`, `system`, `anonymous as <account>`. */
function actorText(actor: AuditActor): string {
  if (actor.type === 'key') return `key ${actor.keyId}`;
  if (actor.type === 'session') return `session ${actor.userId}`;
  if (actor.type === 'anonymous') return `anonymous as ${actor.account ?? 'the platform admin token'}`;
  return actor.type;
}

const userList: Command = {
  path: ['user', 'list'],
  summary: "List the org's users a page at a time (exact filters, or a SCIM --filter)",
  example: 'pnpm cli user list --status invited --email ada@example.com --limit 20',
  credential: 'org',
  options: {
    status: { type: 'string', description: 'invited | active | deactivated' },
    email: { type: 'string', description: "any of the user's emails (ignores case)" },
    'user-name': { type: 'string', description: 'exact userName (ignores case)' },
    'external-id': { type: 'string', description: 'exact externalId' },
    group: { type: 'string', description: 'direct members of this group id' },
    limit: { type: 'string', description: 'page size (default 100, max 500)' },
    cursor: { type: 'string', description: "continue from a previous page's next cursor" },
    all: { type: 'boolean', description: 'follow every page' },
    filter: { type: 'string', description: 'a SCIM filter instead (users.search; with --count/--start)' },
    count: { type: 'string', description: 'with --filter: page size' },
    start: { type: 'string', description: 'with --filter: startIndex (1-based)' },
    json,
  },
  async run(client, values) {
    const pick = (name: string) => optionalString(values, name);
    const filter = pick('filter');
    if (filter !== undefined) {
      const [count, start] = [pick('count'), pick('start')];
      const page = await client.users.search.query({
        filter,
        ...(count ? { count: Number(count) } : {}),
        ...(start ? { startIndex: Number(start) } : {}),
      });
      return {
        json: page,
        lines: [
          ...page.items.map((u) => `${u.id}  ${u.userName}  ${u.status}  ${u.role}`),
          `${page.items.length} of ${page.totalResults}`,
        ],
      };
    }
    const status = oneOf(pick('status'), ['invited', 'active', 'deactivated'] as const, 'status');
    const filters = {
      ...(status ? { status } : {}),
      ...(pick('email') ? { email: pick('email') } : {}),
      ...(pick('user-name') ? { userName: pick('user-name') } : {}),
      ...(pick('external-id') ? { externalId: pick('external-id') } : {}),
      ...(pick('group') ? { groupId: pick('group') } : {}),
      ...(pick('limit') ? { limit: Number(pick('limit')) } : {}),
    };
    let page = await client.users.list.query({ ...filters, ...(pick('cursor') ? { cursor: pick('cursor') } : {}) });
    const items = [...page.items];
    while (values['all'] === true && page.nextCursor) {
      page = await client.users.list.query({ ...filters, cursor: page.nextCursor });
      items.push(...page.items);
    }
    const lines = items.map(
      (u) => `${u.id}  ${u.userName}  ${u.status}  ${u.emails.map((e) => e.value).join(',') || '-'}`,
    );
    return {
      json: { items, nextCursor: page.nextCursor },
      lines: [...lines, page.nextCursor ? `more: --cursor ${page.nextCursor}` : `${items.length} user(s)`],
    };
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
    return {
      json: user,
      lines: [
        `${user.id}  ${user.userName}  ${user.status}  role ${user.role}  v${user.version}`,
        `groups: ${user.groups.map((g) => g.display ?? g.value).join(', ') || '-'}`,
      ],
    };
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
    actor: {
      type: 'string',
      description: 'a key id, its owner id, the user id of a web session, or the account a failed sign-in named',
    },
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
      `${e.at}  ${e.outcome === 'success' ? 'ok  ' : 'FAIL'}  ${e.status ?? '-'}  ${e.action}  ${e.resourceType ?? ''}${e.resourceId ? `/${e.resourceId}` : ''}  by ${actorText(e.actor)}${e.address ? ` from ${e.address}` : ''}  ${e.changes.length} change(s)${e.notes.length ? `  note: ${e.notes.join(' | ')}` : ''}`;
    return { json: items, lines: items.map(line) };
  },
};

export const readCommands = [userList, userGet, auditList];
