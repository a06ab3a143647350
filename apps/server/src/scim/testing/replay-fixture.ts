import { expect } from 'vitest';
import type { Test } from 'supertest';
import type { TestToken } from './scim-test-app.ts';

/** Whatever sends a request under /scim/v2 with a test token: the in-process app, or the built server over HTTP. */
export type ScimRequester = {
  scim: (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, token?: TestToken | null) => Test;
};

/** One recorded IdP request and what our answer must contain. */
export type FixtureStep = {
  name: string;
  request: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    path: string;
    headers?: Record<string, string>;
    /** A TestToken name; `null`: no Authorization header; any other string is sent as is. */
    token?: string | null;
    body?: unknown;
  };
  expect: {
    status: number;
    /** Partial match (toMatchObject) after `{{var}}` substitution; `"<any>"` matches any non-empty value. */
    body?: unknown;
    /** Paths that must be absent: dotted, or an array of keys when a key holds dots (URNs). */
    absent?: (string | string[])[];
    /** The exact set of member values of a Group body, in any order. */
    memberValues?: string[];
    headers?: Record<string, string>;
  };
  /** Variables to capture from the response body: `{ userId: "id" }`. */
  save?: Record<string, string>;
};

export type Fixture = { name: string; source: string; steps: FixtureStep[] };

const TEST_TOKENS = new Set(['orgA', 'orgB', 'platform', 'reader']);

function substitute(value: unknown, vars: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\{\{(\w+)\}\}$/.exec(value);
    if (whole?.[1] !== undefined && whole[1] in vars) return vars[whole[1]];
    return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const saved = vars[name];
      return typeof saved === 'string' || typeof saved === 'number' ? String(saved) : `{{${name}}}`;
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)]));
  return value;
}

/** `"<any>"` in an expectation becomes an asymmetric matcher for any present, non-empty value. */
function matchers(value: unknown): unknown {
  if (value === '<any>') return expect.toSatisfy((v: unknown) => v !== undefined && v !== null && v !== '');
  if (Array.isArray(value)) return value.map(matchers);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, matchers(v)]));
  return value;
}

export const readPath = (body: unknown, path: string | string[]): unknown =>
  (typeof path === 'string' ? path.split('.') : path).reduce<unknown>(
    (at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
    body,
  );

/** Sends one step (variables substituted), asserts status, body and headers, and saves captures. */
export async function replayStep(app: ScimRequester, step: FixtureStep, vars: Record<string, unknown>) {
  const path = substitute(step.request.path, vars) as string;
  const token = step.request.token === undefined ? 'orgA' : step.request.token;
  const method = step.request.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let req = app.scim(method, path, token !== null && TEST_TOKENS.has(token) ? (token as TestToken) : null);
  if (token !== null && !TEST_TOKENS.has(token)) req = req.set('Authorization', token);
  for (const [name, value] of Object.entries(step.request.headers ?? {})) req = req.set(name, value);
  if (step.request.body !== undefined) {
    if (!step.request.headers?.['Content-Type']) req = req.set('Content-Type', 'application/scim+json');
    req = req.send(JSON.stringify(substitute(step.request.body, vars)));
  }
  const res = await req;
  // Captured first, so a step may assert on its own new id (e.g. `meta.location`).
  for (const [name, path] of Object.entries(step.save ?? {})) vars[name] = readPath(res.body, path);
  const context = `${step.name}: ${res.status} ${JSON.stringify(res.body)}`;
  expect(res.status, context).toBe(step.expect.status);
  expect(res.headers['content-type'] ?? 'none', context).toMatch(
    res.status === 204 ? /^none$/ : /^application\/scim\+json; charset=utf-8$/,
  );
  if (step.expect.body !== undefined)
    expect(res.body, context).toMatchObject(matchers(substitute(step.expect.body, vars)) as object);
  for (const path of step.expect.absent ?? [])
    expect(readPath(res.body, path), `${context} (${String(path)} must be absent)`).toBeUndefined();
  if (step.expect.memberValues) {
    const members = (res.body as { members?: { value: string }[] }).members ?? [];
    const wanted = substitute(step.expect.memberValues, vars) as string[];
    expect(members.map((m) => m.value).sort(), context).toEqual([...wanted].sort());
  }
  for (const [name, value] of Object.entries(step.expect.headers ?? {})) {
    expect(res.headers[name.toLowerCase()], context).toBe(substitute(value, vars));
  }
  return res;
}
