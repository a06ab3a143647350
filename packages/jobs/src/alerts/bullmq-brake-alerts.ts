import type { BrakeAlerts } from '@provisio/core/brake';
import type { Queue } from 'bullmq';
import { enqueue } from '../enqueue.ts';
import { brakeAlertJob, brakeAlertJobId } from './brake-alert-job.ts';

/** Brake alerts go through the worker's mail path (queue → processor → SMTP). */
export function createBrakeAlerts(queue: Queue): BrakeAlerts {
  return {
    async braked({ orgId, generation }) {
      await enqueue({
        queue,
        definition: brakeAlertJob,
        payload: { orgId, generation },
        jobId: brakeAlertJobId(orgId, generation),
      });
    },
  };
}
