import { isResyncRequired } from '@provisio/client';
import type { UserEvent } from '@provisio/client';
import type { Command } from '../command.ts';
import { optionalString, UsageError } from '../command.ts';

const line = (e: UserEvent) =>
  `${e.id}  ${e.at}  ${e.type.padEnd(11)}  ${e.userId}  v${e.version}${e.user ? `  ${e.user.userName}` : ''}`;

const eventsTail: Command = {
  path: ['events', 'tail'],
  summary:
    'Print user lifecycle events as they happen (created, updated, deactivated, reactivated, deleted); Ctrl-C stops',
  example: 'pnpm cli events tail --since 0193…  (the first column of the last line you saw)',
  credential: 'org',
  options: {
    since: { type: 'string', description: 'resume after this event id (default: from now)' },
    count: { type: 'string', description: 'stop after this many events' },
    json: { type: 'boolean', description: 'one JSON event per line' },
  },
  async run(client, values, io) {
    const since = optionalString(values, 'since') ?? null;
    const count = optionalString(values, 'count');
    const limit = count === undefined ? Infinity : Number(count);
    if (!(limit > 0)) throw new UsageError('--count must be a positive number');
    let seen = 0;
    await new Promise<void>((resolve, reject) => {
      const sub = client.events.onUserChange.subscribe(
        { lastEventId: since },
        {
          // On stderr, so stdout stays one event per line; scripts (and tests) know from here on nothing is missed.
          onStarted: () => io.stderr('listening for user events\n'),
          onData: ({ data }) => {
            io.stdout(values['json'] === true ? `${JSON.stringify(data)}\n` : `${line(data)}\n`);
            if (++seen >= limit) {
              sub.unsubscribe();
              resolve();
            }
          },
          onError: (error) => {
            sub.unsubscribe();
            reject(
              isResyncRequired(error) ? new Error(`${error.message} (run without --since to start from now)`) : error,
            );
          },
        },
      );
    });
    return { json: null, lines: [], streamed: true };
  },
};

export const eventsCommands = [eventsTail];
