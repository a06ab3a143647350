import { z } from 'zod';
import type { JobDefinition } from '../job-definition.ts';
import { DEFAULT_JOB_OPTIONS } from '../queues.ts';

/** Mails the org's admins that a key their IdP used for SCIM, or an admin key of a demoted owner, was revoked. Ids only. */
export const keyRevokedAlertJob = {
  name: 'alert.key-revoked',
  schema: z.object({ orgId: z.string().min(1), keyId: z.string().min(1) }),
  opts: { ...DEFAULT_JOB_OPTIONS, attempts: 8 },
} as const satisfies JobDefinition;

/** One alert per key: a key is revoked once, so a repeated enqueue is the same job. */
export const keyRevokedAlertJobId = (keyId: string) => `key-revoked-${keyId}`;
