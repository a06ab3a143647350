import type { z } from 'zod';

/** Thrown when the environment is missing or has a bad value; its message is one line. */
export class EnvError extends Error {
  override name = 'EnvError';
}

/**
 * Parses the environment once against a zod object schema. The first problem becomes a
 * one-line message naming the variable, e.g. `MONGODB_URI: required (a mongodb:// URL)`.
 */
export function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  // Empty strings mean "unset", as in a .env file with `FOO=`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue?.path.join('.') || 'environment';
  const isMissing = issue?.code === 'invalid_type' && !(name in cleaned);
  throw new EnvError(`${name}: ${isMissing ? 'is required' : 'is invalid'} (${issue?.message ?? 'unknown problem'})`);
}
