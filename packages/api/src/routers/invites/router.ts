import { router } from '../../trpc.ts';
import { inviteStatusProcedure } from './invite-status.ts';
import { inviteStatusesProcedure } from './invite-statuses.ts';
import { resendInviteProcedure } from './resend-invite.ts';

export const invitesRouter = router({
  status: inviteStatusProcedure,
  statusMany: inviteStatusesProcedure,
  resend: resendInviteProcedure,
});
