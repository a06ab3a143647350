import type { AuditCollector } from '../audit/audit-collector.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import { BRAKE_RETRY_AFTER_S, BRAKE_WINDOW_MS } from './brake-record.ts';
import type { BrakeState, DeprovisionAction } from './brake-record.ts';
import type { BrakeRepository } from './brake-repository.ts';
import { activeUsersNeeded, brakeEnabled, pastThreshold } from './brake-rule.ts';

export type BrakeAlerts = {
  /** Mails every org admin, once per braking (the job id is the org and generation). */
  braked(input: { orgId: string; generation: number }): Promise<void>;
};

export type AdmitDeprovisionDeps = {
  brakes: BrakeRepository;
  clock: Clock;
  alerts: BrakeAlerts;
  /** A failed alert must not undo the brake: the banner still shows it. */
  onAlertError: (err: unknown) => void;
  audit: AuditCollector | undefined;
};

export type Deprovision = { orgId: string; userId: string; userName: string; action: DeprovisionAction };

const heldError = (state: BrakeState) =>
  new AppError('RATE_LIMITED', {
    message:
      `Deprovisioning is paused for this org: too many users were deactivated or deleted within ` +
      `${BRAKE_WINDOW_MS / 60_000} minutes (the mass-deprovision brake, on since ${state.brakedAt ?? 'now'}). ` +
      `An org admin must confirm: review the held users and release the brake in Provisio, then this request will succeed on retry.`,
    retryAfter: BRAKE_RETRY_AFTER_S,
  });

/**
 * Lets one IdP deprovision through, or holds it: throws RATE_LIMITED (429, `Retry-After`)
 * while the org is braked, and brakes the org when this deprovision is past the threshold.
 *
 * Exact across replicas without a lock: each deprovision is counted (inserted) before the
 * count is read, so of any set that got through, the last to read saw them all, and would
 * have been held had they been past the threshold. Racing requests at the edge may all be
 * held (the safe side).
 */
export async function admitDeprovision(deps: AdmitDeprovisionDeps, request: Deprovision): Promise<void> {
  const { orgId, userId } = request;
  const settings = await deps.brakes.settings(orgId);
  if (!brakeEnabled(settings)) return;
  const state = await deps.brakes.state(orgId);
  const now = deps.clock.now();
  if (state.braked) return hold(deps, state, request, now);
  // An admin released these users: the IdP's retries pass, and count no more.
  if (state.generation > 0 && (await deps.brakes.isHeld(orgId, state.generation - 1, userId))) return;

  await deps.brakes.mark(orgId, state.generation, userId, now);
  const since = new Date(Math.max(now.getTime() - BRAKE_WINDOW_MS, Date.parse(state.releasedAt ?? '1970-01-01')));
  const deprovisioned = await deps.brakes.countMarks(orgId, state.generation, since);
  const needed = activeUsersNeeded(settings, deprovisioned);
  // Those deprovisioned in the window were active when it began.
  const activeBefore = needed === null ? 0 : (await deps.brakes.countActiveUsers(orgId, needed)) + deprovisioned;
  if (!pastThreshold(settings, deprovisioned, needed === null ? Number.POSITIVE_INFINITY : activeBefore)) return;

  const braked: BrakeState = { ...state, braked: true, brakedAt: now.toISOString() };
  if (await deps.brakes.claimTransition(orgId, `brake:${state.generation}`, now)) {
    await deps.brakes.saveState(braked);
    deps.audit?.note(
      `mass-deprovision brake engaged: ${deprovisioned} users deprovisioned within ${BRAKE_WINDOW_MS / 60_000} minutes ` +
        `(threshold: more than ${settings.count || '∞'} users or ${settings.percent || '∞'} % of active users)`,
    );
    await deps.alerts.braked({ orgId, generation: state.generation }).catch(deps.onAlertError);
  }
  return hold(deps, braked, request, now);
}

async function hold(deps: AdmitDeprovisionDeps, state: BrakeState, request: Deprovision, now: Date): Promise<never> {
  const { orgId, userId, userName, action } = request;
  await deps.brakes.hold(orgId, state.generation, { userId, userName, action }, now);
  deps.audit?.note(`held by the mass-deprovision brake (${action} of ${userName}); an org admin must release it`);
  throw heldError(state);
}
