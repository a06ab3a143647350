import type { UserStatus } from '../users/user-enums.ts';
import type { UserEventType } from './user-event.ts';

/** The event a write makes, from the status before (null: created) and after (null: deleted). */
export function lifecycleType(before: UserStatus | null, after: UserStatus | null): UserEventType {
  if (before === null) return 'created';
  if (after === null) return 'deleted';
  if (after === 'deactivated' && before !== 'deactivated') return 'deactivated';
  if (before === 'deactivated' && after !== 'deactivated') return 'reactivated';
  return 'updated';
}
