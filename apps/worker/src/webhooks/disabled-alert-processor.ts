import type { Clock } from '@provisio/core';
import type { Db } from '@provisio/db';
import { MailRejectedError, webhookDisabledEmail } from '@provisio/email';
import type { Mailer } from '@provisio/email';
import { webhookDisabledAlertJob } from '@provisio/jobs';
import { UnrecoverableError } from 'bullmq';
import type { Processor } from '../create-worker.ts';

type Deps = { db: Db; mailer: Mailer; clock: Clock; publicUrl: string };

/**
 * `alert.webhook-disabled`: mails every org admin once per disabling (a per-recipient marker,
 * as the brake alert does). Turned on again before the mail went out: nothing to say.
 */
export function createWebhookDisabledAlertProcessor({ db, mailer, clock, publicUrl }: Deps): Processor {
  return async (job, logger) => {
    const parsed = webhookDisabledAlertJob.schema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid alert.webhook-disabled payload');
    const { orgId, endpointId, disabledAt } = parsed.data;
    const [org, endpoint] = await Promise.all([db.orgs.findById(orgId), db.webhooks.get(orgId, endpointId)]);
    if (!org || !endpoint) return { sent: 0 };
    if (endpoint.enabled) return { sent: 0 };
    let sent = 0;
    for (const admin of await db.orgAdmins.contacts(orgId)) {
      const marker = `alert-webhook-${endpointId}-${Date.parse(disabledAt)}-${admin.userId}`;
      if (await db.claims.held(marker)) continue;
      const message = webhookDisabledEmail({
        to: admin.email,
        recipientName: admin.name,
        orgName: org.name,
        url: endpoint.url,
        reason: endpoint.disabledReason ?? 'deliveries kept failing',
        manageUrl: `${publicUrl.replace(/\/+$/, '')}/webhooks`,
      });
      try {
        await mailer.send(message);
      } catch (error) {
        if (error instanceof MailRejectedError) {
          logger.warn({ orgId, userId: admin.userId }, 'admin mailbox refused the webhook alert');
          continue;
        }
        throw error;
      }
      await db.claims.take(marker, { now: clock.now(), staleAfterMs: Number.POSITIVE_INFINITY });
      sent++;
    }
    return { sent };
  };
}
