import { parseArgs } from 'node:util';
import { createProvisioClient, isProvisioError, TRPCClientError } from '@provisio/client';
import type { Command } from './command.ts';
import { UsageError } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import type { CliEnv } from './env.ts';
import { commandHelp, helpText } from './help.ts';

export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void };

function findCommand(argv: readonly string[]): Command | undefined {
  return COMMANDS.find((c) => c.path.every((part, i) => argv[i] === part));
}

function credentialFor(command: Command, env: CliEnv): { url: string; token: string } {
  if (!env.url) throw new UsageError('PROVISIO_URL is not set (e.g. http://localhost:3000)');
  const token =
    command.credential === 'platform'
      ? env.adminToken
      : command.credential === 'org'
        ? env.token
        : (env.token ?? env.adminToken);
  if (!token)
    throw new UsageError(
      command.credential === 'platform'
        ? 'PROVISIO_ADMIN_TOKEN is not set (platform commands need it)'
        : command.credential === 'org'
          ? 'PROVISIO_TOKEN is not set (an org key, pvk_…)'
          : 'neither PROVISIO_TOKEN (an org admin key) nor PROVISIO_ADMIN_TOKEN (the platform token) is set',
    );
  return { url: `${env.url.replace(/\/+$/, '')}/trpc`, token };
}

/** One line for any failure: the server's message, or why the server could not be reached. */
function describeError(error: unknown, env: CliEnv): string {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: string } | undefined)?.code;
    if (!code) return `cannot reach ${env.url ?? 'the server'}: ${error.message}`;
    const issues = isProvisioError(error) ? (error.issues ?? []) : [];
    if (issues.length)
      return `${code}: ${issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`;
    return `${code}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Runs one CLI invocation; resolves to the exit code (0 ok, 1 failed, 2 usage). */
export async function runCli(argv: readonly string[], env: CliEnv, io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(helpText(COMMANDS));
    return 0;
  }
  const command = findCommand(argv);
  if (!command) {
    io.stderr(`error: unknown command '${argv.slice(0, 2).join(' ')}'; run pnpm cli --help\n`);
    return 2;
  }
  const rest = argv.slice(command.path.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return 0;
  }
  try {
    const options = Object.fromEntries(
      Object.entries(command.options).map(([name, o]) => [
        name,
        { type: o.type, ...(o.multiple ? { multiple: true } : {}) },
      ]),
    );
    const names = command.positionals ?? [];
    const { values, positionals } = parseArgs({
      args: [...rest],
      options,
      strict: true,
      allowPositionals: names.length > 0,
    });
    if (positionals.length > names.length)
      throw new UsageError(`unexpected argument '${positionals[names.length] ?? ''}'`);
    type Given = Record<string, string | boolean | string[] | undefined>;
    const named: Given = Object.fromEntries(positionals.map((value, i): [string, string] => [names[i] ?? '', value]));
    const given: Given = { ...(values as Given), ...named };
    const { url, token } = credentialFor(command, env);
    const output = await command.run(createProvisioClient({ url, token }), given, io);
    if (!output.streamed)
      io.stdout(
        values['json'] === true ? `${JSON.stringify(output.json)}\n` : output.lines.map((l) => `${l}\n`).join(''),
      );
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(
      `error: ${usage ? (error as Error).message : describeError(error, env)}${usage ? ` (see pnpm cli ${command.path.join(' ')} --help)` : ''}\n`,
    );
    return usage ? 2 : 1;
  }
}
