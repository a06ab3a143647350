import type { JobsOptions } from 'bullmq';
import type { z } from 'zod';

/** A job: its name, the zod schema of its payload (ids only, never PII or secrets), default options. */
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  opts: JobsOptions;
};

export type JobPayload<D extends JobDefinition> = z.infer<D['schema']>;
