import type { Clock } from '@provisio/core';
import { sweepEndpoints } from '@provisio/core/webhooks';
import type { DeliverRunResult, WebhookRunQueue } from '@provisio/core/webhooks';
import type { Db } from '@provisio/db';
import { webhookWakeJob } from '@provisio/jobs';
import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { Processor } from '../create-worker.ts';
import type { PeriodicTask } from '../periodic.ts';

type Deps = { db: Db; clock: Clock; queueRun: WebhookRunQueue };

/**
 * A wake (the org stored events): a run for each of the org's enabled endpoints past its backoff.
 * One read by org; an org without endpoints costs that read and nothing else.
 */
export const createWakeProcessor =
  ({ db, clock, queueRun }: Deps): Processor =>
  async (job: Job) => {
    const parsed = webhookWakeJob.schema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid webhook.wake payload');
    const now = clock.now();
    const due = (await db.webhooks.list(parsed.data.orgId)).filter(
      (e) => e.enabled && (e.retryAt === null || new Date(e.retryAt) <= now),
    );
    for (const endpoint of due) await queueRun(endpoint, `wake-${parsed.data.second}`);
    return { queued: due.length };
  };

/** What a run leaves to do: the next run now (more events), after a second (another run held it), or at its backoff. */
export async function followUp(
  { clock, queueRun }: Pick<Deps, 'clock' | 'queueRun'>,
  ref: { orgId: string; id: string },
  result: DeliverRunResult,
): Promise<void> {
  const now = clock.now().getTime();
  // The holder may have finished reading before the events this run was queued for settled.
  if (result.outcome === 'leased-elsewhere') return queueRun(ref, `held-${Math.floor(now / 1_000)}`, 1_000);
  if (result.more) return queueRun(ref, `more-${now}`);
  if (result.outcome === 'failing' && result.retryAt) {
    const at = Date.parse(result.retryAt);
    return queueRun(ref, `retry-${at}`, at - now);
  }
}

/** The slow sweep (see `sweepEndpoints`): one page per interval, walking all endpoints by id. */
export function sweepTask(deps: Deps, options: { intervalMs: number; pageSize: number }): PeriodicTask {
  let after = '';
  return {
    name: 'webhook sweep',
    intervalMs: options.intervalMs,
    run: async () => {
      const { next, checked, queued } = await sweepEndpoints(
        { webhooks: deps.db.webhooks, events: deps.db.webhookEvents, clock: deps.clock, queueRun: deps.queueRun },
        { after, pageSize: options.pageSize },
      );
      after = next;
      return queued > 0 ? { checked, queued } : undefined;
    },
  };
}
