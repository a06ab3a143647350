import { AppError } from '../errors/app-error.ts';

/** Where a log's intents live (UserEventIntentStore, GroupEventIntentStore). */
export type IntentPort<I> = {
  open(intent: I): Promise<void>;
  close(orgId: string, id: string): Promise<void>;
  closeSoon(orgId: string, id: string): void;
};

/**
 * Runs `write` bracketed by `intent` (opened before, closed once its events are stored, in a
 * batch with other writes' closes: the request does not wait for it), so a crash or a
 * database failure between the write and its events delays them instead of losing them:
 * the log's open-intent sweep settles what is left open. A write that yields no events
 * closes its intent at once; one whose events cannot be stored now returns its result and
 * tells `onDeferred` (the open intent lets the sweep record them).
 */
export async function bracketed<I extends { id: string; orgId: string }, T, E>(
  intents: IntentPort<I>,
  intent: I,
  steps: {
    write: () => Promise<T>;
    eventsOf: (result: T) => E[];
    record: (events: E[]) => Promise<void>;
    onDeferred: (error: unknown, events: E[]) => void;
  },
): Promise<T> {
  const { orgId, id } = intent;
  await intents.open(intent);
  let result: T;
  try {
    result = await steps.write();
  } catch (error) {
    // A refusal (e.g. a name taken) certainly wrote nothing; anything else may have, so the sweep decides.
    if (error instanceof AppError) await intents.close(orgId, id).catch(() => undefined);
    throw error;
  }
  const events = steps.eventsOf(result);
  if (events.length === 0) {
    await intents.close(orgId, id).catch(() => undefined);
    return result;
  }
  try {
    await steps.record(events);
  } catch (error) {
    steps.onDeferred(error, events);
    return result;
  }
  intents.closeSoon(orgId, id);
  return result;
}
