import { expect, it } from 'vitest';
import { toInviteStatus } from './invite-record.ts';
import type { InviteRecord } from './invite-record.ts';

const base: InviteRecord = {
  id: 'i1',
  orgId: 'o1',
  userId: 'u1',
  version: 1,
  state: 'sent',
  tokenHash: 'h',
  expiresAt: new Date('2026-01-03T00:00:00Z'),
  dispatch: 0,
  claims: 0,
  dispatchedAt: null,
  claimedAt: null,
  sentAt: new Date('2026-01-01T00:00:00Z'),
  acceptedAt: null,
  failedReason: null,
  lastError: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
};

it.each([
  [{}, '2026-01-02T00:00:00Z', 'sent'],
  [{}, '2026-01-03T00:00:00Z', 'expired'],
  [{ state: 'sending' }, '2026-01-02T00:00:00Z', 'pending'],
  [{ state: 'accepted' }, '2026-02-01T00:00:00Z', 'accepted'],
  [{ state: 'failed', failedReason: 'bounced' }, '2026-01-02T00:00:00Z', 'failed'],
] as const)('%j at %s reads %s', (patch, now, state) => {
  expect(toInviteStatus({ ...base, ...patch }, new Date(now)).state).toBe(state);
});
