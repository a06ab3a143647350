import type { Clock } from '@provisio/core';
import type { Db } from '@provisio/db';
import { adminKeyRevokedEmail, keyRevokedEmail, MailRejectedError } from '@provisio/email';
import type { Mailer } from '@provisio/email';
import { keyRevokedAlertJob } from '@provisio/jobs';
import { UnrecoverableError } from 'bullmq';
import type { Processor } from './create-worker.ts';

export type KeyRevokedAlertDeps = { db: Db; mailer: Mailer; clock: Clock; publicUrl: string };

const sentMarker = (keyId: string, userId: string) => `alert-key-revoked-${keyId}-${userId}`;

/**
 * `alert.key-revoked`: re-reads the key, the org and its admins, and mails each admin
 * once: "SCIM provisioning stopped" for a deprovisioned owner's key, "an admin key was
 * revoked" for a demoted owner's. A per-recipient marker (written after the send) keeps a retry from mailing those
 * already reached; a crash between send and marker may mail one admin twice, never zero.
 */
export function createKeyRevokedAlertProcessor({ db, mailer, clock, publicUrl }: KeyRevokedAlertDeps): Processor {
  return async (job, logger) => {
    const parsed = keyRevokedAlertJob.schema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid alert.key-revoked payload');
    const { orgId, keyId } = parsed.data;
    const [key, org] = await Promise.all([db.keys.findById(orgId, keyId), db.orgs.findById(orgId)]);
    if (!key?.revokedAt || !org) throw new UnrecoverableError('the key or its org no longer exists');
    const owner = key.ownerType === 'user' ? await db.users.findById(orgId, key.ownerId) : null;
    const who = key.ownerType === 'user' ? `user ${owner?.userName ?? key.ownerId}` : `service account ${key.ownerId}`;
    const ownerEvent = `its owner, ${who}, was ${key.revokedReason === 'owner_deleted' ? 'deleted' : 'deactivated'}`;
    const revokedAt = new Date(key.revokedAt);
    const admins = await db.orgAdmins.contacts(orgId);
    let sent = 0;
    for (const admin of admins) {
      const marker = sentMarker(keyId, admin.userId);
      if (await db.claims.held(marker)) continue;
      const common = {
        to: admin.email,
        recipientName: admin.name,
        orgName: org.name,
        keyName: key.name,
        keyId,
        revokedAt,
      };
      const message =
        key.revokedReason === 'owner_demoted'
          ? adminKeyRevokedEmail({ ...common, ownerName: owner?.userName ?? key.ownerId })
          : keyRevokedEmail({ ...common, ownerEvent, scimBaseUrl: `${publicUrl.replace(/\/+$/, '')}/scim/v2` });
      try {
        await mailer.send(message);
      } catch (error) {
        // One refusing mailbox must not stop the others from being told.
        if (error instanceof MailRejectedError) {
          logger.warn({ orgId, keyId, userId: admin.userId }, 'admin mailbox refused the key alert');
          continue;
        }
        throw error;
      }
      // Never stale: a marker only says this admin was reached. Not stored: the next retry may mail them again.
      await db.claims
        .take(marker, { now: clock.now(), staleAfterMs: Number.POSITIVE_INFINITY })
        .catch((err: unknown) =>
          logger.warn({ err, orgId, keyId }, 'key revoked alert: marker not stored; a retry may mail this admin again'),
        );
      sent++;
    }
    logger.info({ orgId, keyId, admins: admins.length, sent }, 'key revoked alert processed');
    return { admins: admins.length, sent };
  };
}
