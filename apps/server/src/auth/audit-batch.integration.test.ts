import { randomUUID } from 'node:crypto';
import { newAuditEvent } from '@provisio/core/audit';
import type { AuditEvent, AuditRepository } from '@provisio/core/audit';
import { createTestDb } from '@provisio/db/testing';
import { createLogger } from '@provisio/logger';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createAuditBatch } from './audit-batch.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.drop());

const logger = createLogger({ name: 'test', level: 'silent' });
const eventOf = (orgId: string, i: number) =>
  newAuditEvent(new Date(), {
    orgId,
    surface: 'scim',
    actor: { type: 'system' },
    action: `scim GET /Users ${i}`,
    outcome: 'success',
  });

/** The real repository, counting its writes. */
function counted(): { audit: AuditRepository; writes: number[] } {
  const writes: number[] = [];
  const audit = {
    ...db.audit,
    insertMany: (events: readonly AuditEvent[]) => (writes.push(events.length), db.audit.insertMany(events)),
  };
  return { audit, writes };
}

it('writes the events of many requests in a few batched writes, each event once', async () => {
  const orgId = randomUUID();
  const { audit, writes } = counted();
  const ledger = createAuditBatch({ audit, logger, maxEvents: 100 });
  for (let i = 0; i < 250; i++) ledger.add(eventOf(orgId, i));
  await vi.waitFor(async () => expect(await db.audit.list(orgId, { limit: 500 })).toHaveLength(250));
  expect(writes).toEqual([100, 100, 50]);
});

it('flush writes what is waiting at once (the server stopping), and a failed write is logged, not thrown', async () => {
  const orgId = randomUUID();
  const ledger = createAuditBatch({ audit: db.audit, logger, maxDelayMs: 60_000 });
  ledger.add(eventOf(orgId, 1));
  ledger.add(eventOf(orgId, 2));
  await ledger.flush();
  expect(await db.audit.list(orgId, { limit: 10 })).toHaveLength(2);
  const failing = createAuditBatch({
    audit: { ...db.audit, insertMany: () => Promise.reject(new Error('database down')) },
    logger,
  });
  failing.add(eventOf(orgId, 3));
  await expect(failing.flush()).resolves.toBeUndefined();
});
