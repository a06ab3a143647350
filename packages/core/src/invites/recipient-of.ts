import type { UserRecord } from '../users/user-record.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The address an invite goes to: the primary email, else the first, else an email-shaped userName. */
export function recipientOf(user: UserRecord): { to: string; name: string } | null {
  const emails = user.attributes.emails ?? [];
  const chosen = emails.find((e) => e.primary) ?? emails[0];
  const to = chosen?.value ?? (EMAIL.test(user.userName) ? user.userName : undefined);
  if (!to || !EMAIL.test(to)) return null;
  const a = user.attributes;
  const name =
    a.displayName ??
    a.name?.formatted ??
    ([a.name?.givenName, a.name?.familyName].filter(Boolean).join(' ') || user.userName);
  return { to, name };
}
