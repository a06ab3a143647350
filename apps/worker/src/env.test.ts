import { describe, expect, it } from 'vitest';
import { loadWorkerEnv } from './env.ts';

const base = {
  MONGODB_URI: 'mongodb://127.0.0.1:27017/p',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtp://127.0.0.1:1025',
};

describe('loadWorkerEnv', () => {
  it('serves /metrics on loopback unless told otherwise (a pod sets 0.0.0.0 for its scraper and probes)', () => {
    expect(loadWorkerEnv(base)).toMatchObject({ WORKER_METRICS_HOST: '127.0.0.1', WORKER_METRICS_PORT: 9464 });
    expect(loadWorkerEnv({ ...base, WORKER_METRICS_HOST: '0.0.0.0' }).WORKER_METRICS_HOST).toBe('0.0.0.0');
  });
});
