import type { ProvisioClient } from '@provisio/client';

export type OptionSpec = { type: 'string' | 'boolean'; multiple?: boolean; description: string };

/** `--json`, which every command takes: the same data as the lines, for scripts. */
export const json = { type: 'boolean', description: 'print JSON' } as const satisfies OptionSpec;

/** What a command prints: `--json` prints `json`, otherwise `lines`. `streamed`: it printed as it went (`events tail`). */
export type Output = { json: unknown; lines: string[]; streamed?: boolean };

/** Where a streaming command prints each line as it happens (stdout) and says what it is doing (stderr). */
export type CommandIo = { stdout: (text: string) => void; stderr: (text: string) => void };

export type Command = {
  /** `['org', 'create']`. */
  path: readonly string[];
  summary: string;
  example: string;
  /**
   * `platform`: needs PROVISIO_ADMIN_TOKEN; `org`: PROVISIO_TOKEN; `org-or-platform`: PROVISIO_TOKEN
   * when set, else PROVISIO_ADMIN_TOKEN (a platform admin reading any org with `--org`).
   */
  credential: 'platform' | 'org' | 'org-or-platform';
  options: Record<string, OptionSpec>;
  /** Names of positional arguments (`user resend-invite <id>`): each also accepted as `--<name>`. */
  positionals?: readonly string[];
  run(
    client: ProvisioClient,
    values: Record<string, string | boolean | string[] | undefined>,
    io: CommandIo,
  ): Promise<Output>;
};

/** A usage mistake: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function requireString(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export const optionalString = (values: Record<string, unknown>, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** A whole-number option (`--percent 10`); `meaning` says what it counts, in the usage error. */
export function optionalWholeNumber(
  values: Record<string, unknown>,
  name: string,
  meaning: string,
): number | undefined {
  const raw = optionalString(values, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} takes a whole number, ${meaning} (got "${raw}")`);
  return Number(raw);
}

/** `on`/`off`/`true`/`false` flags of `org settings`. */
export function onOff(values: Record<string, unknown>, name: string): boolean | undefined {
  const value = optionalString(values, name);
  if (value === undefined) return undefined;
  if (/^(on|true|yes|enabled?)$/i.test(value)) return true;
  if (/^(off|false|no|disabled?)$/i.test(value)) return false;
  throw new UsageError(`--${name} must be on or off`);
}

/** `{ [field]: on/off }` when `--name` was given, else nothing: for spreading into a partial change. */
export function onOffField<K extends string>(
  values: Record<string, unknown>,
  name: string,
  field: K,
): Partial<Record<K, boolean>> {
  const value = onOff(values, name);
  return value === undefined ? {} : ({ [field]: value } as Record<K, boolean>);
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of: ${allowed.join(', ')}`);
}
