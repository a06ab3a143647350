import type { Command } from '../command.ts';
import { json, oneOf, optionalString, optionalWholeNumber, requireString, UsageError } from '../command.ts';

const BUILT_IN = ['admin', 'standard', 'read_only'] as const;

const rolesList: Command = {
  path: ['roles', 'list'],
  summary: "List the org's roles and which IdP groups map to which role",
  example: 'pnpm cli roles list --json',
  credential: 'org',
  options: { json },
  async run(client) {
    const { roles, mappings } = await client.roles.list.query();
    const names = new Map(roles.map((r) => [r.id, r.name]));
    return {
      json: { roles, mappings },
      lines: [
        `Built-in: admin > org roles (by rank) > standard > read_only. Org roles (${roles.length}):`,
        ...roles.map((r) => `  ${r.name.padEnd(24)} rank ${String(r.rank).padEnd(5)} ${r.id}  ${r.description}`),
        `Group mappings (${mappings.length}):`,
        ...mappings.map(
          (m) =>
            `  ${(m.groupName ?? '(deleted group)').padEnd(30)} → ${m.orgRoleId ? (names.get(m.orgRoleId) ?? m.orgRoleId) : m.role}  (${m.groupId})`,
        ),
      ],
    };
  },
};

const rank = (values: Record<string, unknown>) => optionalWholeNumber(values, 'rank', '0-1000, higher wins');

const rolesSave: Command = {
  path: ['roles', 'save'],
  summary: 'Create an org role, or change one with --id (a higher rank wins when a user has several)',
  example: 'pnpm cli roles save --name Engineer --description "Builds things" --rank 10',
  credential: 'org',
  options: {
    id: { type: 'string', description: 'the role to change (omit to create)' },
    name: { type: 'string', description: 'unique in the org; not admin, standard or read_only' },
    description: { type: 'string', description: 'what the role is for' },
    rank: { type: 'string', description: '0-1000, default 100' },
    json,
  },
  async run(client, values) {
    const r = rank(values);
    const role = await client.roles.save.mutate({
      id: optionalString(values, 'id'),
      name: requireString(values, 'name'),
      description: optionalString(values, 'description') ?? '',
      ...(r === undefined ? {} : { rank: r }),
    });
    return { json: role, lines: [`Role "${role.name}" (${role.id}), rank ${role.rank}.`] };
  },
};

const rolesDelete: Command = {
  path: ['roles', 'delete'],
  summary: 'Delete an org role (refused while a group maps to it)',
  example: 'pnpm cli roles delete --id 0193…',
  credential: 'org',
  options: { id: { type: 'string', description: 'role id' }, json },
  async run(client, values) {
    const id = requireString(values, 'id');
    await client.roles.delete.mutate({ id });
    return { json: { ok: true }, lines: [`Role ${id} deleted.`] };
  },
};

const rolesMap: Command = {
  path: ['roles', 'map'],
  summary: "Map an IdP group (by SCIM id) to a role; its members' roles change at once",
  example: 'pnpm cli roles map --group 0193… --role admin   (or --org-role <role id>)',
  credential: 'org',
  options: {
    group: { type: 'string', description: 'SCIM Group id' },
    role: { type: 'string', description: 'admin | standard | read_only' },
    'org-role': { type: 'string', description: 'an org role id instead of --role' },
    json,
  },
  async run(client, values) {
    const groupId = requireString(values, 'group');
    const orgRoleId = optionalString(values, 'org-role');
    const role = oneOf(optionalString(values, 'role'), BUILT_IN, 'role');
    if ((orgRoleId === undefined) === (role === undefined))
      throw new UsageError('give exactly one of --role and --org-role');
    const map = await client.roles.mapGroup.mutate(
      orgRoleId ? { groupId, orgRoleId } : { groupId, role: role ?? 'standard' },
    );
    return { json: map, lines: [`Group ${groupId} → ${map.orgRoleId ?? map.role}; its members were recomputed.`] };
  },
};

const rolesUnmap: Command = {
  path: ['roles', 'unmap'],
  summary: "Remove a group's mapping; members whose role it gave fall back to their SCIM roles value or the default",
  example: 'pnpm cli roles unmap --group 0193…',
  credential: 'org',
  options: { group: { type: 'string', description: 'SCIM Group id' }, json },
  async run(client, values) {
    const groupId = requireString(values, 'group');
    await client.roles.unmapGroup.mutate({ groupId });
    return { json: { ok: true }, lines: [`Group ${groupId} unmapped.`] };
  },
};

export const rolesCommands: readonly Command[] = [rolesList, rolesSave, rolesDelete, rolesMap, rolesUnmap];
