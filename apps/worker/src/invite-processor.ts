import { PermanentDeliveryError, sendInvite } from '@provisio/core/invites';
import type { InviteDeps } from '@provisio/core/invites';
import { inviteEmail, MailRejectedError } from '@provisio/email';
import type { Mailer } from '@provisio/email';
import { inviteSendJob } from '@provisio/jobs';
import { UnrecoverableError } from 'bullmq';
import type { Processor } from './create-worker.ts';

export type InviteProcessorDeps = InviteDeps & { mailer: Mailer; publicUrl: string; claimTimeoutMs?: number };

/** `invite.send`: parse the ids, send through the core rule, turn permanent failures into no-retry. */
export function createInviteProcessor(deps: InviteProcessorDeps): Processor {
  const mailer = {
    async sendInvite(message: Parameters<typeof inviteEmail>[0]) {
      try {
        await deps.mailer.send(inviteEmail(message));
      } catch (error) {
        if (error instanceof MailRejectedError) throw new PermanentDeliveryError(error.message, { cause: error });
        throw error;
      }
    },
  };
  return async (job, logger) => {
    const parsed = inviteSendJob.schema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid invite.send payload');
    const { orgId, inviteId, userId } = parsed.data;
    const result = await sendInvite({ ...deps, mailer }, { orgId, inviteId });
    logger.info({ orgId, inviteId, userId, outcome: result.outcome }, 'invite processed');
    if (result.outcome === 'failed') throw new UnrecoverableError(result.reason);
    return result.outcome;
  };
}
