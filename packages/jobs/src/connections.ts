import { Redis } from 'ioredis';

/**
 * Producers (HTTP handlers) must fail fast when Redis is down, so a request is answered
 * instead of hanging: no offline queue, one retry per command.
 */
export function createProducerConnection(url: string): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    lazyConnect: false,
  });
}

/** Workers block on Redis and must ride out restarts: BullMQ requires `maxRetriesPerRequest: null`. */
export function createWorkerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}
