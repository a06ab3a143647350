import type { RouterInputs } from '@provisio/client';
import type { Command } from '../command.ts';
import { json, onOff, optionalString, requireString, UsageError } from '../command.ts';

type EventTypes = NonNullable<RouterInputs['webhooks']['create']['events']>;

const events = {
  type: 'string',
  multiple: true,
  description:
    'an event type: user.created, user.updated, user.deactivated, user.reactivated, user.deleted (repeat; default all)',
} as const;

/** The server checks the names (its error lists the known ones). */
function eventTypes(values: Record<string, unknown>): EventTypes | undefined {
  const given = values['event'];
  return Array.isArray(given) && given.length > 0 ? (given as EventTypes) : undefined;
}

const state = (e: { enabled: boolean; disabledReason: string | null; failures: number }) =>
  e.enabled ? (e.failures ? `failing (${e.failures} attempts)` : 'on') : `off: ${e.disabledReason ?? ''}`;

const secretLines = (id: string, secret: string) => [
  `Endpoint ${id}`,
  `Signing secret (shown once, store it now): ${secret}`,
  'Verify each delivery with verifyWebhook(secret, headers, rawBody) from @provisio/client.',
];

const list: Command = {
  path: ['webhooks', 'list'],
  summary: "List the org's webhook endpoints",
  example: 'pnpm cli webhooks list',
  credential: 'org',
  options: { json },
  async run(client) {
    const items = await client.webhooks.list.query();
    return { json: items, lines: items.map((e) => `${e.id}  ${e.url}  [${e.events.join(' ')}]  ${state(e)}`) };
  },
};

const create: Command = {
  path: ['webhooks', 'create'],
  summary: 'Add an endpoint (events from now on); prints its signing secret once',
  example:
    'pnpm cli webhooks create --url https://hooks.example.com/provisio --event user.created --event user.deleted',
  credential: 'org',
  options: { url: { type: 'string', description: 'https URL receiving POSTs' }, event: events, json },
  async run(client, values) {
    const url = requireString(values, 'url');
    const { endpoint, secret } = await client.webhooks.create.mutate({
      url,
      events: eventTypes(values),
    });
    return { json: { endpoint, secret }, lines: secretLines(endpoint.id, secret) };
  },
};

const update: Command = {
  path: ['webhooks', 'update'],
  summary: 'Change the URL or events, or turn an endpoint on (it resumes where it failed) or off',
  example: 'pnpm cli webhooks update <id> --enabled on',
  credential: 'org',
  positionals: ['id'],
  options: {
    url: { type: 'string', description: 'new URL' },
    event: events,
    enabled: { type: 'string', description: 'on or off' },
    json,
  },
  async run(client, values) {
    const endpoint = await client.webhooks.update.mutate({
      id: requireString(values, 'id'),
      url: optionalString(values, 'url'),
      events: eventTypes(values),
      enabled: onOff(values, 'enabled'),
    });
    return { json: endpoint, lines: [`${endpoint.id}  ${endpoint.url}  ${state(endpoint)}`] };
  },
};

const rotate: Command = {
  path: ['webhooks', 'rotate-secret'],
  summary: 'New signing secret (printed once); the previous one signs too for the overlap (default 24 h)',
  example: 'pnpm cli webhooks rotate-secret <id> --overlap-hours 24',
  credential: 'org',
  positionals: ['id'],
  options: { 'overlap-hours': { type: 'string', description: 'hours both secrets sign (0-168)' }, json },
  async run(client, values) {
    const raw = optionalString(values, 'overlap-hours');
    if (raw !== undefined && !/^\d+$/.test(raw)) throw new UsageError('--overlap-hours takes a whole number');
    const { endpoint, secret } = await client.webhooks.rotateSecret.mutate({
      id: requireString(values, 'id'),
      ...(raw === undefined ? {} : { overlapHours: Number(raw) }),
    });
    const overlap = endpoint.previousSecretExpiresAt
      ? `The previous secret signs too until ${endpoint.previousSecretExpiresAt}.`
      : 'The previous secret no longer signs.';
    return { json: { endpoint, secret }, lines: [...secretLines(endpoint.id, secret), overlap] };
  },
};

const remove: Command = {
  path: ['webhooks', 'delete'],
  summary: 'Delete an endpoint (nothing more is sent to it)',
  example: 'pnpm cli webhooks delete <id>',
  credential: 'org',
  positionals: ['id'],
  options: { json },
  async run(client, values) {
    const result = await client.webhooks.delete.mutate({ id: requireString(values, 'id') });
    return { json: result, lines: ['Deleted.'] };
  },
};

const deliveries: Command = {
  path: ['webhooks', 'deliveries'],
  summary: "An endpoint's latest deliveries: status, response code, duration",
  example: 'pnpm cli webhooks deliveries <id>',
  credential: 'org',
  positionals: ['id'],
  options: { json },
  async run(client, values) {
    const items = await client.webhooks.deliveries.query({ id: requireString(values, 'id') });
    return {
      json: items,
      lines: items.map(
        (d) =>
          `${d.at}  ${d.id}  ${d.type.padEnd(16)} ${d.status.padEnd(9)} ${d.responseStatus ?? '-'}  ${d.durationMs ?? '-'} ms${d.error ? `  ${d.error}` : ''}`,
      ),
    };
  },
};

const redeliver: Command = {
  path: ['webhooks', 'redeliver'],
  summary: 'Send a logged delivery again (same event id, fresh signature)',
  example: 'pnpm cli webhooks redeliver <delivery-id>',
  credential: 'org',
  positionals: ['delivery-id'],
  options: { json },
  async run(client, values) {
    const d = await client.webhooks.redeliver.mutate({ deliveryId: requireString(values, 'delivery-id') });
    return { json: d, lines: [`Queued as delivery ${d.id}: see pnpm cli webhooks deliveries ${d.endpointId}`] };
  },
};

const ping: Command = {
  path: ['webhooks', 'ping'],
  summary: 'Send a signed test event (type ping) to an endpoint',
  example: 'pnpm cli webhooks ping <id>',
  credential: 'org',
  positionals: ['id'],
  options: { json },
  async run(client, values) {
    const d = await client.webhooks.ping.mutate({ id: requireString(values, 'id') });
    return { json: d, lines: [`Ping queued as delivery ${d.id}: see pnpm cli webhooks deliveries ${d.endpointId}`] };
  },
};

export const webhooksCommands: readonly Command[] = [list, create, update, rotate, remove, deliveries, redeliver, ping];
