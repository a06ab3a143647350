import { z } from 'zod';

/** The window deprovisions are counted in. */
export const BRAKE_WINDOW_MS = 10 * 60_000;

/** What a held IdP is told to wait before retrying (IdPs retry a 429 after `Retry-After`). */
export const BRAKE_RETRY_AFTER_S = 300;

/**
 * The percent rule needs more than this many deprovisions in the window: without a floor an
 * org of five people would brake on its first deactivation (20 %).
 */
export const BRAKE_PERCENT_FLOOR = 5;

/** Per org, set by an org admin. 0 turns a rule off; both 0 turns the brake off. */
export const BrakeSettingsSchema = z.object({
  /** Brake past this share of the active users deprovisioned within the window. */
  percent: z
    .number({ error: 'percent must be a number' })
    .int({ error: 'percent must be a whole number' })
    .min(0, { error: 'percent must be between 0 (off) and 100' })
    .max(100, { error: 'percent must be between 0 (off) and 100' }),
  /** Brake past this many users deprovisioned within the window. */
  count: z
    .number({ error: 'count must be a number' })
    .int({ error: 'count must be a whole number' })
    .min(0, { error: 'count must be between 0 (off) and 100000' })
    .max(100_000, { error: 'count must be between 0 (off) and 100000' }),
});
export type BrakeSettings = z.infer<typeof BrakeSettingsSchema>;

export const DEFAULT_BRAKE_SETTINGS: BrakeSettings = { percent: 10, count: 50 };

/**
 * An org's brake. `generation` counts brakings released: deprovisions are counted per
 * generation, so a release starts the count over; the users held in the generation just
 * released (`generation - 1`) pass afterwards without counting.
 */
export const BrakeStateSchema = z.object({
  orgId: z.string(),
  generation: z.number().int().min(0),
  braked: z.boolean(),
  brakedAt: z.iso.datetime().nullable(),
  releasedAt: z.iso.datetime().nullable(),
});
export type BrakeState = z.infer<typeof BrakeStateSchema>;

export const unbrakedState = (orgId: string): BrakeState => ({
  orgId,
  generation: 0,
  braked: false,
  brakedAt: null,
  releasedAt: null,
});

export const DEPROVISION_ACTIONS = ['deactivate', 'delete'] as const;
export type DeprovisionAction = (typeof DEPROVISION_ACTIONS)[number];

/** A deprovision the brake refused: what the admin reviews. */
export const HeldRequestSchema = z.object({
  userId: z.string(),
  userName: z.string(),
  action: z.enum(DEPROVISION_ACTIONS),
  firstAt: z.iso.datetime(),
  lastAt: z.iso.datetime(),
  attempts: z.number().int().min(1),
});
export type HeldRequest = z.infer<typeof HeldRequestSchema>;
