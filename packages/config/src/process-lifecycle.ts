import { EnvError } from './parse-env.ts';

type InfoLogger = { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };

/**
 * Runs a process's `main`; a bad environment ends it with the one-line message, anything
 * else with the stack. Exit code 1 either way.
 */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const text = error instanceof EnvError ? error.message : error instanceof Error ? error.stack : String(error);
    process.stderr.write(`${name}: ${text}\n`);
    process.exit(1);
  });
}

/**
 * On the first SIGTERM or SIGINT: log, run `stop` (drain, close connections), exit 0.
 * A second signal while stopping is ignored; a failing stop exits 1.
 */
export function onShutdownSignals(
  logger: InfoLogger,
  { draining, stop }: { draining: string; stop: () => Promise<void> },
): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `shutting down: ${draining}`);
    stop().then(
      () => {
        logger.info({}, 'stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
