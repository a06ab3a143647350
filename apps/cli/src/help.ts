import type { Command } from './command.ts';

/** `--help`: every command with its summary and an example. */
export function helpText(commands: readonly Command[]): string {
  const rows = commands.map(
    (c) => `  ${c.path.join(' ').padEnd(24)} ${c.summary}\n  ${''.padEnd(24)} e.g. ${c.example}`,
  );
  return [
    'Usage: pnpm cli <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Environment:',
    '  PROVISIO_URL           the server, e.g. http://localhost:3000',
    '  PROVISIO_ADMIN_TOKEN   platform admin token (org create, org set-plan, org admin-key)',
    '  PROVISIO_TOKEN         an org application key (pvk_…) for every other command',
    '',
    'Add --help after a command for its options. Every command takes --json.',
    '',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(
    ([name, o]) => `  --${name}${o.type === 'string' ? ' <value>' : ''}`.padEnd(28) + o.description,
  );
  return [
    `Usage: pnpm cli ${command.path.join(' ')} [options]`,
    '',
    command.summary,
    '',
    'Options:',
    ...options,
    '',
    `Example: ${command.example}`,
    '',
  ].join('\n');
}
