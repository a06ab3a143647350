import type { Command } from '../command.ts';
import { json, optionalWholeNumber } from '../command.ts';

const rule = (percent: number, count: number) =>
  percent === 0 && count === 0
    ? 'off'
    : [count ? `more than ${count} users` : null, percent ? `more than ${percent} % of active users` : null]
        .filter(Boolean)
        .join(' or ') + ' deactivated or deleted within 10 minutes';

const brakeStatus: Command = {
  path: ['brake', 'status'],
  summary: "Show the org's mass-deprovision brake: engaged or not, and its thresholds",
  example: 'pnpm cli brake status',
  credential: 'org',
  options: { json },
  async run(client) {
    const { state, settings } = await client.brake.status.query();
    return {
      json: { state, settings },
      lines: [
        state.braked
          ? `BRAKED since ${state.brakedAt ?? '?'}: SCIM deactivations and deletions are held (429) until an admin releases (pnpm cli brake held, pnpm cli brake release).`
          : `Not braked${state.releasedAt ? ` (last released ${state.releasedAt})` : ''}.`,
        `Threshold: ${rule(settings.percent, settings.count)}.`,
      ],
    };
  },
};

const brakeHeld: Command = {
  path: ['brake', 'held'],
  summary: 'List the deactivations and deletions the brake holds (or, once released, the ones it let through)',
  example: 'pnpm cli brake held --json',
  credential: 'org',
  options: { json },
  async run(client) {
    const { braked, items } = await client.brake.held.query();
    return {
      json: { braked, items },
      lines: [
        braked ? `${items.length} held:` : `Not braked; ${items.length} released last time:`,
        ...items.map(
          (h) => `${h.action.padEnd(10)} ${h.userName} (${h.userId}) first ${h.firstAt}, ${h.attempts} attempt(s)`,
        ),
      ],
    };
  },
};

const brakeRelease: Command = {
  path: ['brake', 'release'],
  summary: "Confirm the held deprovisions: the IdP's retries then succeed, and the count starts over",
  example: 'pnpm cli brake release',
  credential: 'org',
  options: { json },
  async run(client) {
    const { state, released } = await client.brake.release.mutate();
    return {
      json: { state, released },
      lines: [`Brake released: ${released.length} held deprovision(s) will succeed when the IdP retries them.`],
    };
  },
};

const wholeNumber = (values: Record<string, unknown>, name: string) => optionalWholeNumber(values, name, '0 for off');

const brakeSet: Command = {
  path: ['brake', 'set'],
  summary: 'Set the brake thresholds (default: more than 10 % of active users or 50 users in 10 minutes; 0 = off)',
  example: 'pnpm cli brake set --percent 10 --count 50',
  credential: 'org',
  options: {
    percent: { type: 'string', description: 'percent of active users, 0-100 (0: this rule off)' },
    count: { type: 'string', description: 'number of users (0: this rule off)' },
    json,
  },
  async run(client, values) {
    const current = (await client.brake.status.query()).settings;
    const settings = {
      percent: wholeNumber(values, 'percent') ?? current.percent,
      count: wholeNumber(values, 'count') ?? current.count,
    };
    const saved = await client.brake.configure.mutate(settings);
    return { json: saved, lines: [`Brake threshold: ${rule(saved.percent, saved.count)}.`] };
  },
};

export const brakeCommands: readonly Command[] = [brakeStatus, brakeHeld, brakeRelease, brakeSet];
