import type { RouterInputs } from '@provisio/client';
import type { ProvisioClient } from '@provisio/client';
import type { Command, OptionSpec, Output } from '../command.ts';
import { json, onOff, optionalString, optionalWholeNumber, requireString } from '../command.ts';

type EventTypes = NonNullable<RouterInputs['webhooks']['create']['events']>;

const events = {
  type: 'string',
  multiple: true,
  description:
    'an event type: user.created, user.updated, user.deactivated, user.reactivated, user.deleted, group.created, group.updated, group.deleted, membership.added, membership.removed, or a wildcard: user.*, group.*, membership.* (repeat; default all)',
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

type Values = Record<string, string | boolean | string[] | undefined>;

/** A command on one endpoint (or delivery): `<name> <id>`, an org key, `--json`; `run` gets the id parsed. */
function onOne(spec: {
  name: string;
  summary: string;
  positional?: string;
  options?: Record<string, OptionSpec>;
  run: (client: ProvisioClient, id: string, values: Values) => Promise<Output>;
}): Command {
  const positional = spec.positional ?? 'id';
  return {
    path: ['webhooks', spec.name],
    summary: spec.summary,
    example: `pnpm cli webhooks ${spec.name} <${positional}>`,
    credential: 'org',
    positionals: [positional],
    options: { ...spec.options, json },
    run: (client, values) => spec.run(client, requireString(values, positional), values),
  };
}

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

const update = onOne({
  name: 'update',
  summary: 'Change the URL or events, or turn an endpoint on (it resumes where it failed) or off',
  options: {
    url: { type: 'string', description: 'new URL' },
    event: events,
    enabled: { type: 'string', description: 'on or off' },
  },
  async run(client, id, values) {
    const endpoint = await client.webhooks.update.mutate({
      id,
      url: optionalString(values, 'url'),
      events: eventTypes(values),
      enabled: onOff(values, 'enabled'),
    });
    return { json: endpoint, lines: [`${endpoint.id}  ${endpoint.url}  ${state(endpoint)}`] };
  },
});

const rotate = onOne({
  name: 'rotate-secret',
  summary: 'New signing secret (printed once); the previous one signs too for the overlap (default 24 h)',
  options: { 'overlap-hours': { type: 'string', description: 'hours both secrets sign (0-168)' } },
  async run(client, id, values) {
    const overlapHours = optionalWholeNumber(values, 'overlap-hours', 'hours both secrets sign (0-168)');
    const { endpoint, secret } = await client.webhooks.rotateSecret.mutate({
      id,
      ...(overlapHours === undefined ? {} : { overlapHours }),
    });
    const overlap = endpoint.previousSecretExpiresAt
      ? `The previous secret signs too until ${endpoint.previousSecretExpiresAt}.`
      : 'The previous secret no longer signs.';
    return { json: { endpoint, secret }, lines: [...secretLines(endpoint.id, secret), overlap] };
  },
});

const remove = onOne({
  name: 'delete',
  summary: 'Delete an endpoint (nothing more is sent to it)',
  async run(client, id) {
    return { json: await client.webhooks.delete.mutate({ id }), lines: ['Deleted.'] };
  },
});

const deliveries = onOne({
  name: 'deliveries',
  summary: "An endpoint's latest deliveries: status, response code, duration",
  async run(client, id) {
    const items = await client.webhooks.deliveries.query({ id });
    return {
      json: items,
      lines: items.map(
        (d) =>
          `${d.at}  ${d.id}  ${d.type.padEnd(16)} ${d.status.padEnd(9)} ${d.responseStatus ?? '-'}  ${d.durationMs ?? '-'} ms${d.error ? `  ${d.error}` : ''}`,
      ),
    };
  },
});

const redeliver = onOne({
  name: 'redeliver',
  summary: 'Send a logged delivery again (same event id, fresh signature)',
  positional: 'delivery-id',
  async run(client, deliveryId) {
    const d = await client.webhooks.redeliver.mutate({ deliveryId });
    return { json: d, lines: [`Queued as delivery ${d.id}: see pnpm cli webhooks deliveries ${d.endpointId}`] };
  },
});

const ping = onOne({
  name: 'ping',
  summary: 'Send a signed test event (type ping) to an endpoint',
  async run(client, id) {
    const d = await client.webhooks.ping.mutate({ id });
    return { json: d, lines: [`Ping queued as delivery ${d.id}: see pnpm cli webhooks deliveries ${d.endpointId}`] };
  },
});

export const webhooksCommands: readonly Command[] = [list, create, update, rotate, remove, deliveries, redeliver, ping];
