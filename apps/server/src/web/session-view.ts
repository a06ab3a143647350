import type { AuthSession } from '@provisio/api/web-auth';
import type { Db } from '@provisio/db';
import { recipientOf } from '@provisio/core/invites';
import { csrfTokenOf, sessionEndsAt } from '@provisio/core/sessions';
import type { AdminSessionRecord } from '@provisio/core/sessions';

/** What the web app learns about its session (the `/auth` contract): who, where, until when, and the CSRF token. */
export async function sessionView(db: Db, token: string, session: AdminSessionRecord): Promise<AuthSession> {
  const org = session.orgId ? await db.orgs.findById(session.orgId) : null;
  const user = session.orgId && session.userId ? await db.users.findById(session.orgId, session.userId) : null;
  // The name and address the invite mail uses, so the top bar and the mail agree.
  const contact = user ? recipientOf(user) : null;
  return {
    kind: session.kind,
    csrfToken: csrfTokenOf(token),
    endsAt: sessionEndsAt(session).toISOString(),
    org: org ? { id: org.id, name: org.name, plan: org.plan } : null,
    user: user
      ? {
          id: user.id,
          userName: user.userName,
          displayName: contact?.name ?? user.userName,
          email: contact?.to ?? user.userName,
        }
      : null,
  };
}
