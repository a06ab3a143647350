import type { RouterInputs } from '@provisio/client';
import { expectTypeOf, it } from 'vitest';
import type { EVENT_TYPES, EVENT_WILDCARDS } from './webhook-event-types.ts';

it('offers exactly the event types and wildcards that webhooks.create accepts', () => {
  type Offered = (typeof EVENT_TYPES)[number] | (typeof EVENT_WILDCARDS)[number];
  expectTypeOf<Offered>().toEqualTypeOf<NonNullable<RouterInputs['webhooks']['create']['events']>[number]>();
});
