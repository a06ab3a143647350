import type { KeyAlerts } from '@provisio/core/keys';
import type { Queue } from 'bullmq';
import { enqueue } from '../enqueue.ts';
import { keyRevokedAlertJob, keyRevokedAlertJobId } from './key-revoked-alert-job.ts';

/** Key alerts go through the worker's mail path (queue → processor → SMTP). */
export function createKeyAlerts(queue: Queue): KeyAlerts {
  return {
    async keyRevoked({ orgId, keyId }) {
      await enqueue({
        queue,
        definition: keyRevokedAlertJob,
        payload: { orgId, keyId },
        jobId: keyRevokedAlertJobId(keyId),
      });
    },
  };
}
