import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { afterAll, expect, it } from 'vitest';
import { z } from 'zod';
import { createProducerConnection, createWorkerConnection } from './connections.ts';
import { enqueue } from './enqueue.ts';

const url = process.env['REDIS_URL'] ?? '';
const queueName = `test-${randomUUID()}`;
const producer = createProducerConnection(url);
const workerConnection = createWorkerConnection(url);
const queue = new Queue(queueName, { connection: producer });
const definition = { name: 'test.echo', schema: z.object({ n: z.number() }), opts: { attempts: 1 } };

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  producer.disconnect();
  workerConnection.disconnect();
});

it('adds a job to the real Redis and a worker processes it', async () => {
  const seen: number[] = [];
  const worker = new Worker(
    queueName,
    (job) => {
      seen.push(job.data.n);
      return Promise.resolve(job.data.n * 2);
    },
    { connection: workerConnection },
  );
  const events = new QueueEvents(queueName, { connection: { url } });
  await events.waitUntilReady();
  const job = await enqueue({ queue, definition, payload: { n: 21 }, jobId: 'echo-1' });
  expect(await job.waitUntilFinished(events, 10_000)).toBe(42);
  expect(seen).toEqual([21]);
  await events.close();
  await worker.close();
});

it('deduplicates by job id', async () => {
  await enqueue({ queue, definition, payload: { n: 1 }, jobId: 'same-id' });
  await enqueue({ queue, definition, payload: { n: 2 }, jobId: 'same-id' });
  const job = await queue.getJob('same-id');
  expect(job?.data).toEqual({ n: 1 });
});

it('rejects a payload that does not match its schema', async () => {
  await expect(enqueue({ queue, definition, payload: { n: 'x' } as never, jobId: 'bad' })).rejects.toThrow();
});
