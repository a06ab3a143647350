import type { Logger } from '@provisio/logger';

export type PeriodicTask = {
  /** For logs. */
  name: string;
  intervalMs: number;
  /** One run; returns what is worth logging, or nothing when there was nothing to do. */
  run: () => Promise<Record<string, unknown> | undefined>;
};

/**
 * Runs each task now and then every `intervalMs`, never two runs of one task at once.
 * Failures are logged and the next tick tries again. `stop` waits for runs in progress.
 */
export function startPeriodic(tasks: PeriodicTask[], logger: Logger) {
  const runs = tasks.map((task) => {
    let running: Promise<void> | null = null;
    const tick = () => {
      if (running) return;
      running = task
        .run()
        .then((result) => {
          if (result) logger.info({ task: task.name, ...result }, `${task.name} done`);
        })
        .catch((err: unknown) => logger.error({ err, task: task.name }, `${task.name} failed`))
        .finally(() => (running = null));
    };
    const timer = setInterval(tick, task.intervalMs);
    tick();
    return { timer, current: (): Promise<void> | null => running };
  });
  return {
    async stop() {
      for (const r of runs) clearInterval(r.timer);
      await Promise.all(runs.flatMap((r) => r.current() ?? []));
    },
  };
}
