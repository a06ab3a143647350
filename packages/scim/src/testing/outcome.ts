import { expect } from 'vitest';
import { ScimError } from '../errors/scim-error.ts';
import type { ExpectedError } from './registries.ts';

export type Outcome =
  | { value: unknown }
  | { error: { status: number; scimType: string | undefined; detail: string } }
  | { thrown: unknown };

/** What `run` did: its value, the ScimError it threw (as a client sees it), or anything else it threw. */
export function outcomeOf(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (err) {
    if (err instanceof ScimError) return { error: { status: err.status, scimType: err.scimType, detail: err.detail } };
    return { thrown: err };
  }
}

/**
 * What a fixture expects, compared whole with `toEqual`: its `error` (the detail containing its
 * `message` when it gives one) or else `value`. A fixture that should fail and does not, or the reverse, shows both.
 */
export function expectedOutcome(error: ExpectedError | undefined, value: unknown): Outcome {
  if (!error) return { value };
  return {
    error: {
      status: error.status,
      scimType: error.scimType,
      detail: error.message ? expect.stringContaining(error.message) : expect.any(String),
    },
  };
}
