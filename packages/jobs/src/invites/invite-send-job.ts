import { z } from 'zod';
import type { JobDefinition } from '../job-definition.ts';
import { DEFAULT_JOB_OPTIONS } from '../queues.ts';

/** Mails one invite. Ids only: the worker re-reads the user and makes the token itself. */
export const inviteSendJob = {
  name: 'invite.send',
  schema: z.object({ orgId: z.string().min(1), userId: z.string().min(1), inviteId: z.string().min(1) }),
  opts: { ...DEFAULT_JOB_OPTIONS, attempts: 8 },
} as const satisfies JobDefinition;

/** One job id per invite version and dispatch: a duplicate enqueue is the same job. */
export const inviteJobId = ({ inviteId, dispatch }: { inviteId: string; dispatch: number }) =>
  `invite-${inviteId}-${dispatch}`;
