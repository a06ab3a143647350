import type { z } from 'zod';
import { badRequest } from './scim-error.ts';
import type { ScimError } from './scim-error.ts';

function where(path: readonly PropertyKey[], prefix: string): string {
  const parts = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  const full = `${prefix}${parts}`.replace(/^\./, '');
  return full === '' ? 'the body' : `'${full}'`;
}

/**
 * Unknown attributes and schema URNs are `invalidSyntax` (interop profile); a wrong type —
 * including an object where a string belongs (`{"$gt": ""}`) — is `invalidValue`.
 */
export function zodToScimError(error: z.ZodError, prefix = ''): ScimError {
  const issue = error.issues[0];
  if (!issue) return badRequest('invalidValue', 'Invalid value');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `'${k}'`).join(', ');
    return badRequest('invalidSyntax', `Unknown attribute ${keys} in ${where(issue.path, prefix)}`);
  }
  return badRequest('invalidValue', `Invalid value for ${where(issue.path, prefix)}: ${issue.message}`);
}
