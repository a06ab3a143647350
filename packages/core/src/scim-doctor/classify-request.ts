import type { Idp, RequestShape, ScimOperation } from './traffic-record.ts';

const RESOURCE_VERBS: Record<string, Record<string, ScimOperation>> = {
  users: { GET: 'users-list', POST: 'users-create' },
  groups: { GET: 'groups-list', POST: 'groups-create' },
};
const ITEM_VERBS: Record<string, Record<string, ScimOperation>> = {
  users: { GET: 'users-get', PUT: 'users-replace', PATCH: 'users-patch', DELETE: 'users-delete' },
  groups: { GET: 'groups-get', PUT: 'groups-replace', PATCH: 'groups-patch', DELETE: 'groups-delete' },
};
const DISCOVERY = new Set(['serviceproviderconfig', 'resourcetypes', 'schemas']);

/** `PATCH /Users/0193…` → `users-patch` (paths under /scim/v2, matched as Express does: any case). */
export function operationOf(method: string, path: string): ScimOperation {
  const [first = '', second, third] = path.toLowerCase().split('/').filter(Boolean);
  if (first === '.search' || second === '.search') return 'search';
  if (first === 'bulk' && second === undefined) return 'bulk';
  if (DISCOVERY.has(first)) return 'discovery';
  const verbs = second === undefined ? RESOURCE_VERBS[first] : third === undefined ? ITEM_VERBS[first] : undefined;
  return verbs?.[method.toUpperCase()] ?? 'other';
}

/** `/Users/0193…` → `/Users/{id}`: the doctor's error list names the route, not the resource. */
export const routeOf = (path: string) =>
  path.replace(/^\/(Users|Groups)\/(?!\.search$)[^/]+/i, (_, resource: string) => `/${resource}/{id}`);

const LEGACY_GROUP_URN = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';
/** The most PATCH operations looked at: the shapes show in the first ones; a huge PATCH costs no more. */
const OPS_LOOKED_AT = 50;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringBoolean = (value: unknown) => value === 'True' || value === 'False';
const isBlank = (value: unknown) => typeof value === 'string' && value.trim() === '';
const hasBlankEmail = (emails: unknown) =>
  Array.isArray(emails) && emails.some((email) => isRecord(email) && isBlank(email['value']));
const hasStringPrimary = (values: unknown) =>
  Array.isArray(values) && values.some((value) => isRecord(value) && isStringBoolean(value['primary']));

/** Shapes of a User or Group body (POST, PUT, or a path-less PATCH value). */
function resourceShapes(body: Record<string, unknown>, found: Set<RequestShape>) {
  if (isStringBoolean(body['active']) || hasStringPrimary(body['emails']) || hasStringPrimary(body['roles']))
    found.add('string-boolean');
  if (hasBlankEmail(body['emails'])) found.add('empty-email');
  if (Array.isArray(body['schemas']) && body['schemas'].includes(LEGACY_GROUP_URN)) found.add('entra-form');
}

function patchShapes(operations: unknown[], found: Set<RequestShape>) {
  for (const op of operations.slice(0, OPS_LOOKED_AT)) {
    if (!isRecord(op)) continue;
    const name = typeof op['op'] === 'string' ? op['op'] : '';
    const path = typeof op['path'] === 'string' ? op['path'].toLowerCase() : '';
    const value = op['value'];
    if (/^[A-Z]/.test(name)) found.add('capitalised-op');
    if (isStringBoolean(value)) found.add('string-boolean');
    if (name.toLowerCase() === 'remove' && path === 'members' && Array.isArray(value))
      found.add('member-remove-by-value');
    if (path.startsWith('emails') && (isBlank(value) || hasBlankEmail(value))) found.add('empty-email');
    if (!path && isRecord(value)) {
      if (Object.keys(value).some((key) => key.includes('.'))) found.add('entra-form');
      resourceShapes(value, found);
    }
  }
}

export type ClassifiedRequest = {
  method: string;
  /** Under /scim/v2, without the query string. */
  path: string;
  userAgent: string | null;
  /** The parsed JSON body, if any. */
  body: unknown;
  status: number;
  /** The key's rate limit refused it (429 before any handler ran). */
  rateLimited: boolean;
};

/** The shapes one request shows (see REQUEST_SHAPES), from a bounded look at its body and its answer. */
export function shapesOf(request: ClassifiedRequest): RequestShape[] {
  const found = new Set<RequestShape>();
  const body = request.body;
  if (isRecord(body)) {
    if (Array.isArray(body['Operations'])) patchShapes(body['Operations'], found);
    else resourceShapes(body, found);
  }
  const operation = operationOf(request.method, request.path);
  if (request.status === 409 && operation.startsWith('users-')) found.add('username-conflict');
  if (request.status === 429 && request.rateLimited) found.add('rate-limited');
  return [...found];
}

const ENTRA_SHAPES: readonly RequestShape[] = [
  'string-boolean',
  'capitalised-op',
  'member-remove-by-value',
  'entra-form',
];

/**
 * The IdP behind a request: Okta names itself in its User-Agent (`Okta SCIM Client 1.0.0`,
 * `OKTA SCIM Integration`); Entra is recognised by the forms only it sends, or a
 * Microsoft/Azure User-Agent (an inference: Microsoft documents none).
 */
export function idpOf(userAgent: string | null, shapes: readonly RequestShape[]): Idp {
  if (userAgent && /okta/i.test(userAgent)) return 'okta';
  if (userAgent && /azure|microsoft|entra/i.test(userAgent)) return 'entra';
  return shapes.some((shape) => ENTRA_SHAPES.includes(shape)) ? 'entra' : 'unknown';
}
