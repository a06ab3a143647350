import { BRAKE_PERCENT_FLOOR } from './brake-record.ts';
import type { BrakeSettings } from './brake-record.ts';

/** Whether the brake is on at all. */
export const brakeEnabled = (settings: BrakeSettings): boolean => settings.percent > 0 || settings.count > 0;

/**
 * How many active users the percent rule needs to know about: with fewer than this many,
 * `deprovisioned` is past the percentage. Null when the percent rule cannot trip.
 */
export function activeUsersNeeded(settings: BrakeSettings, deprovisioned: number): number | null {
  if (settings.percent === 0 || deprovisioned <= BRAKE_PERCENT_FLOOR) return null;
  // deprovisioned > percent% of active  ⇔  active < deprovisioned * 100 / percent
  return Math.ceil((deprovisioned * 100) / settings.percent);
}

/**
 * Past the threshold: more than `count` users, or more than `percent` % of the users who were
 * active when the window began (`activeBefore`), deprovisioned within the window.
 */
export function pastThreshold(settings: BrakeSettings, deprovisioned: number, activeBefore: number): boolean {
  if (settings.count > 0 && deprovisioned > settings.count) return true;
  if (settings.percent === 0 || deprovisioned <= BRAKE_PERCENT_FLOOR) return false;
  return deprovisioned * 100 > settings.percent * activeBefore;
}
