import { randomUUID } from 'node:crypto';
import { createProducerConnection, createWorkerConnection } from '@provisio/jobs';
import { createLogger } from '@provisio/logger';
import { Queue } from 'bullmq';
import { afterAll, expect, it, vi } from 'vitest';
import { createWorker } from './create-worker.ts';
import { createJobMetrics } from './job-metrics.ts';

const url = process.env['REDIS_URL'] ?? '';
const queueName = `test-${randomUUID()}`;
const producer = createProducerConnection(url);
const queue = new Queue(queueName, { connection: producer });
const logger = createLogger({ name: 'test', level: 'silent' });

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  producer.disconnect();
});

it('finishes the job it is running when closed, and reports jobs in /metrics', async () => {
  const metrics = createJobMetrics(queue);
  const connection = createWorkerConnection(url);
  let finished = false;
  let started: () => void = () => undefined;
  const running = new Promise<void>((resolve) => (started = resolve));
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const worker = createWorker({
    queueName,
    connection,
    logger,
    metrics,
    processors: {
      'test.slow': async () => {
        started();
        await released;
        finished = true;
        return 'ok';
      },
    },
  });
  void worker.run();
  const job = await queue.add('test.slow', {}, { jobId: 'slow-1' });
  await queue.add('test.unknown', {}, { jobId: 'unknown-1', attempts: 3 });
  await running;
  expect(await job.getState()).toBe('active');
  // A job with no processor fails once, without retries.
  await vi.waitFor(async () => expect(await queue.getJobState('unknown-1')).toBe('failed'));

  let closed = false;
  const closing = worker.close().then(() => (closed = true));
  // close() is waiting for the running job: it has not returned, and the job has not been cut short.
  expect([closed, await job.getState()]).toEqual([false, 'active']);
  release();
  await closing;
  expect(finished).toBe(true);
  expect(await queue.getJobState('slow-1')).toBe('completed');
  const unknown = await queue.getJob('unknown-1');
  expect(unknown?.attemptsMade).toBe(1);

  await queue.add('test.slow', {}, { jobId: 'waiting-1' });
  const port = await metrics.listen(0);
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  expect(text).toMatch(/jobs_processed_total\{name="test.slow"\} 1/);
  expect(text).toMatch(/jobs_failed_total\{name="test.unknown"\} 1/);
  expect(text).toMatch(/jobs_waiting 1/);
  await metrics.close();
  connection.disconnect();
});
