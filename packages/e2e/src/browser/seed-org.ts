import type { BrowserStack } from './browser-stack.ts';
import { PLATFORM_TOKEN } from './browser-stack.ts';

type Json = Record<string, unknown>;

/** Calls /trpc over HTTP with a bearer token, as the CLI would; throws on an error. */
export async function trpcCall<T = Json>(
  stack: BrowserStack,
  token: string,
  path: string,
  input?: unknown,
  type: 'query' | 'mutation' = 'mutation',
): Promise<T> {
  const url =
    type === 'query'
      ? `${stack.baseUrl}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`
      : `${stack.baseUrl}/trpc/${path}`;
  const res = await fetch(url, {
    method: type === 'query' ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(type === 'mutation' ? { body: JSON.stringify(input ?? {}) } : {}),
  });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/** A SCIM request with the org's key, as Okta sends it. */
export async function scimCall(
  stack: BrowserStack,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${stack.baseUrl}/scim/v2${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/scim+json',
      'user-agent': 'Okta SCIM Client 1.0.0',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: res.status === 204 ? {} : ((await res.json()) as Json) };
}

const PEOPLE: Array<[given: string, family: string, title: string, department: string]> = [
  ['Ada', 'Lovelace', 'Head of Engineering', 'Engineering'],
  ['Grace', 'Hopper', 'Staff Engineer', 'Engineering'],
  ['Alan', 'Turing', 'Research Scientist', 'Research'],
  ['Katherine', 'Johnson', 'Data Analyst', 'Finance'],
  ['Linus', 'Torvalds', 'Platform Engineer', 'Engineering'],
  ['Margaret', 'Hamilton', 'Engineering Manager', 'Engineering'],
  ['Barbara', 'Liskov', 'Architect', 'Engineering'],
  ['Tim', 'Berners-Lee', 'Product Manager', 'Product'],
  ['Radia', 'Perlman', 'Network Engineer', 'IT'],
  ['Donald', 'Knuth', 'Technical Writer', 'Support'],
];

export const ADMIN_EMAIL = 'frances.allen@acme.example';
export const ADMIN_PASSWORD = 'correct horse battery staple';

const scimUser = (given: string, family: string, title: string, department: string, extra: Json = {}) => {
  const email = `${given}.${family}`.toLowerCase().replace(/[^a-z.]/g, '') + '@acme.example';
  return {
    schemas: [
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ],
    userName: email,
    externalId: `00u${given.toLowerCase()}${family.length}`,
    name: { givenName: given, familyName: family },
    displayName: `${given} ${family}`,
    title,
    emails: [{ primary: true, value: email, type: 'work' }],
    active: true,
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department },
    ...extra,
  };
};

/**
 * Acme Corp as an Okta tenant would leave it: an enterprise org, ten people and three
 * groups pushed over SCIM, and one admin (Frances Allen) who accepted her invite.
 */
export async function seedOrg(stack: BrowserStack) {
  const created = await trpcCall<{
    org: { id: string };
    serviceAccount: { id: string };
    scim: { token: string; key: { id: string } };
  }>(stack, PLATFORM_TOKEN, 'platform.createOrg', { name: 'Acme Corp', plan: 'enterprise' });
  const scimToken = created.scim.token;
  // Acme lets Okta decide who is an admin: its `admin` role value maps to the admin role.
  const { token: adminKey } = await trpcCall<{ token: string }>(stack, PLATFORM_TOKEN, 'platform.createAdminKey', {
    orgId: created.org.id,
  });
  await trpcCall(stack, adminKey, 'org.updateSettings', { roleMapping: [{ value: 'admin', role: 'admin' }] });
  const admin = await scimCall(
    stack,
    scimToken,
    'POST',
    '/Users',
    scimUser('Frances', 'Allen', 'IT Director', 'IT', { roles: [{ value: 'admin', primary: true }] }),
  );
  const users: Record<string, string> = {};
  for (const [given, family, title, department] of PEOPLE) {
    const res = await scimCall(stack, scimToken, 'POST', '/Users', scimUser(given, family, title, department));
    users[`${given} ${family}`] = String(res.body['id']);
  }
  const members = (names: string[]) => names.map((n) => ({ value: users[n] }));
  await scimCall(stack, scimToken, 'POST', '/Groups', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: 'Engineering',
    members: members(['Ada Lovelace', 'Grace Hopper', 'Linus Torvalds', 'Margaret Hamilton', 'Barbara Liskov']),
  });
  await scimCall(stack, scimToken, 'POST', '/Groups', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: 'Product',
    members: members(['Tim Berners-Lee']),
  });
  await scimCall(stack, scimToken, 'POST', '/Groups', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: 'All staff',
    members: members(Object.keys(users)),
  });
  await scimCall(stack, scimToken, 'PATCH', `/Users/${users['Donald Knuth']}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'replace', value: { active: false } }],
  });

  // Frances accepts her invite with a password: she is now an active admin who can sign in.
  const [link] = await stack.inviteLinks(ADMIN_EMAIL);
  const accepted = await fetch(`${stack.baseUrl}${new URL(link ?? '').pathname}`, {
    method: 'POST',
    body: new URLSearchParams({ password: ADMIN_PASSWORD, confirm: ADMIN_PASSWORD }),
  });
  if (accepted.status !== 200) throw new Error(`invite accept failed: ${accepted.status}`);
  return {
    orgId: created.org.id,
    scimToken,
    scimKeyId: created.scim.key.id,
    serviceAccountId: created.serviceAccount.id,
    adminUserId: String(admin.body['id']),
    users,
  };
}

export type SeededOrg = Awaited<ReturnType<typeof seedOrg>>;
