import { sweepAuditEvents } from '@provisio/core/audit';
import type { AuditRepository } from '@provisio/core/audit';
import type { Clock } from '@provisio/core';
import type { Logger } from '@provisio/logger';

/** Runs the 90-day audit retention sweep every `intervalMs` (FerretDB has no TTL index); one at a time. */
export function startAuditSweeper(deps: { audit: AuditRepository; clock: Clock; logger: Logger; intervalMs: number }) {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = sweepAuditEvents(deps)
      .then((deleted) => deleted && deps.logger.info({ deleted }, 'swept expired audit events'))
      .catch((err: unknown) => deps.logger.error({ err }, 'audit sweep failed'))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, deps.intervalMs);
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
