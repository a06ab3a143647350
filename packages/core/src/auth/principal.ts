/** What a credential may do. `admin` implies every other scope of its org. */
export const SCOPES = ['scim', 'users:read', 'users:write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Who is calling. The platform admin (the `PROVISIO_ADMIN_TOKEN`) may only run platform
 * operations; everything else acts inside exactly one org.
 */
export type Principal =
  | { kind: 'platform' }
  | {
      kind: 'org';
      orgId: string;
      scopes: readonly Scope[];
      /** The application key used, when there is one (tests and internal callers may have none). */
      keyId?: string;
      /** The user or service account that owns the key. */
      ownerId?: string;
      /**
       * The web session the request came with instead of a key: an org admin's, or the
       * platform admin's acting in the org it picked.
       */
      session?: { kind: 'user'; userId: string } | { kind: 'platform' };
      /** The web session used (sha256 of its id, as stored), when there is one. */
      sessionIdHash?: string;
    };

/** `scim` keys drive users and groups through the SCIM adapter, so they imply read and write. */
const IMPLIED: Record<Scope, readonly Scope[]> = {
  admin: SCOPES,
  scim: ['scim', 'users:read', 'users:write'],
  'users:write': ['users:write', 'users:read'],
  'users:read': ['users:read'],
};

export function hasScope(granted: readonly Scope[], required: Scope): boolean {
  return granted.some((scope) => IMPLIED[scope].includes(required));
}
