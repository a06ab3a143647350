import type { Outputs } from '../api/trpc.ts';

export type UserRecord = Outputs['users']['get'];

export const displayNameOf = (u: UserRecord): string =>
  u.attributes.displayName ??
  u.attributes.name?.formatted ??
  ([u.attributes.name?.givenName, u.attributes.name?.familyName].filter(Boolean).join(' ') || u.userName);

export const emailOf = (u: UserRecord): string =>
  u.attributes.emails?.find((e) => e.primary)?.value ?? u.attributes.emails?.[0]?.value ?? '—';

export const ROLE_LABELS: Record<UserRecord['role'], string> = {
  admin: 'Admin',
  standard: 'Standard',
  read_only: 'Read only',
};
export const SOURCE_LABELS: Record<UserRecord['source'], string> = { scim: 'SCIM', admin: 'Admin', jit: 'SAML JIT' };
