import type { Clock } from '@provisio/core';
import type { Db } from '@provisio/db';
import { brakeEngagedEmail, MailRejectedError } from '@provisio/email';
import type { Mailer } from '@provisio/email';
import { brakeAlertJob } from '@provisio/jobs';
import { UnrecoverableError } from 'bullmq';
import type { Processor } from './create-worker.ts';

export type BrakeAlertDeps = { db: Db; mailer: Mailer; clock: Clock; publicUrl: string };

const sentMarker = (orgId: string, generation: number, userId: string) =>
  `alert-brake-${orgId}-${generation}-${userId}`;

/**
 * `alert.deprovision-brake`: re-reads the org, its brake and its admins, and mails each
 * admin once per braking. A per-recipient marker (written after the send) keeps a retry from
 * mailing those already reached; a crash between send and marker may mail one admin twice, never zero.
 */
export function createBrakeAlertProcessor({ db, mailer, clock, publicUrl }: BrakeAlertDeps): Processor {
  return async (job, logger) => {
    const parsed = brakeAlertJob.schema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid alert.deprovision-brake payload');
    const { orgId, generation } = parsed.data;
    const [org, state] = await Promise.all([db.orgs.findById(orgId), db.brakes.state(orgId)]);
    if (!org) throw new UnrecoverableError('the org no longer exists');
    // Released before the mail went out: nothing left for the admins to decide.
    if (!state.braked || state.generation !== generation || !state.brakedAt) return { admins: 0, sent: 0 };
    const admins = await db.orgAdmins.contacts(orgId);
    const reviewUrl = `${publicUrl.replace(/\/+$/, '')}/brake`;
    let sent = 0;
    for (const admin of admins) {
      const marker = sentMarker(orgId, generation, admin.userId);
      if (await db.claims.held(marker)) continue;
      const message = brakeEngagedEmail({
        to: admin.email,
        recipientName: admin.name,
        orgName: org.name,
        brakedAt: new Date(state.brakedAt),
        reviewUrl,
      });
      try {
        await mailer.send(message);
      } catch (error) {
        // One refusing mailbox must not stop the others from being told.
        if (error instanceof MailRejectedError) {
          logger.warn({ orgId, userId: admin.userId }, 'admin mailbox refused the brake alert');
          continue;
        }
        throw error;
      }
      await db.claims
        .take(marker, { now: clock.now(), staleAfterMs: Number.POSITIVE_INFINITY })
        .catch((err: unknown) =>
          logger.warn({ err, orgId }, 'brake alert: marker not stored; a retry may mail this admin again'),
        );
      sent++;
    }
    logger.info({ orgId, generation, admins: admins.length, sent }, 'brake alert processed');
    return { admins: admins.length, sent };
  };
}
