import type { Db } from '@provisio/db';
import { csrfTokenOf, sessionEndsAt } from '@provisio/core/sessions';
import type { ResolvedSession } from '@provisio/core/sessions';

/** What the web app learns about its session: who, where, until when, and the CSRF token. */
export async function sessionView(db: Db, token: string, { session }: ResolvedSession) {
  const org = session.orgId ? await db.orgs.findById(session.orgId) : null;
  const user = session.orgId && session.userId ? await db.users.findById(session.orgId, session.userId) : null;
  return {
    kind: session.kind,
    csrfToken: csrfTokenOf(token),
    endsAt: sessionEndsAt(session).toISOString(),
    org: org ? { id: org.id, name: org.name, plan: org.plan } : null,
    user: user
      ? {
          id: user.id,
          userName: user.userName,
          displayName: user.attributes.displayName ?? user.attributes.name?.formatted ?? user.userName,
          email: user.attributes.emails?.find((e) => e.primary)?.value ?? user.attributes.emails?.[0]?.value ?? user.userName,
        }
      : null,
  };
}

export type SessionView = Awaited<ReturnType<typeof sessionView>>;
