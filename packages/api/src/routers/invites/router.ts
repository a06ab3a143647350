import { router } from '../../trpc.ts';
import { inviteStatusProcedure } from './invite-status.ts';
import { resendInviteProcedure } from './resend-invite.ts';

export const invitesRouter = router({ status: inviteStatusProcedure, resend: resendInviteProcedure });
