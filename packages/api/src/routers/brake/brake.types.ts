import { BrakeSettingsSchema, BrakeStateSchema, HeldRequestSchema } from '@provisio/core/brake';
import { z } from 'zod';

export const ZBrakeStatusResponseSchema = z.object({ state: BrakeStateSchema, settings: BrakeSettingsSchema });
export const ZBrakeHeldResponseSchema = z.object({
  /** True while these are held; false when they are the users the last release let through. */
  braked: z.boolean(),
  items: z.array(HeldRequestSchema),
});
export const ZBrakeReleaseResponseSchema = z.object({
  state: BrakeStateSchema,
  released: z.array(HeldRequestSchema),
});
export const ZBrakeConfigureRequestSchema = BrakeSettingsSchema;
export const ZBrakeConfigureResponseSchema = BrakeSettingsSchema;
