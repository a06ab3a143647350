import { hintsFor, idpOf, operationOf, shapesOf } from '@provisio/core/scim-doctor';
import type { HintInput, Idp, RequestShape } from '@provisio/core/scim-doctor';
import type { FixtureStep } from '../testing/replay-fixture.ts';

/**
 * The doctor's signals for recorded fixture steps, as the recorder would see them (the
 * expected status as the answer): what the unit test of recognition and hints feeds on.
 */
export function signalsOfSteps(steps: readonly FixtureStep[], userAgent: string | null = null) {
  const shapes: Partial<Record<RequestShape, number>> = {};
  const idps: Partial<Record<Idp, number>> = {};
  let userRequests = 0;
  let groupRequests = 0;
  for (const step of steps) {
    const path = step.request.path.split('?')[0] ?? '';
    const agent = step.request.headers?.['User-Agent'] ?? userAgent;
    const found = shapesOf({
      method: step.request.method,
      path,
      userAgent: agent,
      body: step.request.body,
      status: step.expect.status,
      rateLimited: false,
    });
    for (const shape of found) shapes[shape] = (shapes[shape] ?? 0) + 1;
    const idp = idpOf(agent, found);
    idps[idp] = (idps[idp] ?? 0) + 1;
    const operation = operationOf(step.request.method, path);
    if (operation.startsWith('users-')) userRequests++;
    if (operation.startsWith('groups-')) groupRequests++;
  }
  return { shapes, idps, userRequests, groupRequests };
}

/** Hints for fixture steps as one key's day of traffic. */
export function hintsOfSteps(
  steps: readonly FixtureStep[],
  options: { idp: Idp; orgUsesGroups?: boolean; userAgent?: string | null },
): ReturnType<typeof hintsFor> {
  const signals = signalsOfSteps(steps, options.userAgent ?? null);
  const input: HintInput = {
    idp: options.idp,
    shapes: signals.shapes,
    userRequests: signals.userRequests,
    groupRequests: signals.groupRequests,
    orgUsesGroups: options.orgUsesGroups ?? false,
    keyRateLimit: 50,
  };
  return hintsFor(input);
}
