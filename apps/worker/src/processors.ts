import type { Clock } from '@provisio/core';
import type { Db } from '@provisio/db';
import type { Mailer } from '@provisio/email';
import { brakeAlertJob, inviteSendJob, keyRevokedAlertJob } from '@provisio/jobs';
import type { Processor } from './create-worker.ts';
import { createBrakeAlertProcessor } from './brake-alert-processor.ts';
import { createInviteProcessor } from './invite-processor.ts';
import { createKeyRevokedAlertProcessor } from './key-revoked-alert-processor.ts';

export type ProcessorDeps = {
  db: Db;
  mailer: Mailer;
  clock: Clock;
  publicUrl: string;
  claimTimeoutMs?: number;
};

/** Every job the worker runs, by name. */
export function createProcessors({
  db,
  mailer,
  clock,
  publicUrl,
  claimTimeoutMs,
}: ProcessorDeps): Record<string, Processor> {
  return {
    [inviteSendJob.name]: createInviteProcessor({
      invites: db.invites,
      users: db.inviteUsers,
      orgs: db.inviteOrgs,
      clock,
      mailer,
      publicUrl,
      ...(claimTimeoutMs ? { claimTimeoutMs } : {}),
    }),
    [keyRevokedAlertJob.name]: createKeyRevokedAlertProcessor({ db, mailer, clock, publicUrl }),
    [brakeAlertJob.name]: createBrakeAlertProcessor({ db, mailer, clock, publicUrl }),
  };
}
