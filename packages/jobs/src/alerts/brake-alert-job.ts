import { z } from 'zod';
import type { JobDefinition } from '../job-definition.ts';
import { DEFAULT_JOB_OPTIONS } from '../queues.ts';

/** Mails every admin of an org that its mass-deprovision brake engaged. Ids only. */
export const brakeAlertJob = {
  name: 'alert.deprovision-brake',
  schema: z.object({ orgId: z.string().min(1), generation: z.number().int().min(0) }),
  opts: { ...DEFAULT_JOB_OPTIONS, attempts: 8 },
} as const satisfies JobDefinition;

/** One alert per braking: the org's brake engages at most once per generation. */
export const brakeAlertJobId = (orgId: string, generation: number) => `deprovision-brake-${orgId}-${generation}`;
