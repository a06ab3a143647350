import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import type { BrakeState, HeldRequest } from './brake-record.ts';
import type { BrakeRepository } from './brake-repository.ts';

export type ReleaseBrakeDeps = { brakes: BrakeRepository; clock: Clock };

/**
 * An admin confirms: the users held so far may be deprovisioned (the IdP's retries then
 * succeed) and the count starts over. Only one release per braking: a second one (another
 * replica, a double click) is CONFLICT.
 */
export async function releaseBrake(
  deps: ReleaseBrakeDeps,
  orgId: string,
): Promise<{ state: BrakeState; released: HeldRequest[] }> {
  const state = await deps.brakes.state(orgId);
  if (!state.braked) throw new AppError('CONFLICT', { message: 'the deprovision brake is not engaged in this org' });
  const now = deps.clock.now();
  if (!(await deps.brakes.claimTransition(orgId, `release:${state.generation}`, now)))
    throw new AppError('CONFLICT', { message: 'this braking was already released' });
  const released = await deps.brakes.held(orgId, state.generation);
  const next: BrakeState = {
    orgId,
    generation: state.generation + 1,
    braked: false,
    brakedAt: null,
    releasedAt: now.toISOString(),
  };
  await deps.brakes.saveState(next);
  return { state: next, released };
}

/** The brake as the admin sees it: its state, settings and the users it holds (or released last). */
export async function brakeStatus(deps: { brakes: BrakeRepository }, orgId: string) {
  const [state, settings] = await Promise.all([deps.brakes.state(orgId), deps.brakes.settings(orgId)]);
  return { state, settings };
}

/** While braked: the held requests; otherwise those released last (the IdP's retries pass). */
export async function heldRequests(deps: { brakes: BrakeRepository }, orgId: string): Promise<HeldRequest[]> {
  const state = await deps.brakes.state(orgId);
  if (state.braked) return deps.brakes.held(orgId, state.generation);
  return state.generation > 0 ? deps.brakes.held(orgId, state.generation - 1) : [];
}
