import { router } from '../../trpc.ts';
import { brakeHeld } from './brake-held.ts';
import { brakeStatus } from './brake-status.ts';
import { configureBrake } from './configure-brake.ts';
import { releaseBrake } from './release-brake.ts';

/** The mass-deprovision brake (issue 17): status, the held users, release, thresholds. */
export const brakeRouter = router({
  status: brakeStatus,
  held: brakeHeld,
  release: releaseBrake,
  configure: configureBrake,
});
