import * as z from 'zod/mini';

/**
 * The contract of `/auth`, the admin web app's session endpoints (JSON over plain HTTP,
 * because they set and clear the session cookie). The server validates what it reads and
 * types what it writes with these; the web app parses every answer with them. zod/mini
 * keeps the browser bundle small. Import from `@provisio/api/web-auth` (nothing of the
 * server comes along).
 */

/** `POST /auth/sign-in`: an org admin's email and password (and org, when they admin several), or the platform admin token. */
export const SignInInput = z.union([
  z.object({
    email: z.string().check(z.trim(), z.minLength(1), z.maxLength(320)),
    password: z.string().check(z.minLength(1), z.maxLength(1024)),
    orgId: z.optional(z.string().check(z.maxLength(256))),
  }),
  z.object({ adminToken: z.string().check(z.minLength(1), z.maxLength(1024)) }),
]);
export type SignInInput = z.infer<typeof SignInInput>;

/** `POST /auth/org`: the org the platform admin acts in. */
export const PickOrgInput = z.object({ orgId: z.string().check(z.minLength(1), z.maxLength(256)) });
export type PickOrgInput = z.infer<typeof PickOrgInput>;

const OrgSummary = z.object({ id: z.string(), name: z.string(), plan: z.string() });

/** `GET /auth/session`, and the answer of sign-in and of picking an org: who, where, until when, and the CSRF token. */
export const AuthSession = z.object({
  kind: z.enum(['user', 'platform']),
  csrfToken: z.string(),
  endsAt: z.string(),
  org: z.nullable(OrgSummary),
  user: z.nullable(z.object({ id: z.string(), userName: z.string(), displayName: z.string(), email: z.string() })),
});
export type AuthSession = z.infer<typeof AuthSession>;

/** `GET /auth/orgs`: the orgs the platform admin may pick. */
export const AuthOrgs = z.object({ items: z.array(OrgSummary) });
export type AuthOrgs = z.infer<typeof AuthOrgs>;

/** `POST /auth/sso`: a work email; the answer is where its org's SSO sign-in starts (a same-site path). */
export const SsoStartInput = z.object({ email: z.string().check(z.trim(), z.minLength(3), z.maxLength(320)) });
export type SsoStartInput = z.infer<typeof SsoStartInput>;
export const SsoStart = z.object({ redirect: z.string() });
export type SsoStart = z.infer<typeof SsoStart>;

/** `POST /auth/sign-out`. */
export const SignedOut = z.object({ ok: z.literal(true) });
export type SignedOut = z.infer<typeof SignedOut>;

/** Every refusal (4xx): a message for people; `orgs` when an admin of several orgs must pick one (409). */
export const AuthRefusal = z.object({
  error: z.string(),
  orgs: z.optional(z.array(z.object({ id: z.string(), name: z.string() }))),
});
export type AuthRefusal = z.infer<typeof AuthRefusal>;
