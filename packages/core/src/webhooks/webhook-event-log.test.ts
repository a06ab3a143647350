import { expect, it } from 'vitest';
import { uuidV7 } from '../ids/uuid-v7.ts';
import type { GroupEvent } from '../events/group-event.ts';
import type { UserEvent } from '../events/user-event.ts';
import { webhookEventLog } from './webhook-event-log.ts';
import { subscribesTo } from './webhook-events.ts';

const ORG = 'org-1';
const ids = Array.from({ length: 8 }, (_, i) => uuidV7(1_700_000_000_000 + i));
const at = new Date(1_700_000_000_000).toISOString();
const userEvent = (id: string): UserEvent => ({
  id,
  orgId: ORG,
  type: 'created',
  userId: 'u',
  version: 1,
  at,
  user: null,
});
const groupEvent = (id: string): GroupEvent => ({
  id,
  orgId: ORG,
  type: 'membership.added',
  groupId: 'g',
  userId: 'u',
  version: null,
  at,
  group: null,
});
/** A log holding `events`, answering as a store does: after < id < before, oldest first, at most limit. */
const store = <E extends { id: string }>(events: E[]) => ({
  listBetween: (_org: string, range: { after: string; before: string; limit: number }) =>
    Promise.resolve(events.filter((e) => e.id > range.after && e.id < range.before).slice(0, range.limit)),
});

it('merges both logs by id, page after page, skipping nothing of either', async () => {
  const [u0, g1, u2, u3, g4, u5, g6, g7] = ids as [string, string, string, string, string, string, string, string];
  const log = webhookEventLog(store([u0, u2, u3, u5].map(userEvent)), store([g1, g4, g6, g7].map(groupEvent)));
  const all = { after: '', before: '~' };
  expect((await log.listBetween(ORG, { ...all, limit: 100 })).map((e) => e.id)).toEqual(ids);
  // The user read is full at u3: the group events after it (g4…) wait for the next page.
  const page = await log.listBetween(ORG, { ...all, limit: 3 });
  expect(page.map((e) => e.id)).toEqual([u0, g1, u2]);
  const next = await log.listBetween(ORG, { after: u2, before: '~', limit: 3 });
  expect(next.map((e) => e.id)).toEqual([u3, g4, u5]);
  expect(next.map((e) => e.type)).toEqual(['user.created', 'membership.added', 'user.created']);
  expect(next[1]?.data).toEqual({ groupId: 'g', userId: 'u' });
});

it.each([
  [['group.*'], 'group.deleted', true],
  [['group.*'], 'membership.added', false],
  [['membership.*'], 'membership.removed', true],
  [['user.*'], 'group.created', false],
  [['user.created'], 'user.created', true],
  [['user.created'], 'user.updated', false],
] as const)('%j subscribes to %s: %s', (filters, type, expected) => {
  expect(subscribesTo(filters, type)).toBe(expected);
});
